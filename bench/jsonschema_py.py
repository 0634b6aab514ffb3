#!/usr/bin/env python3
"""python3-jsonschema + PyYAML over the benchmark corpus (the engine behind check-jsonschema).

  bench/jsonschema_py.py SCHEMA PATH...

Loads every *.yaml / *.yml file under the PATHs with PyYAML (its C loader, CSafeLoader, when
PyYAML was built with libyaml; the pure-Python SafeLoader otherwise), validates every document
against SCHEMA (draft 2020-12, jsonschema's Draft202012Validator, compiled once) and prints one
summary line. Exit status 1 if any document is invalid or fails to load.
"""

import json
import os
import sys

import jsonschema
import yaml

try:
    Loader = yaml.CSafeLoader
    LOADER = "CSafeLoader (libyaml)"
except AttributeError:  # PyYAML without libyaml
    Loader = yaml.SafeLoader
    LOADER = "SafeLoader (pure Python)"


def files_under(paths):
    for p in paths:
        if os.path.isdir(p):
            found = []
            for root, _, names in os.walk(p):
                found += [os.path.join(root, n) for n in names if n.endswith((".yaml", ".yml"))]
            yield from sorted(found)
        else:
            yield p


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    files = docs = invalid = 0
    for path in files_under(sys.argv[2:]):
        files += 1
        try:
            with open(path, encoding="utf-8") as f:
                for doc in yaml.load_all(f, Loader=Loader):
                    docs += 1
                    errors = list(validator.iter_errors(doc))
                    if errors:
                        invalid += 1
                        for e in errors[:3]:
                            print(f"{path}: {e.json_path}: {e.message}", file=sys.stderr)
        except (yaml.YAMLError, UnicodeDecodeError) as e:
            invalid += 1
            print(f"{path}: {e}", file=sys.stderr)
    print(f"{files} files, {docs} documents, {invalid} invalid "
          f"({cls.__name__}, PyYAML {LOADER})")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
