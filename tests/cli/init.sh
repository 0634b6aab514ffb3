#!/bin/sh
# 'npq init' outside npq's source tree: init.sh NPQ SOURCE_DIR
# A code typed in any case is accepted and written as the catalogue spells it, and the $schema line
# is a path relative to the new file that leads to npq's programme schema: an absolute path would
# name this machine's folders in a file that is committed and shared.
set -u
npq="$1"
source="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# schema_of FILE: the $schema value; checks it is relative and reaches the programme schema.
schema_of() {
  value=$(sed -n 's/^# yaml-language-server: \$schema=//p' "$1")
  [ -n "$value" ] || fail "$1 has no \$schema line: $(head -3 "$1")"
  case "$value" in
    /*|*://*) fail "$1: \$schema is not relative to the file: $value" ;;
  esac
  target="$(dirname "$1")/$value"
  cmp -s "$target" "$source/schemas/programme.schema.json" ||
    fail "$1: \$schema $value does not lead to the programme schema"
}

mkdir -p "$tmp/project/programmes"
cd "$tmp/project" || exit 1
"$npq" init -q npqh --provider "Example Trust" -o programmes/new.yaml > "$tmp/out" 2>&1 ||
  fail "init -q npqh refused: $(cat "$tmp/out")"
grep -qx 'qualification: NPQH  # a code from .npq frameworks.' programmes/new.yaml ||
  fail "the code is not written as the catalogue spells it: $(grep qualification: programmes/new.yaml)"
schema_of programmes/new.yaml
"$npq" validate programmes/new.yaml > "$tmp/out" 2>&1 || fail "the new file does not validate: $(cat "$tmp/out")"
# Standard output: relative to the current folder, where '> file' puts it.
"$npq" init -q NpqLt -p X > here.yaml 2> "$tmp/out" || fail "init -q NpqLt: $(cat "$tmp/out")"
grep -q '^qualification: NPQLT ' here.yaml || fail "NpqLt is not written NPQLT"
schema_of here.yaml
# An unknown code is still refused, with a suggestion.
"$npq" init -q npqhx -p X > "$tmp/out" 2>&1
[ $? -eq 2 ] || fail "an unknown code does not exit 2"
grep -q "did you mean 'NPQH'" "$tmp/out" || fail "no suggestion for npqhx: $(cat "$tmp/out")"
echo "ok: init"
