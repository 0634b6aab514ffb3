#!/usr/bin/env python3
"""Every command's text output fits the terminal: runs each one over the bundled programmes with
COLUMNS=80 and COLUMNS=100 (standard output is a pipe, so COLUMNS is what npq goes by) and fails
on any line wider than that, counting display columns (East Asian wide characters take two).

What is left out, and why: JSON, CSV, SARIF and annotations are for programs, not terminals;
Markdown pages (routemap, -f markdown) and the YAML of 'npq init' are files whose lines a reader
never sees at a terminal's width; shell completion scripts are code. A finding's first line
('file:line:col: error[CODE]: message') and the source line quoted under it are never wrapped:
editors and CI logs read them as one line, as they read a compiler's. Nor is a web address, which
npq prints alone on its line so that a terminal can still follow it.

    widths.py --npq NPQ --root SOURCE_DIR [--report]

--report prints the widest line of every command at each width instead of failing.
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import unicodedata

FINDING = re.compile(r"^\S.*:\d+:\d+: (error|warning|note)(\[NPQ\d+\])?: |^\S+: (error|warning|note)\[NPQ\d+\]: ")
SNIPPET = re.compile(r"^ *\d+ \| |^ +\| +\^$")  # the quoted line, and the caret under it
ADDRESS = re.compile(r"^ *<[a-z]+://\S+>$")  # a web address alone on its line is never cut


def columns(line):
    width = 0
    for ch in line:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def commands(npq, root):
    programmes = sorted(glob.glob("programmes/*.yaml", root_dir=root))
    frameworks = subprocess.run([npq, "frameworks", "-f", "json"], cwd=root, capture_output=True,
                                text=True, check=True)
    framework_ids = re.findall(r'"id": "([a-z0-9-]+-\d{4})"', frameworks.stdout)
    codes = re.findall(r"^(NPQ\d+)", subprocess.run([npq, "explain", "--list"], cwd=root,
                                                     capture_output=True, text=True).stdout, re.M)
    cmds = [["validate", "programmes"], ["validate", "examples"], ["hours", "programmes"],
            ["coverage", "programmes"], ["compare", "programmes"], ["compare", *programmes[:2]],
            ["diff", "examples/valid/consistent-programme.yaml",
             "tests/golden/inputs/consistent-programme-v2.yaml"],
            ["diff", "programmes/ucl-npqsl.yaml", "programmes/modular-npqsl.yaml"],
            ["frameworks"], ["frameworks", "show", "catalogue"], ["explain", "--list"],
            ["explain", "programmes/ucl-npqsl.yaml"]]
    cmds += [["hours", p] for p in programmes] + [["coverage", p] for p in programmes]
    cmds += [["explain", p, "--total", "programme"] for p in programmes]
    cmds += [["explain", "programmes/ucl-npqsl.yaml", "--total", t]
             for t in ["period:term-2", "category:4", "kind:self-directed-study", "mode:online"]]
    cmds += [["frameworks", "show", f] for f in framework_ids]
    cmds += [["explain", c] for c in codes]
    names = ["validate", "hours", "routemap", "coverage", "compare", "diff", "export", "init",
             "frameworks", "completions", "explain", "schema"]
    cmds += [["--help"]] + [[n, "--help"] for n in names]
    return cmds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--npq", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--report", action="store_true")
    args = parser.parse_args()
    failures = []
    widest = {}
    for cmd in commands(args.npq, args.root):
        for width in (80, 100):
            env = dict(os.environ, COLUMNS=str(width))
            env.pop("NO_COLOR", None)
            result = subprocess.run([args.npq, *cmd], cwd=args.root, env=env,
                                    capture_output=True, text=True)
            # 2 is a refused request ('npq explain FILE' says how to ask); 3 and 4 are failures.
            if result.returncode not in (0, 1, 2):
                failures.append(f"npq {' '.join(cmd)} exited {result.returncode}: {result.stderr}")
                continue
            if not (result.stdout + result.stderr).strip():
                failures.append(f"npq {' '.join(cmd)} printed nothing")
            key = " ".join(cmd)
            for stream in (result.stdout, result.stderr):
                for line in stream.splitlines():
                    if FINDING.match(line) or SNIPPET.match(line) or ADDRESS.match(line):
                        continue
                    w = columns(line)
                    widest[(key, width)] = max(widest.get((key, width), 0), w)
                    if w > width:
                        failures.append(f"COLUMNS={width} npq {key}: {w} columns: {line}")
    if args.report:
        for (key, width), w in sorted(widest.items()):
            print(f"{width:4} {w:4}  npq {key}")
        return 0
    for f in failures[:60]:
        print("FAIL:", f)
    print(f"{len(widest)} runs, widest line {max(widest.values(), default=0)} columns, "
          f"{len(failures)} lines too wide or runs failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
