#!/bin/sh
# Shell completions offer option values: completions.sh NPQ
# bash's script is loaded into a bash that runs its completion function as bash does on <TAB>;
# zsh and fish are not installed here, so their scripts are checked for the same values as text.
set -u
npq="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
for shell in bash zsh fish; do
  "$npq" completions $shell > "$tmp/npq.$shell" || fail "npq completions $shell"
done
mkdir "$tmp/files" && touch "$tmp/files/a.yaml"

# offers 'EXPECTED' WORD...: what _npq offers for the command line WORD... (the last word is the
# one being completed), in the folder files/ holding a.yaml.
offers() {
  expected="$1"
  shift
  got=$(cd "$tmp/files" && bash --norc --noprofile -c '. "$1"; shift; COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1)); _npq; echo "${COMPREPLY[*]}"' sh "$tmp/npq.bash" "$@")
  [ "$got" = "$expected" ] || fail "bash offers '$got' for '$*', not '$expected'"
}
offers "text json sarif github" npq validate --format ""
offers "sarif" npq validate -f s
offers "text json sarif github" npq validate --format = ""
offers "json" npq validate --format = j
offers "text markdown csv json" npq hours -f ""
offers "markdown html svg jsonld" npq routemap --format ""
offers "text json" npq frameworks --format ""
offers "auto always never" npq coverage --color ""
offers "programme suite framework catalogue config" npq schema ""
offers "NPQSL NPQSENCO" npq init -q NPQS
offers "show" npq frameworks ""
offers "npqsl-2020" npq frameworks show npqsl
offers "npqsl-2020" npq frameworks -f json show npqsl
offers "catalogue" npq frameworks show cat
offers "" npq frameworks show npqsl-2020 ""
# Not file names where a value is expected, but file names where they belong.
offers "" npq init --provider ""
offers "a.yaml" npq validate --format json ""
offers "a.yaml" npq validate --config ""
offers "--format" npq validate --form
offers "validate" npq vali

# zsh: -f/--format take a value from the list; _arguments sees the words after 'npq'.
grep -q "^  shift words$" "$tmp/npq.zsh" || fail "zsh: the words after 'npq' are not what _arguments reads"
for spec in "'--format=\[[^]]*\]:format:(text json sarif github)'" \
            "'-f+\[[^]]*\]:format:(text json sarif github)'" \
            "'--color=\[[^]]*\]:color:(auto always never)'" \
            "'--qualification=\[[^]]*\]:qualification:(NPQEYL NPQEL NPQH " \
            "'1:argument:(programme suite framework catalogue config)'" \
            "'2:argument:(npq-2017 .*npqsl-2020 .*catalogue)'"; do
  grep -q -- "$spec" "$tmp/npq.zsh" || fail "zsh: no $spec"
done
# fish: -x (a value, not a file name) with the list.
for spec in "from validate' -s f -l format -x -a 'text json sarif github'" \
            "from hours' -s f -l format -x -a 'text markdown csv json'" \
            "from init' -s q -l qualification -x -a 'NPQEYL NPQEL NPQH " \
            "from init' -l color -x -a 'auto always never'" \
            "from schema; and not __fish_seen_subcommand_from programme suite framework catalogue config' -a 'programme" \
            "from frameworks; and __fish_seen_subcommand_from show; .* -a 'npq-2017 .*npqsl-2020 .*catalogue'"; do
  grep -q -- "$spec" "$tmp/npq.fish" || fail "fish: no $spec"
done
echo "ok: completions"
