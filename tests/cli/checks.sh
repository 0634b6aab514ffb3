#!/bin/sh
# Process-level checks of the real binary: checks.sh CHECK NPQ SOURCE_DIR
set -u
check="$1"
npq="$2"
cd "$3" || exit 1
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

case "$check" in
deterministic)
  # Same input, byte-identical output: two runs, and one thread against two.
  for cmd in "validate -j 1 programmes examples" "validate -j 2 programmes examples" \
             "routemap --mermaid --allow-contradictions programmes/ucl-npqsl.yaml" "hours -f json programmes" \
             "routemap -f svg --allow-contradictions programmes/modular-npqsl.yaml" \
             "routemap -f html --standalone --allow-contradictions programmes/ucl-npqsl.yaml" \
             "routemap -f jsonld --allow-contradictions programmes/ucl-npqsl.yaml" \
             "validate -f sarif -j 2 programmes examples"; do
    $npq $cmd > "$tmp/a" 2>&1
    $npq $cmd > "$tmp/b" 2>&1
    cmp -s "$tmp/a" "$tmp/b" || fail "two runs of 'npq $cmd' differ"
  done
  $npq validate -j 1 programmes examples > "$tmp/one" 2>&1
  $npq validate -j 2 programmes examples > "$tmp/two" 2>&1
  cmp -s "$tmp/one" "$tmp/two" || fail "-j 1 and -j 2 differ"
  ;;
routemap-check)
  page="$tmp/page.md"
  $npq routemap --mermaid --allow-contradictions programmes/ucl-npqsl.yaml -o "$page" || fail "routemap -o"
  $npq routemap --mermaid --allow-contradictions programmes/ucl-npqsl.yaml --check "$page" > "$tmp/out" 2>&1 \
    || fail "--check fails on a current page: $(cat "$tmp/out")"
  echo "stale line" >> "$page"
  $npq routemap --mermaid --allow-contradictions programmes/ucl-npqsl.yaml --check "$page" > "$tmp/out" 2>&1
  [ $? -eq 1 ] || fail "--check does not exit 1 on a stale page"
  grep -q '^-stale line' "$tmp/out" || fail "--check prints no diff: $(cat "$tmp/out")"
  # -o never writes over an input.
  cp programmes/ucl-npqsl.yaml "$tmp/p.yaml"
  $npq routemap --allow-contradictions "$tmp/p.yaml" -o "$tmp/p.yaml" > /dev/null 2>&1
  [ $? -eq 3 ] || fail "-o over the input file was not refused"
  cmp -s programmes/ucl-npqsl.yaml "$tmp/p.yaml" || fail "the input file was changed"
  # --check works for every format.
  for f in html svg jsonld; do
    $npq routemap -f $f --allow-contradictions programmes/ucl-npqsl.yaml -o "$tmp/page.$f" || fail "-f $f -o"
    $npq routemap -f $f --allow-contradictions programmes/ucl-npqsl.yaml --check "$tmp/page.$f" \
      > "$tmp/out" 2>&1 || fail "--check fails on a current $f page: $(cat "$tmp/out")"
    sed 's/ hours/ HOURS/' "$tmp/page.$f" > "$tmp/stale.$f"
    $npq routemap -f $f --allow-contradictions programmes/ucl-npqsl.yaml --check "$tmp/stale.$f" \
      > "$tmp/out" 2>&1
    [ $? -eq 1 ] || fail "--check does not exit 1 on a stale $f page"
  done
  # Front matter: keys a site adds are its own; npq's keys and the body must be current.
  fm="$tmp/fm.md"
  $npq routemap --front-matter programmes/ambition-npqsl.yaml -o "$fm" || fail "--front-matter -o"
  head -1 "$fm" | grep -qx -- '---' || fail "--front-matter writes no front matter"
  grep -q '^title: "What is the NPQ in Senior Leadership?"$' "$fm" || fail "front matter has no title"
  grep -q '^  source: "programmes/ambition-npqsl.yaml"$' "$fm" || fail "front matter has no npq.source"
  { echo '---'; echo 'layout: page'; echo 'nav_order: 3'; sed '1d' "$fm"; } > "$tmp/site.md"
  $npq routemap --front-matter programmes/ambition-npqsl.yaml --check "$tmp/site.md" > "$tmp/out" 2>&1 \
    || fail "--check calls a page stale for the site's own front matter keys: $(cat "$tmp/out")"
  sed 's/^title: .*/title: "Another title"/' "$tmp/site.md" > "$tmp/retitled.md"
  $npq routemap --front-matter programmes/ambition-npqsl.yaml --check "$tmp/retitled.md" > "$tmp/out" 2>&1
  [ $? -eq 1 ] && grep -q "'title' is not what npq writes" "$tmp/out" \
    || fail "--check accepts a changed title: $(cat "$tmp/out")"
  echo "an edit" >> "$tmp/site.md"
  $npq routemap --front-matter programmes/ambition-npqsl.yaml --check "$tmp/site.md" > "$tmp/out" 2>&1
  [ $? -eq 1 ] && grep -q '^-an edit' "$tmp/out" || fail "--check accepts an edited body: $(cat "$tmp/out")"
  # A page without --front-matter may carry the site's own front matter.
  $npq routemap programmes/ambition-npqsl.yaml -o "$tmp/plain.md"
  { printf -- '---\nlayout: page\n---\n'; cat "$tmp/plain.md"; } > "$tmp/plain-site.md"
  $npq routemap programmes/ambition-npqsl.yaml --check "$tmp/plain-site.md" > "$tmp/out" 2>&1 \
    || fail "--check calls a page stale for front matter npq did not write: $(cat "$tmp/out")"
  # Options that do not fit the format are usage errors; a suite has no picture of its own.
  $npq routemap -f svg --front-matter programmes/ambition-npqsl.yaml > /dev/null 2>&1
  [ $? -eq 2 ] || fail "--front-matter with -f svg is not a usage error"
  $npq routemap -f jsonld programmes/mk-ucl-npqs.yaml > "$tmp/out" 2>&1
  [ $? -eq 2 ] && grep -q "on each member" "$tmp/out" || fail "-f jsonld on a suite: $(cat "$tmp/out")"
  ;;
config)
  mkdir -p "$tmp/project/programmes" "$tmp/project/deep/er"
  cp examples/warnings/npq303-unaccounted-activity.yaml "$tmp/project/programmes/p.yaml"
  cat > "$tmp/project/.npq.yaml" <<'YAML'
format: 1
kind: config
paths: [programmes]
severity:
  - {code: NPQ303, severity: error}
YAML
  (cd "$tmp/project/deep/er" && $npq validate > "$tmp/out" 2>&1)
  [ $? -eq 1 ] || fail "the severity override from .npq.yaml two folders up was not applied: $(cat "$tmp/out")"
  grep -q 'error\[NPQ303\]' "$tmp/out" || fail "NPQ303 is not an error: $(cat "$tmp/out")"
  (cd "$tmp/project/deep/er" && $npq validate --no-config ../../programmes > "$tmp/out" 2>&1)
  [ $? -eq 0 ] || fail "--no-config still applied the config"
  echo "severity: [{code: NPQ303, severity: fatal}]" >> "$tmp/project/.npq.yaml"
  (cd "$tmp/project" && $npq validate > "$tmp/out" 2>&1)
  [ $? -eq 1 ] && grep -q 'NPQ012\|NPQ105' "$tmp/out" || fail "an invalid .npq.yaml was not reported: $(cat "$tmp/out")"
  # A configuration above the repository root (the folder holding .git) is never used.
  mkdir -p "$tmp/outer/repo/.git" "$tmp/outer/repo/programmes"
  cp examples/warnings/npq303-unaccounted-activity.yaml "$tmp/outer/repo/programmes/p.yaml"
  printf 'format: 1\nkind: config\nseverity:\n  - {code: NPQ303, severity: error}\n' \
    > "$tmp/outer/.npq.yaml"
  (cd "$tmp/outer/repo" && $npq validate > "$tmp/out" 2>&1)
  [ $? -eq 0 ] || fail "a .npq.yaml above the repository root was applied: $(cat "$tmp/out")"
  # A configuration that switches findings off says so: the summary line names it and counts.
  mkdir -p "$tmp/quiet/.git" "$tmp/quiet/programmes"
  cp examples/invalid/npq102-unknown-key.yaml "$tmp/quiet/programmes/p.yaml"
  printf 'format: 1\nkind: config\nseverity:\n  - {code: NPQ102, severity: off}\n' \
    > "$tmp/quiet/.npq.yaml"
  (cd "$tmp/quiet/programmes" && $npq validate --strict p.yaml > "$tmp/out" 2>&1)
  [ $? -eq 0 ] || fail "NPQ102 was not turned off: $(cat "$tmp/out")"
  grep -q 'configuration ../.npq.yaml turned off 1 finding' "$tmp/out" ||
    fail "the summary does not name the configuration and what it turned off: $(cat "$tmp/out")"
  (cd "$tmp/quiet/programmes" && $npq validate --no-config p.yaml > "$tmp/out" 2>&1)
  [ $? -eq 1 ] && ! grep -q 'configuration' "$tmp/out" || fail "--no-config: $(cat "$tmp/out")"
  ;;
partial)
  # Every report command reports the inputs it could read, writes them, and exits 3.
  for cmd in hours coverage compare; do
    rm -f "$tmp/out.txt"
    $npq $cmd programmes/ucl-npqsl.yaml programmes/ambition-npqsl.yaml no-such-file.yaml \
      -o "$tmp/out.txt" > "$tmp/log" 2>&1
    status=$?
    [ $status -eq 3 ] || fail "npq $cmd with a missing input exits $status, not 3: $(cat "$tmp/log")"
    grep -q 'UCL\|ucl' "$tmp/out.txt" 2>/dev/null || fail "npq $cmd wrote nothing for the readable inputs"
  done
  ;;
linked-outside)
  # A suite member's programme outside the suite's project is never read by a report either:
  # not reported on, not exported, and named only as NPQ374 (a file-content oracle otherwise).
  mkdir -p "$tmp/proj/.git" "$tmp/outside"
  sed 's/^title: .*/title: SECRET-OUTSIDE-TITLE/' programmes/ucl-npqsl.yaml > "$tmp/outside/p.yaml"
  sed 's|programme: ucl-npqsl.yaml|programme: ../outside/p.yaml|' programmes/mk-ucl-npqs.yaml \
    > "$tmp/proj/suite.yaml"
  grep -q 'programme: ../outside/p.yaml' "$tmp/proj/suite.yaml" || fail "fixture: no member edited"
  for cmd in hours export compare coverage; do
    (cd "$tmp/proj" && $npq $cmd suite.yaml > "$tmp/out" 2>&1)
    ! grep -q 'SECRET-OUTSIDE-TITLE' "$tmp/out" ||
      fail "npq $cmd read a member programme outside the project: $(cat "$tmp/out")"
  done
  (cd "$tmp/proj" && $npq validate suite.yaml > "$tmp/out" 2>&1)
  grep -q 'NPQ374' "$tmp/out" || fail "validate does not report the member outside: $(cat "$tmp/out")"
  # The same for a source document named by a programme in the current folder (an empty parent
  # folder once let '../' out of the project).
  echo 'the quote' > "$tmp/outside/page.txt"
  sed 's|document: /etc/passwd|document: ../outside/page.txt|; s|quote: root|quote: the quote|' \
    examples/invalid/npq374-outside-project.yaml > "$tmp/proj/p.yaml"
  (cd "$tmp/proj" && $npq validate p.yaml > "$tmp/out" 2>&1)
  grep -q 'NPQ374' "$tmp/out" || fail "a source document outside is read: $(cat "$tmp/out")"
  ;;
usage)
  $npq valdate > "$tmp/out" 2>&1
  [ $? -eq 2 ] || fail "an unknown command does not exit 2"
  grep -q "did you mean 'validate'" "$tmp/out" || fail "no suggestion for 'valdate': $(cat "$tmp/out")"
  $npq validate --stirct programmes > "$tmp/out" 2>&1
  [ $? -eq 2 ] || fail "an unknown option does not exit 2"
  grep -q "did you mean '--strict'" "$tmp/out" || fail "no suggestion for '--stirct': $(cat "$tmp/out")"
  $npq validate no-such-file.yaml > "$tmp/out" 2>&1
  [ $? -eq 3 ] || fail "a missing file does not exit 3"
  for c in validate hours routemap coverage compare diff export init frameworks explain schema; do
    $npq $c --help > "$tmp/out" 2>&1 || fail "npq $c --help"
    grep -q 'Examples:' "$tmp/out" || fail "npq $c --help shows no examples"
  done
  ;;
*)
  fail "unknown check $check"
  ;;
esac
echo "ok: $check"
