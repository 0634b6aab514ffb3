#!/usr/bin/env python3
"""Collects bench/out/raw/* into bench/out/results.json and prints the results as Markdown.

  bench/summarise.py bench/out [--npq PATH] [--sourcemeta PATH]

Reads hyperfine's JSON exports (NAME.hyperfine.json), the peak RSS and load averages recorded
next to them (NAME.meta.json), the profiles (profile.json, profile-one.json) and the corpus
checks, adds the machine and tool versions, evaluates the issue's targets and prints tables.
"""

import argparse
import glob
import json
import math
import os
import platform
import statistics
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=60,
                              cwd=ROOT).stdout.strip()
    except Exception:  # noqa: BLE001 - versions are best effort
        return ""


def rel(text):
    return text.replace(ROOT + "/", "")


def machine():
    cpu = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "nproc": os.cpu_count(),
        "nproc_available": len(os.sched_getaffinity(0)),
        "cpu_model": cpu,
        "kernel": platform.release(),
        "os": sh(". /etc/os-release && echo \"$PRETTY_NAME\""),
        "loadavg_at_summary": open("/proc/loadavg").read().split()[:3],
        "memory_total": sh("awk '/MemTotal/{print $2\" kB\"}' /proc/meminfo"),
    }


def versions(npq, sourcemeta):
    v = {
        "npq": sh(f"{npq} --version") if npq else "",
        "npq_binary": rel(os.path.realpath(npq)) if npq else "",
        "git_commit": sh("git rev-parse --short HEAD"),
        "git_dirty_files_under_src": sh("git status --porcelain -- src | wc -l"),
        "yaml-cpp": sh("dpkg-query -W -f='${Version}' libyaml-cpp-dev"),
        "g++": sh("g++ --version | head -1"),
        "hyperfine": sh("hyperfine --version"),
        "python3": sh("/usr/bin/python3 --version"),
        "python3-jsonschema": sh("dpkg-query -W -f='${Version}' python3-jsonschema"),
        "python3-yaml": sh("dpkg-query -W -f='${Version}' python3-yaml"),
        "node": sh("node --version"),
        "ajv-cli": sh("node -p \"require('./bench/node_modules/ajv-cli/package.json').version\""),
        "ajv": sh("node -p \"require('./bench/node_modules/ajv/package.json').version\""),
        "perf": sh("perf --version"),
    }
    if sourcemeta:
        v["@sourcemeta/jsonschema"] = sh(f"{sourcemeta} version")
    return v


def load_runs(raw):
    runs = {}
    for path in sorted(glob.glob(os.path.join(raw, "*.hyperfine.json"))):
        name = os.path.basename(path)[: -len(".hyperfine.json")]
        h = json.load(open(path))["results"][0]
        meta_path = os.path.join(raw, name + ".meta.json")
        meta = json.load(open(meta_path)) if os.path.exists(meta_path) else {}
        rss = meta.get("rss_kib") or []
        runs[name] = {
            "command": rel(meta.get("command", h["command"])),
            "runs": len(h["times"]),
            "median_s": h["median"],
            "mean_s": h["mean"],
            "stddev_s": h.get("stddev"),
            "min_s": h["min"],
            "max_s": h["max"],
            "user_s": h.get("user"),
            "system_s": h.get("system"),
            "times_s": h["times"],
            "peak_rss_kib": statistics.median(rss) if rss else None,
            "peak_rss_kib_runs": rss,
            "load_before": meta.get("load_before"),
            "other_busy_cores_before": meta.get("other_busy_cores_before"),
            "load_after": meta.get("load_after"),
        }
    return runs


def verdict(ok, gap):
    return "met" if ok else f"not met ({gap})"


def targets(r):
    t = []
    g = r.get
    one, sm_one = g("npq-one"), g("sourcemeta-one")
    if one:
        ms = one["median_s"] * 1000
        t.append({"target": "one file <= 3 ms wall", "measured": f"{ms:.1f} ms",
                  "verdict": verdict(ms <= 3, f"{ms / 3:.1f}x the target")})
    if one and sm_one:
        ratio = one["median_s"] / sm_one["median_s"]
        t.append({"target": "one file <= 1/2 of @sourcemeta/jsonschema's time",
                  "measured": f"{one['median_s'] * 1000:.1f} ms vs {sm_one['median_s'] * 1000:.1f} ms"
                              f" = {ratio:.2f}x",
                  "verdict": verdict(ratio <= 0.5, f"{ratio / 0.5:.2f}x the target")})
    j2, floor = g("npq-1000-j2"), g("floor-1000-j1")
    if j2 and floor:
        limit = 1.15 * floor["median_s"] / 2
        t.append({"target": "1,000 files, -j 2 <= 1.15 x parse floor (1 thread) / 2 cores",
                  "measured": f"{j2['median_s']:.3f} s vs limit {limit:.3f} s "
                              f"(floor {floor['median_s']:.3f} s)",
                  "verdict": verdict(j2["median_s"] <= limit,
                                     f"{j2['median_s'] / limit:.2f}x the limit")})
    scale = sorted((int(k.rsplit("-", 1)[1]), v) for k, v in r.items()
                   if k.startswith("npq-activities-"))
    if len(scale) >= 2:
        (n0, a), (n1, b) = scale[0], scale[-1]
        k = math.log(b["median_s"] / a["median_s"]) / math.log(n1 / n0)
        t.append({"target": "time linear in input (exponent of time ~ n^k, 10k..100k activities)",
                  "measured": f"k = {k:.2f} ({a['median_s']:.2f} s -> {b['median_s']:.2f} s for "
                              f"{n1 // n0}x the activities)",
                  "verdict": verdict(k <= 1.1, f"k = {k:.2f}: superlinear")})
        if a["peak_rss_kib"] and b["peak_rss_kib"]:
            km = math.log(b["peak_rss_kib"] / a["peak_rss_kib"]) / math.log(n1 / n0)
            t.append({"target": "peak memory linear in input (exponent, 10k..100k activities)",
                      "measured": f"k = {km:.2f} ({a['peak_rss_kib'] / 1024:.0f} MiB -> "
                                  f"{b['peak_rss_kib'] / 1024:.0f} MiB)",
                      "verdict": verdict(km <= 1.1, f"k = {km:.2f}: superlinear")})
    return t


def table(r):
    rows = ["| benchmark | median | mean ± σ | min … max | user + sys | peak RSS | load (before → after) | busy cores before |",
            "|---|---:|---:|---:|---:|---:|---|---:|"]
    for name, v in r.items():
        def f(x):
            return f"{x * 1000:.1f} ms" if x < 1 else f"{x:.3f} s"
        rss = f"{v['peak_rss_kib'] / 1024:.1f} MiB" if v["peak_rss_kib"] else "–"
        rows.append(f"| {name} | {f(v['median_s'])} | {f(v['mean_s'])} ± {f(v['stddev_s'] or 0)} | "
                    f"{f(v['min_s'])} … {f(v['max_s'])} | {f((v['user_s'] or 0) + (v['system_s'] or 0))} | "
                    f"{rss} | {v['load_before']} → {v['load_after']} | "
                    f"{'–' if v['other_busy_cores_before'] is None else v['other_busy_cores_before']} |")
    return "\n".join(rows)


def profile_table(p, wall=None):
    if not p:
        return ""
    rows = []
    if "samples" in p:
        rows.append(f"{p['samples']} samples; load average {p.get('load_average')}; {p['method']}")
        rows.append("")
        rows.append("| phase | share | ≈ time | of which std::regex | of which malloc/free | of which kernel |")
        rows.append("|---|---:|---:|---:|---:|---:|")
        for ph in p["phases"]:
            if not ph["samples"]:
                continue
            est = f"{ph['share'] * wall * 1000:.0f} ms" if wall else "–"
            rows.append(f"| {ph['phase']} | {ph['share'] * 100:.1f} % | {est} | "
                        f"{ph['of_which_regex'] * 100:.1f} % | {ph['of_which_malloc_free'] * 100:.1f} % | "
                        f"{ph['of_which_kernel'] * 100:.1f} % |")
        rows.append("")
        rows.append("Hottest functions (innermost npq or yaml-cpp frame):")
        rows.append("")
        for h in p["hottest_owned_functions"][:10]:
            rows.append(f"- {h['share'] * 100:.1f} % `{h['function']}`")
    else:
        rows.append(f"{p['method']}; load average {p.get('load_average')}")
        rows.append("")
        rows.append("| entry point | inclusive share |")
        rows.append("|---|---:|")
        for ph in p["phases"]:
            rows.append(f"| {ph['phase']} | {ph['share'] * 100:.1f} % |")
    return "\n".join(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--npq")
    ap.add_argument("--sourcemeta")
    args = ap.parse_args()
    raw = os.path.join(args.out, "raw")
    runs = load_runs(raw)
    prof = {}
    for path in sorted(glob.glob(os.path.join(raw, "profile*.json"))):
        prof[os.path.basename(path)[:-5]] = json.load(open(path))
    checks = {}
    for path in sorted(glob.glob(os.path.join(raw, "*check*.txt"))):
        checks[os.path.basename(path)[:-4]] = open(path).read().strip()
    corpus = sorted(glob.glob(os.path.join(args.out, "corpus", "*.yaml")))
    sizes = [os.path.getsize(p) for p in corpus]
    inputs = {"corpus_files": len(corpus), "corpus_bytes": sum(sizes),
              "corpus_median_file_bytes": statistics.median(sizes) if sizes else None}
    one = os.path.join(args.out, "one.yaml")
    if os.path.exists(one):
        inputs["one_bytes"] = os.path.getsize(one)
    for p in sorted(glob.glob(os.path.join(args.out, "activities-*.yaml"))):
        inputs[os.path.basename(p)] = os.path.getsize(p)
    result = {
        "machine": machine(),
        "versions": versions(args.npq, args.sourcemeta),
        "inputs": inputs,
        "runs": runs,
        "targets": targets(runs),
        "profiles": prof,
        "corpus_checks": checks,
    }
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump(result, f, indent=2)

    m = result["machine"]
    print(f"Machine: {m['nproc']} cores, {m['cpu_model']}, {m['os']}, kernel {m['kernel']}")
    print(f"Inputs: {inputs}")
    print()
    print(table(runs))
    print()
    print("| target | measured | verdict |")
    print("|---|---|---|")
    for t in result["targets"]:
        print(f"| {t['target']} | {t['measured']} | {t['verdict']} |")
    if "floor-1000-j1" in runs and "libyaml-floor-1000-j1" in runs:
        print()
        print(f"yaml-cpp / libyaml event parse, 1,000 files: "
              f"{runs['floor-1000-j1']['median_s'] / runs['libyaml-floor-1000-j1']['median_s']:.1f}x")
    sm = runs.get("sourcemeta-1000")
    if sm:
        print()
        for k in ("npq-1000-j1", "npq-1000-j2"):
            if k in runs:
                print(f"{k} / sourcemeta-1000 = {runs[k]['median_s'] / sm['median_s']:.2f}")
    for name, title, run in (("profile", "npq validate -j 1 over the 1,000 files", "npq-1000-j1"),
                             ("profile-one", "npq validate on one file", "npq-one")):
        if name in prof:
            print()
            print(f"Profile of {title}:")
            print()
            print(profile_table(prof[name], runs.get(run, {}).get("median_s")))
    for name in sorted(k for k in prof if k.startswith("profile-activities-")):
        n = name.rsplit("-", 1)[1]
        print()
        print(f"Profile of npq validate on the {n}-activity file:")
        print()
        wall = runs.get(f"npq-activities-{n}", {}).get("median_s")
        print(profile_table(prof[name], wall))
    print()
    print(f"Raw numbers: {rel(os.path.join(os.path.abspath(args.out), 'results.json'))}")


if __name__ == "__main__":
    main()
