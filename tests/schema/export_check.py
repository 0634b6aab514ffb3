#!/usr/bin/env python3
"""Every 'npq export' output (bundled programmes and valid examples) must validate against
schemas/export.schema.json with python3-jsonschema. Exits 77 (skipped) without jsonschema."""
import argparse
import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError as e:
    print(f"SKIPPED: {e} (install python3-jsonschema)")
    sys.exit(77)

ap = argparse.ArgumentParser()
ap.add_argument("--npq", required=True)
ap.add_argument("--root", required=True)
args = ap.parse_args()
os.chdir(args.root)
with open("schemas/export.schema.json") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
files = sorted(os.path.join("programmes", n) for n in os.listdir("programmes") if n.endswith(".yaml"))
files += sorted(os.path.join("examples/valid", n) for n in os.listdir("examples/valid") if n.endswith(".yaml"))
failures = 0
for path in files:
    out = subprocess.run([args.npq, "export", path], capture_output=True, timeout=30)
    if out.returncode != 0:
        print(f"FAIL {path}: npq export exited {out.returncode}: {out.stderr.decode()[:300]}")
        failures += 1
        continue
    errors = sorted(validator.iter_errors(json.loads(out.stdout)), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        print(f"FAIL {path}: {'/'.join(map(str, e.path))}: {e.message[:200]}")
        failures += 1
    else:
        print(f"ok   {path}")
print(f"{len(files)} exports checked, {failures} failed")
sys.exit(1 if failures else 0)
