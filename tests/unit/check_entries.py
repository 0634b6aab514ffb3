#!/usr/bin/env python3
"""Every CTest entry that doctest_discover_tests made must run at least one doctest case, and
together they must run every case exactly once.

doctest_discover_tests passes each test case's name to --test-case; CMake splits a name at ';'
into several arguments, and the resulting entries run zero cases and pass. This check catches
that (and any other filter that matches nothing, or matches a case twice).

    check_entries.py BUILD_DIR TEST_BINARY
"""
import json
import re
import subprocess
import sys


def count(binary, args):
    out = subprocess.run([binary, "--count", *args], capture_output=True, text=True).stdout
    m = re.search(r"passing the current filters: (\d+)", out)
    if not m:
        sys.exit(f"check_entries: no count from {binary} --count {args}: {out}")
    return int(m.group(1))


def main():
    build, binary = sys.argv[1], sys.argv[2]
    shown = subprocess.run(["ctest", "--test-dir", build, "--show-only=json-v1"],
                           capture_output=True, text=True, check=True).stdout
    tests = json.loads(shown)["tests"]
    entries = [t for t in tests if t.get("command") and t["command"][0] == binary]
    if not entries:
        sys.exit(f"check_entries: no CTest entry runs {binary}")
    total = count(binary, [])
    summed = 0
    bad = 0
    for t in entries:
        n = count(binary, t["command"][1:])
        summed += n
        if n == 0:
            print(f"check_entries: '{t['name']}' runs no test case (a ';' in a test name?)")
            bad += 1
    if summed != total:
        print(f"check_entries: the {len(entries)} entries run {summed} cases; doctest has {total}")
        bad += 1
    if bad == 0:
        print(f"check_entries: {len(entries)} entries run all {total} doctest cases, one each")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
