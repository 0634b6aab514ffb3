#!/usr/bin/env python3
"""Reads 'npq validate --format github' back with a parser of the workflow-command grammar and
compares every annotation with the same run's findings in --format json.

The parser follows the GitHub Actions runner (ActionCommand.TryParseV2 and its unescaping), not
npq's code: '::NAME k=v,k=v::DATA', properties split on ',' and then on the first '='; '%0D',
'%0A', '%3A', '%2C' (properties only) and, last, '%25' are replaced in that order. An annotation
decoded this way must give back exactly the finding's message, hint and notes, with line feeds
between them; so a literal backslash-n, an unescaped ',' or ':' in a property, or a '%' that is
not escaped all fail.

    check_annotations.py --npq NPQ --root SOURCE_DIR
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

DATA_ESCAPES = [("%0D", "\r"), ("%0A", "\n"), ("%25", "%")]
PROPERTY_ESCAPES = [("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")]


def unescape(text, escapes):
    for escaped, plain in escapes:
        text = text.replace(escaped, plain)
    return text


def parse_command(line):
    """One workflow command, or None for a line that is not one (the summary line)."""
    if not line.startswith("::"):
        return None
    end = line.find("::", 2)
    if end < 0:
        return None
    info, data = line[2:end], line[end + 2:]
    name, _, props = info.partition(" ")
    properties = {}
    if props:
        for pair in props.split(","):
            key, eq, value = pair.partition("=")
            if not eq or key in properties:
                raise ValueError(f"malformed property {pair!r} in {line!r}")
            properties[key] = unescape(value, PROPERTY_ESCAPES)
    return name, properties, unescape(data, DATA_ESCAPES)


def expected_annotation(finding):
    command = {"error": "error", "warning": "warning", "note": "notice"}[finding["severity"]]
    properties = {"file": finding["file"], "title": finding["code"]}
    if finding["line"] > 0:
        properties["line"] = str(finding["line"])
        properties["col"] = str(max(finding["column"], 1))
    message = finding["message"]
    if finding["hint"]:
        message += "\nhint: " + finding["hint"]
    for note in finding["notes"]:
        where = note["file"]
        if note["line"] > 0:
            where += f":{note['line']}:{note['column']}"
        message += f"\nnote: {where}: {note['message']}"
    return command, properties, message


def run(npq, fmt, files, cwd):
    result = subprocess.run([npq, "validate", "--format", fmt, *files], cwd=cwd,
                            capture_output=True, text=True)
    return result.stdout


def make_fixtures(root, tmp):
    """Copies of examples whose file names and messages hold every character the grammar
    escapes: '%' (also as a ready-made '%0A'), ',', ':' and a line feed inside a message."""
    names = []
    weird = os.path.join(tmp, "odd %0A, name: 50%.yaml")
    with open(os.path.join(root, "examples/invalid/npq102-unknown-key.yaml"), encoding="utf-8") as f:
        text = f.read()
    assert "          hour: 2\n" in text, "the npq102 example changed: update this test"
    text = text.replace("          hour: 2\n", '          "hour%0A, a:b%25": 2\n')
    with open(weird, "w", encoding="utf-8") as f:
        f.write(text)
    names.append(os.path.basename(weird))
    # An activity title with a line feed: NPQ300 quotes it in the message and in its notes.
    with open(os.path.join(root, "examples/invalid/npq300-hours-mismatch.yaml"), encoding="utf-8") as f:
        text = f.read()
    assert "label: Peer learning group, 2 hours each term" in text, "the npq300 example changed"
    text = text.replace("label: Peer learning group, 2 hours each term",
                        'label: "Peer learning group,\\n2 hours: each term (100%)"')
    with open(os.path.join(tmp, "multi-line.yaml"), "w", encoding="utf-8") as f:
        f.write(text)
    names.append("multi-line.yaml")
    for example in ["examples/invalid/npq300-hours-mismatch.yaml",
                    "examples/warnings/npq303-unaccounted-activity.yaml",
                    "examples/valid/suppressed-finding.yaml"]:
        shutil.copy(os.path.join(root, example), tmp)
        names.append(os.path.basename(example))
    names.append("no-such-file.yaml")
    return names


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--npq", required=True)
    parser.add_argument("--root", required=True)
    args = parser.parse_args()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        files = make_fixtures(args.root, tmp)
        annotations = run(args.npq, "github", files, tmp)
        findings = json.loads(run(args.npq, "json", files, tmp))["diagnostics"]
    wanted = [expected_annotation(f) for f in findings if f["suppressed"] is None]
    got = []
    for line in annotations.splitlines():
        try:
            command = parse_command(line)
        except ValueError as e:
            failures.append(str(e))
            continue
        if command is not None:
            got.append(command)
    if len(got) != len(wanted):
        failures.append(f"{len(got)} annotations for {len(wanted)} unsuppressed findings")
    for g, w in zip(got, wanted):
        if g != w:
            failures.append(f"annotation decodes to\n  {g!r}\nbut the finding is\n  {w!r}")
    multi_line = [w for w in wanted if "\n" in w[2]]
    if len(multi_line) < 3:
        failures.append("the fixtures give fewer than 3 multi-line messages: the test is too weak")
    if "%250A" not in annotations or "%0A" not in annotations:
        failures.append("expected both an escaped '%' and an encoded line feed in the output")
    for message in failures:
        print("FAIL:", message)
    print(f"{len(got)} annotations parsed, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
