#!/usr/bin/env bash
# The npq benchmark: bench/run.sh, from the repository root (or anywhere).
#
# Builds npq (Release, build/bench) and the yaml-cpp parse-only floor, generates synthetic
# corpora into bench/out/, and measures with hyperfine (median of >= 5 runs) and
# /usr/bin/time -f %M (peak RSS):
#   - npq validate on one ~4 KB file, and on one of the real programmes;
#   - npq validate on 1,000 files with -j 1 and -j 2;
#   - the yaml-cpp parse floor on the same 1,000 files (events; 1 and 2 threads; YAML::LoadAll),
#     and libyaml's event parser on them for comparison (if libyaml-dev is installed);
#   - python3-jsonschema + PyYAML, @sourcemeta/jsonschema (native binary) and ajv-cli, against
#     schemas/programme.schema.json, on the same files (the npm tools from bench/node_modules);
#   - scaling: one programme with 10,000 / 30,000 / 100,000 activities (time, peak RSS);
#   - a profile of the 1,000-file run by phase (perf, or callgrind on 50 files without perf).
# Writes bench/out/results.json and prints a table (bench/summarise.py).
#
# Environment: BENCH_RUNS (default 10, at least 5), BENCH_MAX_LOAD (default 1.5: wait before
# each measurement until the 1-minute load average is below it), BENCH_MAX_BUSY (default 0.5:
# and until other programs used at most this many cores over 3 s), BENCH_WAIT_MINUTES (default
# 30: the longest wait, after which it measures anyway and records the load), BENCH_ONLY (a
# regular expression: re-measure only the benchmarks whose names match, keeping the others'
# results, and skip the profiles), BENCH_SCALES (default "10000 30000 100000"), BENCH_OUT
# (default bench/out: where corpora and results go), BENCH_NPQ (measure this npq binary instead
# of building the working tree).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BUILD="$ROOT/build/bench"
OUT=${BENCH_OUT:-$ROOT/bench/out}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
RUNS=${BENCH_RUNS:-10}
((RUNS >= 5)) || RUNS=5
MAX_LOAD=${BENCH_MAX_LOAD:-1.5}
MAX_BUSY=${BENCH_MAX_BUSY:-0.5}
WAIT_MINUTES=${BENCH_WAIT_MINUTES:-30}
PY=/usr/bin/python3 # Debian's python3-jsonschema and python3-yaml, not a pyenv or venv python
[[ -x $PY ]] || PY=python3

log() { printf '\n== %s\n' "$*" >&2; }

# ---- tools -----------------------------------------------------------------------------------
need_apt() { # command package
  if ! command -v "$1" >/dev/null 2>&1 && [[ ! -x $1 ]]; then
    log "installing $2"
    if [[ $(id -u) == 0 ]]; then
      apt-get install -y "$2" >/dev/null || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }
    else
      sudo apt-get install -y "$2" >/dev/null
    fi
  fi
}
need_apt hyperfine hyperfine
need_apt /usr/bin/time time
if ! command -v cmake >/dev/null || ! command -v g++ >/dev/null; then
  echo "cmake and g++ are needed" >&2
  exit 1
fi

# ---- build -----------------------------------------------------------------------------------
if [[ -n ${BENCH_NPQ:-} ]]; then
  NPQ=$(realpath "$BENCH_NPQ") # measure this binary instead of building one
  log "using $NPQ"
else
  log "building npq (Release, static: as the release preset) in build/bench"
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DNPQ_BUILD_TESTS=OFF -DNPQ_STATIC=ON >/dev/null
  cmake --build "$BUILD" -j"$(nproc)" --target npq >/dev/null
  NPQ="$BUILD/bin/npq"
  # The same, linked dynamically: to show what static linking saves, and for the profiles
  # (perf cannot unwind the static binary's stacks).
  log "building npq (Release, dynamic) in build/bench-dynamic"
  cmake -S "$ROOT" -B "$ROOT/build/bench-dynamic" -DCMAKE_BUILD_TYPE=Release -DNPQ_BUILD_TESTS=OFF \
    -DNPQ_STATIC=OFF >/dev/null
  cmake --build "$ROOT/build/bench-dynamic" -j"$(nproc)" --target npq >/dev/null
  NPQ_DYNAMIC="$ROOT/build/bench-dynamic/bin/npq"
fi
NPQ_DYNAMIC=${NPQ_DYNAMIC:-$NPQ}
log "building the yaml-cpp parse floor (bench/parse_floor.cpp), static like npq"
# With libyaml (Debian libyaml-dev) it can also time another parser on the same files.
LIBYAML=""
if [[ -f /usr/include/yaml.h ]]; then
  LIBYAML=1
fi
mkdir -p "$BUILD"
g++ -O2 -std=c++20 -Wall -Wextra ${LIBYAML:+-DNPQ_FLOOR_LIBYAML} "$ROOT/bench/parse_floor.cpp" \
  -o "$BUILD/parse_floor" -static -lyaml-cpp ${LIBYAML:+-lyaml} -pthread
FLOOR="$BUILD/parse_floor"

# ---- comparison tools from npm (optional) ----------------------------------------------------
SOURCEMETA=""
AJV=""
if command -v npm >/dev/null 2>&1; then
  if [[ ! -d $ROOT/bench/node_modules/@sourcemeta/jsonschema || ! -d $ROOT/bench/node_modules/ajv-cli ]]; then
    log "installing @sourcemeta/jsonschema and ajv-cli into bench/node_modules"
    (cd "$ROOT/bench" && npm ci --no-audit --no-fund >/dev/null 2>&1) ||
      echo "npm ci failed: the npm comparisons are skipped" >&2
  fi
  candidate="$ROOT/bench/node_modules/@sourcemeta/jsonschema/build/github-releases/jsonschema-linux-x86_64"
  [[ -x $candidate ]] && "$candidate" version >/dev/null 2>&1 && SOURCEMETA=$candidate
  [[ -x $ROOT/bench/node_modules/.bin/ajv ]] && AJV="$ROOT/bench/node_modules/.bin/ajv"
fi
[[ -n $SOURCEMETA ]] || echo "@sourcemeta/jsonschema not available: skipped" >&2
[[ -n $AJV ]] || echo "ajv-cli not available: skipped" >&2

# ---- corpora ---------------------------------------------------------------------------------
log "generating corpora in bench/out"
mkdir -p "$OUT/raw"
rm -rf "$OUT/corpus"
"$PY" bench/generate.py --files 1000 --out "$OUT/corpus"
# The single file: the corpus file of median size (~4 KB).
ONE_SRC=$(cd "$OUT/corpus" && find . -name '*.yaml' -printf '%s %f\n' | sort -k1,1nr -k2,2 | sed -n 500p | cut -d' ' -f2)
cp "$OUT/corpus/$ONE_SRC" "$OUT/one.yaml"
mkdir -p "$OUT/one50"
rm -f "$OUT"/one50/*
corpus_files=("$OUT"/corpus/*.yaml)
cp "${corpus_files[@]:0:50}" "$OUT/one50/"
read -r -a SCALES <<<"${BENCH_SCALES:-10000 30000 100000}"
for n in "${SCALES[@]}"; do
  "$PY" bench/generate.py --activities "$n" --out "$OUT/activities-$n.yaml"
done

log "checking the corpora with npq (no input/syntax/structure/reference findings allowed)"
{
  "$NPQ" validate -f json "$OUT/corpus" "$OUT/one.yaml" || true
} >"$OUT/raw/corpus-check.json"
"$PY" bench/check_corpus.py <"$OUT/raw/corpus-check.json" | tee "$OUT/raw/corpus-check.txt"
for n in "${SCALES[@]}"; do
  { "$NPQ" validate -f json --max-file-size 64 "$OUT/activities-$n.yaml" || true; } >"$OUT/raw/scale-check-$n.json"
  "$PY" bench/check_corpus.py <"$OUT/raw/scale-check-$n.json" | tee "$OUT/raw/scale-check-$n.txt"
done
log "checking the corpus against schemas/programme.schema.json (python3-jsonschema)"
"$PY" bench/jsonschema_py.py schemas/programme.schema.json "$OUT/corpus" | tee "$OUT/raw/schema-check.txt"

# ---- measurement helpers ---------------------------------------------------------------------
load1() { cut -d' ' -f1 /proc/loadavg; }
# How many cores' worth of CPU other programs used over the last 3 s (nothing of ours runs then).
busy_cores() {
  local a b
  a=$(awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6}' /proc/stat)
  sleep 3
  b=$(awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6}' /proc/stat)
  awk -v a="$a" -v b="$b" -v n="$(nproc)" 'BEGIN{split(a, x, " "); split(b, y, " ");
    t = y[1] - x[1]; i = y[2] - x[2]; printf "%.2f\n", (t > 0) ? n * (t - i) / t : 0}'
}
wait_for_quiet() {
  local waited=0 busy
  while true; do
    busy=$(busy_cores)
    if awk -v l="$(load1)" -v m="$MAX_LOAD" -v b="$busy" -v mb="$MAX_BUSY" \
      'BEGIN{exit !(l <= m && b <= mb)}'; then
      return
    fi
    if ((waited >= WAIT_MINUTES * 60)); then
      echo "still busy after ${WAIT_MINUTES} min (load $(load1), other programs on $busy cores): measuring under load" >&2
      return
    fi
    ((waited == 0)) && echo "load $(load1), other programs on $busy cores: waiting (up to ${WAIT_MINUTES} min)" >&2
    sleep 27
    waited=$((waited + 30))
  done
}

# bench NAME COMMAND...: hyperfine (median of RUNS) + peak RSS (median of 3 runs of
# /usr/bin/time -f %M) + the load average before and after, into raw/NAME.*.
bench() {
  local name=$1
  shift
  if [[ -n ${BENCH_ONLY:-} && ! $name =~ ${BENCH_ONLY} ]]; then
    return 0
  fi
  local runs=$RUNS warmup=1 rss_runs=3
  if [[ $name == *-activities-100000 ]]; then # ~1.5 min a run at the time of writing
    runs=5 warmup=0 rss_runs=1
  fi
  wait_for_quiet
  local before busy
  busy=$(busy_cores)
  before=$(load1)
  echo "-- $name (load $before, other programs busy on $busy cores): $*" >&2
  hyperfine -N -i --warmup "$warmup" --runs "$runs" --export-json "$OUT/raw/$name.hyperfine.json" \
    --style basic -- "$(printf '%q ' "$@")" >&2 || hyperfine -i --warmup "$warmup" --runs "$runs" \
    --export-json "$OUT/raw/$name.hyperfine.json" --style basic -- "$(printf '%q ' "$@")" >&2
  local rss=()
  for ((i = 0; i < rss_runs; i++)); do
    /usr/bin/time -f %M -o "$OUT/raw/$name.time" "$@" >/dev/null 2>&1 || true
    rss+=("$(tail -1 "$OUT/raw/$name.time")")
  done
  "$PY" -c 'import json, shlex, sys
name, before, after, busy, rss, *cmd = sys.argv[1:]
json.dump({"name": name, "command": shlex.join(cmd), "load_before": float(before),
           "load_after": float(after), "other_busy_cores_before": float(busy),
           "rss_kib": [int(x) for x in rss.split(",") if x]},
          sys.stdout)' "$name" "$before" "$(load1)" "$busy" "$(IFS=,; echo "${rss[*]}")" "$@" \
    >"$OUT/raw/$name.meta.json"
}

# ---- measurements ----------------------------------------------------------------------------
if [[ -z ${BENCH_ONLY:-} ]]; then
  rm -f "$OUT"/raw/*.hyperfine.json "$OUT"/raw/*.meta.json "$OUT"/raw/profile*.json
fi
log "measuring ($RUNS runs each; waiting for load < $MAX_LOAD)"
bench exec-true /bin/true # what starting any process costs here
bench npq-version "$NPQ" --version
bench npq-one "$NPQ" validate "$OUT/one.yaml"
bench npq-one-real "$NPQ" validate programmes/ucl-npqsl.yaml
if [[ $NPQ_DYNAMIC != "$NPQ" ]]; then
  bench npq-dynamic-one "$NPQ_DYNAMIC" validate "$OUT/one.yaml"
  bench npq-dynamic-1000-j1 "$NPQ_DYNAMIC" validate -j 1 "$OUT/corpus"
fi
bench npq-1000-j1 "$NPQ" validate -j 1 "$OUT/corpus"
bench npq-1000-j2 "$NPQ" validate -j 2 "$OUT/corpus"
bench floor-one "$FLOOR" "$OUT/one.yaml"
bench floor-1000-j1 "$FLOOR" "$OUT/corpus"
bench floor-1000-j2 "$FLOOR" -j 2 "$OUT/corpus"
bench floor-load-1000-j1 "$FLOOR" --load "$OUT/corpus"
if [[ -n $LIBYAML ]]; then
  bench libyaml-floor-one "$FLOOR" --libyaml "$OUT/one.yaml"
  bench libyaml-floor-1000-j1 "$FLOOR" --libyaml "$OUT/corpus"
fi
bench pyjsonschema-one "$PY" bench/jsonschema_py.py schemas/programme.schema.json "$OUT/one.yaml"
bench pyjsonschema-1000 "$PY" bench/jsonschema_py.py schemas/programme.schema.json "$OUT/corpus"
if [[ -n $SOURCEMETA ]]; then
  bench sourcemeta-one "$SOURCEMETA" validate schemas/programme.schema.json "$OUT/one.yaml"
  bench sourcemeta-1000 "$SOURCEMETA" validate schemas/programme.schema.json "$OUT/corpus" --extension .yaml
  bench sourcemeta-fast-1000 "$SOURCEMETA" validate --fast schemas/programme.schema.json "$OUT/corpus" --extension .yaml
fi
if [[ -n $AJV ]]; then
  # ajv-cli reads YAML itself (js-yaml), so no conversion to JSON is needed.
  bench ajv-one "$AJV" validate --spec=draft2020 -s schemas/programme.schema.json -d "$OUT/one.yaml"
  bench ajv-1000 "$AJV" validate --spec=draft2020 -s schemas/programme.schema.json -d "$OUT/corpus/*.yaml"
fi
for n in "${SCALES[@]}"; do
  bench "npq-activities-$n" "$NPQ" validate --max-file-size 64 "$OUT/activities-$n.yaml"
  bench "floor-activities-$n" "$FLOOR" "$OUT/activities-$n.yaml"
  [[ -z $LIBYAML ]] || bench "libyaml-floor-activities-$n" "$FLOOR" --libyaml "$OUT/activities-$n.yaml"
done

# ---- profile ---------------------------------------------------------------------------------
# perf_profile NAME COMMAND...: perf samples (cpu-clock, DWARF call graphs) of COMMAND, grouped
# by phase into raw/NAME.json by bench/profile_phases.py. PERF_FREQ and PERF_COMM set the
# sampling frequency and which command's samples count.
perf_profile() {
  local name=$1
  shift
  wait_for_quiet
  local load
  load=$(load1)
  perf record -q -e cpu-clock -F "$PERF_FREQ" --call-graph dwarf,16384 -o "$OUT/raw/$name.data" -- \
    "$@" >/dev/null 2>&1 || true
  perf script -i "$OUT/raw/$name.data" -F comm,ip,sym,dso 2>/dev/null >"$OUT/raw/$name.script"
  rm -f "$OUT/raw/$name.data" "$OUT/raw/$name.data.old"
  "$PY" bench/profile_phases.py perf "$OUT/raw/$name.script" --comm "$PERF_COMM" --load "$load" \
    --command "perf record -e cpu-clock -F $PERF_FREQ --call-graph dwarf -- $(printf '%q ' "$@" | sed "s|$ROOT/||g")" \
    >"$OUT/raw/$name.json"
  rm -f "$OUT/raw/$name.script"
}

if [[ -n ${BENCH_ONLY:-} ]]; then
  log "BENCH_ONLY is set: no profiles"
elif command -v perf >/dev/null 2>&1 &&
  perf record -q -e cpu-clock -o "$OUT/raw/perf-probe.data" true >/dev/null 2>&1; then
  rm -f "$OUT/raw/perf-probe.data"
  log "profiling with perf"
  # The 1,000 files with -j 1 (every sample is one thread's straight-line work); DWARF unwinding
  # because the Release build has no frame pointers.
  PERF_FREQ=4000 PERF_COMM=npq perf_profile profile "$NPQ_DYNAMIC" validate -j 1 "$OUT/corpus"
  # One small file: 60 runs under one perf session, npq's samples only.
  PERF_FREQ=10000 PERF_COMM=npq perf_profile profile-one \
    sh -c "for i in \$(seq 60); do '$NPQ_DYNAMIC' validate '$OUT/one.yaml' >/dev/null; done"
  # The middle scaling file: where the time goes as the input grows.
  mid=${SCALES[$((${#SCALES[@]} / 2))]}
  PERF_FREQ=500 PERF_COMM=npq perf_profile "profile-activities-$mid" \
    "$NPQ_DYNAMIC" validate --max-file-size 64 "$OUT/activities-$mid.yaml"
elif command -v valgrind >/dev/null 2>&1; then
  log "profiling with callgrind (50 files; perf is not available)"
  wait_for_quiet
  PROFILE_LOAD=$(load1)
  valgrind --tool=callgrind --callgrind-out-file="$OUT/raw/callgrind.out" \
    "$NPQ_DYNAMIC" validate -j 1 "$OUT/one50" >/dev/null 2>&1 || true
  callgrind_annotate --inclusive=yes --threshold=100 "$OUT/raw/callgrind.out" >"$OUT/raw/callgrind.txt"
  "$PY" bench/profile_phases.py callgrind "$OUT/raw/callgrind.txt" --load "$PROFILE_LOAD" \
    --command "valgrind --tool=callgrind $NPQ validate -j 1 bench/out/one50 (50 files)" \
    >"$OUT/raw/profile.json"
else
  log "neither perf nor valgrind: no profile"
fi

# ---- results ---------------------------------------------------------------------------------
log "results"
"$PY" bench/summarise.py "$OUT" --npq "$NPQ" ${SOURCEMETA:+--sourcemeta "$SOURCEMETA"} |
  tee "$OUT/results.md"
