#!/usr/bin/env python3
"""Checks that generated benchmark files hold no input, syntax, structure or reference findings.

  npq validate -f json --max-file-size 64 PATH... | bench/check_corpus.py

Reads npq's JSON report on standard input. Domain findings (hours that do not add up, uncovered
areas, ...) are expected in the synthetic programmes and only counted; any finding in the
input, syntax, structure or reference categories means the generator wrote something npq does
not accept as a programme, and fails the check (exit 1).
"""

import collections
import json
import sys

BLOCKING = {"input", "syntax", "structure", "reference"}


def main():
    report = json.load(sys.stdin)
    by_category = collections.Counter()
    by_code = collections.Counter()
    bad = []
    for d in report["diagnostics"]:
        by_category[d["category"]] += 1
        by_code[d["code"]] += 1
        if d["category"] in BLOCKING:
            bad.append(d)
    s = report["summary"]
    codes = ", ".join(f"{c} x{n}" for c, n in sorted(by_code.items()))
    print(f"{s['files']} files, {s['documents']} documents: {s['errors']} errors, "
          f"{s['warnings']} warnings, {s['notes']} notes; by category "
          f"{dict(sorted(by_category.items()))}")
    print(f"  codes: {codes}")
    for d in bad[:20]:
        print(f"  UNEXPECTED {d['file']}:{d['line']}:{d['column']}: {d['code']} {d['message']}")
    if bad:
        print(f"{len(bad)} input/syntax/structure/reference findings: the generator is wrong")
        return 1
    print("  no input, syntax, structure or reference findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
