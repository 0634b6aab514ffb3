#!/bin/sh
# Checks that each programme's generated route map page is current:
#   check-pages.sh [--dir DIR] [--format markdown|html|svg|jsonld] [--mermaid] [--front-matter]
#                  [--allow-contradictions] PROGRAMME.yaml...
# For programmes/x.yaml the page is DIR/x.md (.html, .svg, .jsonld for the other formats; default
# DIR: site/routemaps). Prints a diff and exits 1 for a stale page; regenerate with
#   npq routemap x.yaml [-f FORMAT] [--mermaid] [--front-matter] -o DIR/x.md
set -u
dir=site/routemaps
format=markdown
flags=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --format) format="$2"; shift 2 ;;
    --mermaid|--front-matter|--allow-contradictions|--standalone) flags="$flags $1"; shift ;;
    *) break ;;
  esac
done
case "$format" in
  markdown) ext=md ;;
  html|svg|jsonld) ext=$format ;;
  *) echo "check-pages.sh: unknown format '$format'"; exit 2 ;;
esac
status=0
for programme in "$@"; do
  name=$(basename "$programme")
  page="$dir/${name%.*}.$ext"
  if [ ! -f "$page" ]; then
    echo "$page: missing; create it with: npq routemap $programme -f $format$flags -o $page"
    status=1
    continue
  fi
  npq routemap "$programme" -f "$format" $flags --check "$page" || status=1
done
exit $status
