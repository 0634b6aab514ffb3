#!/usr/bin/env python3
"""npq's SARIF judged by Microsoft's SARIF Multitool, with the rules GitHub code scanning applies.

Runs 'npq validate --format sarif' over the bundled programmes and the examples, from the source
folder and from elsewhere, on standard input and on a file that cannot be read, and requires that

  Sarif.Multitool validate --rule-kind "Sarif;Gh" FILE...

reports no error and no warning on any of them (its notes are advice, such as embedding snippets).
It also checks what the Multitool cannot: every %SRCROOT%-relative URI names a file under the
folder npq ran in, and informationUri and every helpUri name a file that exists, each helpUri at a
heading of docs/checks.md. Before all that, it shows the Multitool does find a fault (a version
that is not SemVer), so a Multitool that accepts everything fails the test.

    check_sarif.py --npq NPQ --root SOURCE_DIR --multitool PATH
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse


def npq_sarif(npq, args, cwd, out, stdin=None):
    with open(out, "w", encoding="utf-8") as f:
        subprocess.run([npq, "validate", "--format", "sarif", *args], cwd=cwd, stdout=f,
                       stdin=stdin, check=False)


def multitool(tool, files, tmp):
    """Errors and warnings the Multitool reports, as (file, rule, message) triples."""
    log = os.path.join(tmp, "multitool-log.sarif")
    env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1")  # ICU: Debian libicu72
    if os.path.exists(log):
        os.remove(log)
    result = subprocess.run([tool, "validate", "--rule-kind", "Sarif;Gh", "--output", log, *files],
                            capture_output=True, text=True, env=env)
    if not os.path.exists(log):
        sys.exit(f"FAIL: the Multitool wrote no log (exit {result.returncode}):\n"
                 f"{result.stdout}{result.stderr}")
    with open(log, encoding="utf-8") as f:
        report = json.load(f)
    found = []
    for run in report["runs"]:
        for r in run.get("results", []):
            if r.get("level", "warning") in ("error", "warning"):
                uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                found.append((os.path.basename(urllib.parse.unquote(uri)), r["ruleId"],
                              r["message"].get("text", r["message"].get("arguments"))))
    return found, result


def file_of(uri):
    parsed = urllib.parse.urlparse(uri)
    if parsed.scheme != "file":
        return None, parsed.fragment
    return urllib.parse.unquote(parsed.path), parsed.fragment


def own_checks(path, run_dir, root):
    """What a validator of the format cannot know: do the addresses lead somewhere?"""
    problems = []
    with open(path, encoding="utf-8") as f:
        sarif = json.load(f)
    run = sarif["runs"][0]
    driver = run["tool"]["driver"]
    if not re.fullmatch(r"\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?", driver["semanticVersion"]):
        problems.append(f"semanticVersion {driver['semanticVersion']!r} is not SemVer")
    info, _ = file_of(driver["informationUri"])
    if info is None or not os.path.isfile(info):
        problems.append(f"informationUri {driver['informationUri']} names no file")
    with open(os.path.join(root, "docs", "checks.md"), encoding="utf-8") as f:
        anchors = {re.sub(r"[^a-z0-9 _-]", "", h.strip().lower()).replace(" ", "-")
                   for h in re.findall(r"^## (.*)$", f.read(), re.M)}
    for rule in driver["rules"]:
        target, fragment = file_of(rule["helpUri"])
        if target is None or not os.path.isfile(target) or fragment not in anchors:
            problems.append(f"{rule['id']}: helpUri {rule['helpUri']} leads nowhere")
    base = run.get("originalUriBaseIds", {}).get("%SRCROOT%", {}).get("uri")
    if base != "file://" + urllib.parse.quote(os.path.realpath(run_dir)) + "/":
        problems.append(f"%SRCROOT% is {base}, not the folder npq ran in ({run_dir})")
    invocation = run["invocations"][0]
    if "executionSuccessful" not in invocation:
        problems.append("the invocation does not say whether it succeeded")
    for result in run["results"]:
        for loc in result["locations"] + result.get("relatedLocations", []):
            artifact = loc.get("physicalLocation", {}).get("artifactLocation")
            if artifact is None:
                continue
            uri = artifact["uri"]
            if artifact.get("uriBaseId") == "%SRCROOT%":
                if uri.startswith("/") or uri.startswith("..") or ":" in uri:
                    problems.append(f"{uri}: not a relative reference inside the root")
                elif result["ruleId"] != "NPQ001" and not os.path.exists(
                        os.path.join(run_dir, urllib.parse.unquote(uri))):
                    problems.append(f"{uri}: no such file under {run_dir}")
            elif artifact.get("uriBaseId") == "STDIN":
                if artifact.get("description", {}).get("text") != "standard input":
                    problems.append("standard input is not named as such")
            elif not uri.startswith("file:///"):
                problems.append(f"{uri}: neither %SRCROOT%-relative nor a file:// URI")
            if "<bundled>" in urllib.parse.unquote(uri):
                problems.append(f"{uri}: the bundled reference data is in no folder")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--npq", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--multitool", required=True)
    args = parser.parse_args()
    if not os.access(args.multitool, os.X_OK):
        print(f"FAIL: {args.multitool} is missing or not executable: run scripts/install-deps.sh")
        return 1
    root = os.path.realpath(args.root)
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        elsewhere = os.path.join(tmp, "elsewhere")
        os.mkdir(elsewhere)
        cases = {
            "programmes.sarif": (["programmes"], root, None),
            "examples.sarif": (["examples"], root, None),
            # Paths outside the folder npq runs in, given relatively and absolutely.
            "outside.sarif": (["../programmes/ucl-npqsl.yaml",
                               os.path.join(root, "examples/invalid/npq300-hours-mismatch.yaml")],
                              os.path.join(root, "examples"), None),
            "elsewhere.sarif": ([os.path.join(root, "examples/warnings")], elsewhere, None),
            "stdin.sarif": (["-"], root, "examples/invalid/npq102-unknown-key.yaml"),
            "unreadable.sarif": (["no-such-file.yaml", "examples/valid"], root, None),
            "data.sarif": (["--data", "examples/data/frameworks",
                            "examples/data/npq322-statement-not-covered.yaml"], root, None),
        }
        files = []
        for name, (npq_args, cwd, stdin) in cases.items():
            out = os.path.join(tmp, name)
            if stdin:
                with open(os.path.join(root, stdin), "rb") as f:
                    npq_sarif(args.npq, npq_args, cwd, out, stdin=f)
            else:
                npq_sarif(args.npq, npq_args, cwd, out)
            files.append(out)
            for p in own_checks(out, cwd, root):
                failures.append(f"{name}: {p}")

        # The oracle can fail: a log whose version is not SemVer gets a warning.
        bad = os.path.join(tmp, "bad-version.sarif")
        with open(files[0], encoding="utf-8") as f:
            sarif = json.load(f)
        sarif["runs"][0]["tool"]["driver"]["version"] = "npq 0.1.0"
        with open(bad, "w", encoding="utf-8") as f:
            json.dump(sarif, f, indent=2)
        found, _ = multitool(args.multitool, [bad], tmp)
        if not any(rule == "SARIF2005" for _, rule, _ in found):
            failures.append(f"the Multitool did not flag a version that is not SemVer: {found}")

        found, result = multitool(args.multitool, files, tmp)
        for name, rule, message in found:
            failures.append(f"{name}: {rule}: {message}")
        if result.returncode != 0 and not found:
            failures.append(f"the Multitool exited {result.returncode}:\n{result.stdout}")
        if failures:
            keep = os.path.join(tempfile.gettempdir(), "npq-sarif-failed")
            shutil.rmtree(keep, ignore_errors=True)
            shutil.copytree(tmp, keep)
            print(f"(the SARIF files are kept in {keep})")
    for f in failures:
        print("FAIL:", f)
    print(f"{len(files)} SARIF logs: {len(found)} Multitool errors and warnings, "
          f"{len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
