#!/usr/bin/env python3
"""Runs each run: step of examples/ci/github-actions.yml as written, as GitHub Actions would
(bash -e, in the checkout of a repository of programmes), on this Debian.

What cannot run here is replaced, never the commands themselves:
- apt-get is a stand-in that installs nothing: it fails unless every package named is installed
  here, and the packages must include the build dependencies of scripts/install-deps.sh;
- NPQ_REPO is a local git repository: by default a stand-in for npq's source with npq's real
  CMakePresets.json, whose build installs a script running the npq under test (npq's own build
  takes ~25 CPU-minutes); with --real-build, a copy of npq's source tree, built for real;
- NPQ_PREFIX and RUNNER_TEMP are temporary folders.
Every cmake and npq command is logged with its exit status, and each must succeed: a failure
hidden by '|| ...' or '2>/dev/null' fails the test too.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

# Logs a command's arguments and exit status, then exits with that status.
LOGGED = """#!/bin/sh
"{real}" "$@"
status=$?
printf '%s %s %s\\n' "{name}" "$status" "$*" >> "$NPQ_CI_LOG"
exit $status
"""

APT_GET = """#!/bin/sh
# apt-get stand-in: 'update' does nothing; 'install' checks that each package is installed here.
echo "apt-get $*" >> "$NPQ_CI_LOG"
[ "$1" = update ] && exit 0
for p in "$@"; do
  case "$p" in
    -*|install) ;;
    *) dpkg-query -W -f='${Status}\\n' "$p" 2>/dev/null | grep -q 'install ok installed' ||
         { echo "apt-get stand-in: $p is not installed on this machine"; exit 100; } ;;
  esac
done
"""

STAND_IN = """# A stand-in for npq's source tree (tests/ci/run_workflow.py): the workflow's cmake commands
# run against npq's CMakePresets.json; the build installs a script that runs the npq under test.
cmake_minimum_required(VERSION 3.25)
project(npq LANGUAGES NONE)
install(PROGRAMS npq DESTINATION bin)
"""


def write(path, text, mode=0o644):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(path, mode)


def git(cwd, *args):
    subprocess.run(["git", "-c", "user.name=npq test", "-c", "user.email=test@example.org",
                    *args], cwd=cwd, check=True, capture_output=True)


def build_packages(root):
    """The packages under '# build' in scripts/install-deps.sh, less doctest-dev (only the tests
    use it, and the release preset builds none)."""
    text = open(os.path.join(root, "scripts/install-deps.sh"), encoding="utf-8").read()
    group = re.search(r"\n\s*# build\n(.*?)\n\s*#", text, re.S).group(1)
    return set(group.split()) - {"doctest-dev"}


def npq_source(args, tmp):
    src = os.path.join(tmp, "npq-src")
    os.mkdir(src)
    if args.real_build:
        files = subprocess.run(["git", "ls-files", "-z"], cwd=args.root, check=True,
                               capture_output=True).stdout.decode().split("\0")
        for f in filter(None, files):
            if os.path.isfile(os.path.join(args.root, f)):
                os.makedirs(os.path.join(src, os.path.dirname(f)), exist_ok=True)
                shutil.copy2(os.path.join(args.root, f), os.path.join(src, f))
    else:
        shutil.copy(os.path.join(args.root, "CMakePresets.json"), src)
        write(os.path.join(src, "CMakeLists.txt"), STAND_IN)
        write(os.path.join(src, "npq"), LOGGED.format(real=args.npq, name="npq"),
              0o755)
    git(src, "init", "-q", "-b", "main")
    git(src, "add", "-A")
    git(src, "commit", "-q", "-m", "npq")
    return src


def programmes_repo(args, tmp):
    """A repository of programmes, each with its current route map page."""
    work = os.path.join(tmp, "work")
    os.makedirs(os.path.join(work, "programmes"))
    os.makedirs(os.path.join(work, "site", "routemaps"))
    shutil.copy(os.path.join(args.root, "examples/valid/consistent-programme.yaml"),
                os.path.join(work, "programmes", "example.yaml"))
    subprocess.run([args.npq, "routemap", "programmes/example.yaml", "--mermaid",
                    "--allow-contradictions", "-o", "site/routemaps/example.md"],
                   cwd=work, check=True, capture_output=True)
    git(work, "init", "-q", "-b", "main")
    return work


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workflow", required=True)
    parser.add_argument("--npq", required=True, help="the npq under test")
    parser.add_argument("--root", required=True, help="npq's source folder")
    parser.add_argument("--real-build", action="store_true")
    args = parser.parse_args()
    args.npq = os.path.abspath(args.npq)
    workflow = yaml.safe_load(open(args.workflow, encoding="utf-8"))
    cmake = shutil.which("cmake")
    with tempfile.TemporaryDirectory() as tmp:
        shims = os.path.join(tmp, "bin")
        os.mkdir(shims)
        write(os.path.join(shims, "apt-get"), APT_GET, 0o755)
        write(os.path.join(shims, "cmake"), LOGGED.format(real=cmake, name="cmake"), 0o755)
        if args.real_build:  # the npq the workflow installs, logged
            installed = os.path.join(tmp, "prefix", "bin", "npq")
            write(os.path.join(shims, "npq"), LOGGED.format(real=installed, name="npq"), 0o755)
        log = os.path.join(tmp, "log")
        open(log, "w").close()
        for d in ("prefix", "runner", "home"):
            os.mkdir(os.path.join(tmp, d))
        env = dict(os.environ)
        env.update({k: str(v) for k, v in workflow.get("env", {}).items()})
        env.update(NPQ_REPO="file://" + npq_source(args, tmp), NPQ_REF="main",
                   NPQ_PREFIX=os.path.join(tmp, "prefix"), RUNNER_TEMP=os.path.join(tmp, "runner"),
                   HOME=os.path.join(tmp, "home"), GITHUB_ACTIONS="true", CI="true",
                   NPQ_CI_LOG=log,
                   PATH=os.pathsep.join([shims, os.path.join(tmp, "prefix", "bin"), env["PATH"]]))
        work = programmes_repo(args, tmp)
        failures = []
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                if "run" not in step:
                    continue
                if "${{" in step["run"] or step.get("shell", "bash") != "bash":
                    failures.append(f"{step.get('name')}: expressions or another shell")
                    continue
                # The commands run for real here: a fixed folder would be this machine's.
                if re.search(r"(^|[\s=\"'])/(usr|tmp|opt|etc|var|home|root|srv)\b", step["run"]):
                    failures.append(f"step '{step.get('name')}' names a fixed folder; use "
                                    "$RUNNER_TEMP, $NPQ_PREFIX or relative paths (not run)")
                    continue
                result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=work, env=env,
                                        capture_output=True, text=True)
                if result.returncode != 0:
                    failures.append(f"step '{step.get('name')}' exits {result.returncode}:\n"
                                    f"{result.stdout}{result.stderr}")
        entries = open(log, encoding="utf-8").read().splitlines()
        ran = []
        for line in entries:
            name, status, command = (line.split(" ", 2) + [""])[:3]
            if name in ("cmake", "npq"):
                ran.append(f"{name} {command}")
                if status != "0":
                    failures.append(f"'{name} {command}' exits {status}")
        asked = {w for line in entries if line.startswith("apt-get install") for w in line.split()}
        missing = build_packages(args.root) - asked
        if missing:
            failures.append(f"apt-get install lacks build dependencies: {' '.join(sorted(missing))}")
        for needed in ("cmake --workflow --preset release", "cmake --install", "npq validate"):
            if not any(command.startswith(needed) for command in ran):
                failures.append(f"no '{needed}' ran")
    for f in failures:
        print("FAIL:", f)
    if not failures:
        print(f"ok: {len(ran)} cmake and npq commands of {args.workflow} ran and succeeded:")
        print("\n".join(ran))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
