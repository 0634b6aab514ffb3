#!/usr/bin/env python3
"""Groups a profile of `npq validate` by phase: parse, tree, structure, model, checks, output.

  bench/profile_phases.py perf PERF_SCRIPT_OUTPUT [--load L] [--command C]
  bench/profile_phases.py callgrind CALLGRIND_ANNOTATE_INCLUSIVE_OUTPUT [--load L] [--command C]

perf: the output of `perf script -F comm,ip,sym,dso` over `perf record --call-graph dwarf`
samples (one or more runs concatenated). Every sample is attributed to exactly one phase, so the
shares add up to 100 %:
  1. a sample whose stack contains load_reference_data / ReferenceData is "startup: reference
     data" (the bundled frameworks and catalogue, parsed once per run);
  2. otherwise the innermost frame that belongs to npq or to libyaml-cpp decides (frames in libc,
     libstdc++, libfmt and the kernel are charged to their caller): a libyaml-cpp frame is
     "yaml-cpp parsing"; an npq frame is walked outwards to the first phase marker below;
  3. samples with no npq frame at all are process start-up/exit (dynamic loader, kernel exec).
Secondary counts (std::regex, malloc/free, kernel) are reported as "of which" figures.

callgrind: `callgrind_annotate --inclusive=yes` output. Inclusive costs of the phase entry
points are reported as they are (they nest: yaml-cpp's HandleNextDocument includes npq's event
handler, and the startup's reference data goes through the same loader), so the shares do not
add up to 100 %; the perf mode is the exact one.

Prints JSON on standard output.
"""

import argparse
import collections
import json
import re
import sys

NPQ_DSO = re.compile(r"/bin/npq\)?$|\(.*/bin/npq\)")
YAMLCPP_DSO = re.compile(r"libyaml-cpp")

STARTUP = re.compile(r"load_reference_data|ReferenceData::")
# Outward from the innermost npq frame, the first of these that matches names the phase.
MARKERS = [
    ("teardown (freeing results)", re.compile(
        r"npq::(FileResult|ParsedFile|ParsedDocument|yaml::Stream)::~|npq::model::(Programme|Suite|Framework)::~")),
    ("npq tree building (npq::yaml loader)", re.compile(r"npq::yaml::|deque<npq::yaml::Node")),
    ("structural validation (npq::format)", re.compile(r"npq::format::")),
    ("model build (npq::model)", re.compile(r"npq::model::")),
    ("checks (npq::checks, npq::analysis)", re.compile(r"npq::checks::|npq::analysis::")),
    ("file reading (npq::io)", re.compile(r"npq::io::|npq::SourceFile::SourceFile|npq::utf8::check")),
    ("rendering/output (render, collect, sort)", re.compile(
        r"npq::render|npq::terminal_safe|npq::SourceFile::line_text|npq::Diagnostics::(append|sort|finish_limits)|"
        r"npq::location_prefix|npq::summary_line|__do_uninit_copy<.*npq::Diagnostic")),
]
PHASE_ORDER = [
    "yaml-cpp parsing (YAML::*)",
    "npq tree building (npq::yaml loader)",
    "structural validation (npq::format)",
    "model build (npq::model)",
    "checks (npq::checks, npq::analysis)",
    "rendering/output (render, collect, sort)",
    "file reading (npq::io)",
    "teardown (freeing results)",
    "startup: reference data (bundled frameworks)",
    "other npq (CLI, session)",
    "process start/exit (loader, kernel)",
]
REGEX = re.compile(r"std::__detail::_Executor|std::__detail::_Compiler|std::regex|basic_regex|regex_traits")
MALLOC = re.compile(r"^(malloc|free|cfree|_int_malloc|_int_free|malloc_consolidate|unlink_chunk|"
                    r"operator new|operator delete|__libc_malloc|__libc_free|_int_realloc|realloc|"
                    r"tcache|__GI___libc)")


def parse_perf(path, comm=None):
    samples = []
    frames = None
    keep = True
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.strip():
                if frames is not None and keep:
                    samples.append(frames)
                frames = None
                continue
            if not line[0].isspace():
                if frames is not None and keep:
                    samples.append(frames)
                frames = []
                keep = comm is None or line.split()[0] == comm
                continue
            m = re.match(r"\s*[0-9a-f]+\s+(.*?)\s+\((.*)\)\s*$", line)
            if m and frames is not None:
                sym = re.sub(r"\+0x[0-9a-f]+$", "", m.group(1))
                frames.append((sym, m.group(2)))
    if frames is not None and keep:
        samples.append(frames)
    return samples


def name_of(sym):
    """The function's qualified name, without its parameter list (whose types could match)."""
    sym = sym.replace("(anonymous namespace)", "{anon}")
    return sym.split("(", 1)[0]


def classify(frames):
    if any(STARTUP.search(name_of(s)) for s, _ in frames):
        return "startup: reference data (bundled frameworks)"
    first = None
    for i, (sym, dso) in enumerate(frames):
        if YAMLCPP_DSO.search(dso):
            return "yaml-cpp parsing (YAML::*)"
        if NPQ_DSO.search(dso) or dso.endswith("/npq"):
            first = i
            break
    if first is None:
        return "process start/exit (loader, kernel)"
    for sym, dso in frames[first:]:
        if not (NPQ_DSO.search(dso) or dso.endswith("/npq")):
            continue
        for name, rx in MARKERS:
            if rx.search(name_of(sym)):
                return name
    return "other npq (CLI, session)"


def perf_mode(path, comm=None):
    samples = [s for s in parse_perf(path, comm) if s]
    counts = collections.Counter()
    regex = collections.Counter()
    malloc = collections.Counter()
    kernel = collections.Counter()
    for frames in samples:
        phase = classify(frames)
        counts[phase] += 1
        if any(REGEX.search(s) for s, _ in frames):
            regex[phase] += 1
        if MALLOC.search(frames[0][0]) or "libc.so" in frames[0][1] and "alloc" in frames[0][0]:
            malloc[phase] += 1
        if "kernel" in frames[0][1]:
            kernel[phase] += 1
    total = sum(counts.values())
    phases = []
    for name in PHASE_ORDER + sorted(set(counts) - set(PHASE_ORDER)):
        n = counts.get(name, 0)
        phases.append({
            "phase": name, "samples": n, "share": n / total if total else 0,
            "of_which_regex": regex.get(name, 0) / total if total else 0,
            "of_which_malloc_free": malloc.get(name, 0) / total if total else 0,
            "of_which_kernel": kernel.get(name, 0) / total if total else 0,
        })
    # The hottest npq functions by self samples (innermost npq frame), for the conclusion.
    hot = collections.Counter()
    for frames in samples:
        for sym, dso in frames:
            if NPQ_DSO.search(dso) or dso.endswith("/npq") or YAMLCPP_DSO.search(dso):
                hot[sym[:160]] += 1
                break
    return {
        "method": "perf sampling (cpu-clock, DWARF call graphs); each sample in exactly one phase",
        "samples": total,
        "phases": phases,
        "regex_share": sum(regex.values()) / total if total else 0,
        "malloc_free_share": sum(malloc.values()) / total if total else 0,
        "kernel_share": sum(kernel.values()) / total if total else 0,
        "hottest_owned_functions": [{"function": f, "share": n / total} for f, n in hot.most_common(15)],
    }


CALLGRIND_ENTRIES = [
    ("yaml-cpp parsing (YAML::Parser::HandleNextDocument, incl. npq's event handler)",
     r"YAML::Parser::HandleNextDocument"),
    ("npq loader (npq::yaml::load, incl. yaml-cpp)", r"npq::yaml::load\("),
    ("structural validation (npq::format::validate_structure)", r"npq::format::validate_structure"),
    ("model build (npq::model::build)", r"npq::model::build\("),
    ("checks (npq::checks::check_document)", r"npq::checks::check_document"),
    ("rendering/output (npq::render)", r"npq::render\["),
    ("startup: reference data (npq::cli::load_reference_data)", r"load_reference_data"),
]


def callgrind_mode(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    m = re.search(r"^\s*([\d,]+)\s+\(?.*PROGRAM TOTALS", text, re.M)
    total = int(m.group(1).replace(",", "")) if m else 0
    rows = []
    for line in text.splitlines():
        m2 = re.match(r"^\s*([\d,]+)\s+\([^)]*\)\s+(.*)$", line) or re.match(r"^\s*([\d,]+)\s+(.*)$", line)
        if m2:
            rows.append((int(m2.group(1).replace(",", "")), m2.group(2)))
    phases = []
    for name, rx in CALLGRIND_ENTRIES:
        best = max((ir for ir, fn in rows if re.search(rx, fn)), default=0)
        phases.append({"phase": name, "instructions": best, "share": best / total if total else 0})
    return {"method": "callgrind inclusive instruction counts (nested, do not add up)",
            "instructions": total, "phases": phases}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["perf", "callgrind"])
    ap.add_argument("input")
    ap.add_argument("--load", type=float)
    ap.add_argument("--command", default="")
    ap.add_argument("--comm", help="perf: only samples of this command name (e.g. npq)")
    args = ap.parse_args()
    result = perf_mode(args.input, args.comm) if args.mode == "perf" else callgrind_mode(args.input)
    result["load_average"] = args.load
    result["command"] = args.command
    json.dump(result, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
