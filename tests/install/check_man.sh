#!/bin/sh
# Checks the npq(1) man page as man renders it: check_man.sh PAGE SOURCE_DIR DOCDIR
# Every line within 100 columns; EXIT STATUS gives 0-4; ENVIRONMENT names every variable npq
# reads (each name src/ passes to getenv, or to app.cpp's set_and_not_zero); EXAMPLES; SEE ALSO
# names README.md and every installed docs/*.md, each of which must be in DOCDIR.
set -eu
page="$1"
source="$2"
docdir="$3"
fail() { echo "FAIL: $*"; exit 1; }
text="$(LC_ALL=C.UTF-8 MANWIDTH=100 man --warnings -l "$page" 2>&1)" || fail "man cannot render $page"
wide=$(printf '%s\n' "$text" | LC_ALL=C.UTF-8 awk 'length($0) > 100 { n++ } END { print n + 0 }')
[ "$wide" -eq 0 ] || fail "$wide lines of npq.1 are wider than 100 columns at MANWIDTH=100, e.g.
$(printf '%s\n' "$text" | LC_ALL=C.UTF-8 awk 'length($0) > 100' | head -3)"
# section NAME: the section's text, without its heading.
section() {
  printf '%s\n' "$text" | awk -v name="$1" '/^[A-Z]/ { on = ($0 == name); next } on'
}
for s in "EXIT STATUS" ENVIRONMENT EXAMPLES "SEE ALSO"; do
  [ -n "$(section "$s")" ] || fail "npq.1 has no $s section"
done
for status in 0 1 2 3 4; do
  section "EXIT STATUS" | grep -q "^       $status  " || fail "EXIT STATUS does not give status $status"
done
read=$(grep -rhoE '(getenv|set_and_not_zero)\("[A-Z_]+"' "$source/src" | sed 's/.*("//; s/"$//' | sort -u)
for v in $read NO_COLOR FORCE_COLOR CLICOLOR_FORCE TERM COLUMNS GITHUB_ACTIONS; do
  section ENVIRONMENT | grep -qw "$v" || fail "ENVIRONMENT does not name $v, which npq reads"
done
section EXAMPLES | grep -q '^       npq validate' || fail "EXAMPLES shows no npq command"
see_also=$(section "SEE ALSO")
for doc in README.md $(cd "$docdir" && ls docs/*.md); do
  printf '%s\n' "$see_also" | grep -q "^       $doc\$" || fail "SEE ALSO does not name $doc"
done
for doc in $(printf '%s\n' "$see_also" | sed -n 's/^       \([^ ]*\.md\)$/\1/p'); do
  test -f "$docdir/$doc" || fail "SEE ALSO names $doc, which is not installed in $docdir"
done
