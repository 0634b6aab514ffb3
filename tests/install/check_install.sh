#!/bin/sh
# Usage: check_install.sh BUILD_DIR SOURCE_DIR
set -eu
build="$1"
source="$2"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
fail() { echo "FAIL: $*"; exit 1; }
test -x "$prefix/bin/npq" || fail "bin/npq not installed"
"$prefix/bin/npq" --version | grep -q '^npq ' || fail "installed npq --version"
cd "$source"
"$prefix/bin/npq" validate examples/valid/consistent-programme.yaml >/dev/null || fail "installed npq validate"
for s in programme suite framework catalogue config export; do
  test -f "$prefix/share/npq/schemas/$s.schema.json" || fail "schema $s not installed"
done
test -f "$prefix/share/doc/npq/LICENSE" || fail "LICENSE not installed"
grep -q 'Open Government Licence' "$prefix/share/doc/npq/NOTICE" || fail "NOTICE not installed"
test -f "$prefix/share/doc/npq/README.md" || fail "README.md not installed"
test -f "$prefix/share/doc/npq/docs/checks.md" || fail "docs/checks.md not installed"
# SARIF from the installed binary links to the documentation installed beside it.
"$prefix/bin/npq" validate -f sarif examples/valid/consistent-programme.yaml > "$prefix/out.sarif"
grep -q "\"helpUri\": \"file://$prefix/share/doc/npq/docs/checks.md#npq001-" "$prefix/out.sarif" ||
  fail "SARIF helpUri does not point at the installed docs/checks.md: $(grep -m1 helpUri "$prefix/out.sarif")"
test -f "$prefix/share/man/man1/npq.1" || fail "man page not installed (help2man: scripts/install-deps.sh)"
grep -q 'npq validate' "$prefix/share/man/man1/npq.1" || fail "man page lacks the commands"
sh "$source/tests/install/check_man.sh" "$prefix/share/man/man1/npq.1" "$source" "$prefix/share/doc/npq"
test -f "$prefix/share/bash-completion/completions/npq" || fail "bash completion not installed"
test -f "$prefix/share/zsh/vendor-completions/_npq" || fail "zsh completion not installed"
test -f "$prefix/share/fish/vendor_completions.d/npq.fish" || fail "fish completion not installed"
# The bash completion loads and completes a command name.
out=$(bash -c ". '$prefix/share/bash-completion/completions/npq'; COMP_WORDS=(npq vali); COMP_CWORD=1; _npq; echo \"\${COMPREPLY[*]}\"")
[ "$out" = "validate" ] || fail "bash completion gave '$out' for 'vali'"
# A freshly initialised programme from the installed binary points at the installed schema, by a
# path relative to the new file (the file is shared; an absolute path names this machine's folders).
(cd "$prefix" && "$prefix/bin/npq" init -q npqlt -p "Install Test" -o new.yaml 2>/dev/null) ||
  fail "installed npq init"
schema=$(sed -n 's/^# yaml-language-server: \$schema=//p' "$prefix/new.yaml")
[ "$schema" = "share/npq/schemas/programme.schema.json" ] ||
  fail "npq init wrote \$schema=$schema, not the installed schema relative to the file"
"$prefix/bin/npq" validate "$prefix/new.yaml" >/dev/null || fail "npq init output does not validate"
echo "install into $prefix: ok"
