#!/usr/bin/env python3
"""npq and a third-party JSON Schema validator must agree on every file.

For each YAML file in programmes/ and examples/, this script
  1. loads it with PyYAML, using YAML 1.2 core-schema resolution (as npq does) and refusing
     duplicate keys (which PyYAML would silently drop), then validates each document against
     schemas/<kind>.schema.json with python3-jsonschema (draft 2020-12);
  2. runs `npq validate --format json FILE` and takes npq's structural verdict: no error in the
     input, syntax or structure categories (reference and domain checks need the catalogue and
     arithmetic, which no schema can express);
and fails if the two verdicts differ for any file. Exits 77 (skipped) without jsonschema or yaml.
"""
import argparse
import json
import os
import re
import subprocess
import sys

try:
    import jsonschema
    import yaml
except ImportError as e:  # pragma: no cover
    print(f"SKIPPED: {e} (install python3-jsonschema and python3-yaml)")
    sys.exit(77)


class CoreLoader(yaml.SafeLoader):
    """PyYAML reads YAML 1.1 ('yes' is a boolean, '010' is octal); resolve like YAML 1.2 core."""


CoreLoader.yaml_implicit_resolvers = {
    k: [(tag, regexp) for tag, regexp in v if tag == "tag:yaml.org,2002:merge"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CoreLoader.yaml_implicit_resolvers = {k: v for k, v in CoreLoader.yaml_implicit_resolvers.items() if v}
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"))
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."))
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


def construct_core_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def construct_mapping_no_duplicates(loader, node, deep=False):
    loader.flatten_mapping(node)
    keys = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in keys:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        keys.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


CoreLoader.add_constructor("tag:yaml.org,2002:int", construct_core_int)
CoreLoader.add_constructor("tag:yaml.org,2002:map", construct_mapping_no_duplicates)
CoreLoader.construct_mapping = construct_mapping_no_duplicates


def schema_verdict(path, schemas):
    try:
        with open(path, "rb") as f:
            raw = f.read()
        text = raw.decode("utf-8")
        docs = list(yaml.load_all(text, Loader=CoreLoader))
    except Exception as e:
        return False, f"load: {e}".splitlines()[0]
    docs = [d for d in docs if d is not None]
    if not docs:
        return False, "no document"
    for doc in docs:
        kind = doc.get("kind") if isinstance(doc, dict) else None
        if kind not in schemas:
            return False, f"unknown kind {kind!r}"
        errors = sorted(jsonschema.Draft202012Validator(schemas[kind]).iter_errors(doc),
                        key=lambda e: list(e.path))
        if errors:
            return False, f"{'/'.join(map(str, errors[0].path))}: {errors[0].message}"[:200]
    return True, ""


def npq_verdict(npq, path):
    out = subprocess.run([npq, "validate", "--format", "json", path], capture_output=True, timeout=30)
    report = json.loads(out.stdout)
    blocking = [d for d in report["diagnostics"]
                if d["severity"] == "error" and d["category"] in ("input", "syntax", "structure")]
    return not blocking, (blocking[0]["code"] + " " + blocking[0]["message"]) if blocking else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--npq", required=True)
    ap.add_argument("--root", required=True)
    args = ap.parse_args()
    os.chdir(args.root)
    schemas = {}
    for name in os.listdir("schemas"):
        if name.endswith(".schema.json"):
            with open(os.path.join("schemas", name)) as f:
                schema = json.load(f)
            jsonschema.Draft202012Validator.check_schema(schema)
            schemas[name[: -len(".schema.json")]] = schema
    files = []
    for top in ("programmes", "examples", "data"):
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = sorted(d for d in dirnames if d != "ci")
            files += [os.path.join(dirpath, n) for n in sorted(filenames)
                      if n.endswith((".yaml", ".yml"))]
    disagreements = 0
    for path in files:
        s_ok, s_why = schema_verdict(path, schemas)
        n_ok, n_why = npq_verdict(args.npq, path)
        status = "agree" if s_ok == n_ok else "DISAGREE"
        verdict = "valid" if n_ok else "invalid"
        print(f"{status:8} {verdict:7} {path}" + ("" if s_ok == n_ok else
              f"\n         jsonschema: {'valid' if s_ok else s_why}\n         npq: {'valid' if n_ok else n_why}"))
        disagreements += s_ok != n_ok
    print(f"{len(files)} files, {disagreements} disagreements")
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
