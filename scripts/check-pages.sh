#!/bin/sh
# Checks that each programme's generated route map page is current:
#   check-pages.sh [--dir DIR] [--mermaid] [--allow-contradictions] PROGRAMME.yaml...
# For programmes/x.yaml the page is DIR/x.md (default DIR: site/routemaps). Prints a diff and
# exits 1 for a stale page; regenerate with: npq routemap x.yaml [--mermaid] -o DIR/x.md
set -u
dir=site/routemaps
mermaid=""
allow=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --mermaid) mermaid="--mermaid"; shift ;;
    --allow-contradictions) allow="--allow-contradictions"; shift ;;
    *) break ;;
  esac
done
status=0
for programme in "$@"; do
  name=$(basename "$programme")
  page="$dir/${name%.*}.md"
  if [ ! -f "$page" ]; then
    echo "$page: missing; create it with: npq routemap $programme $mermaid $allow -o $page"
    status=1
    continue
  fi
  npq routemap "$programme" $mermaid $allow --check "$page" || status=1
done
exit $status
