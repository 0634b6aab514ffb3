#!/usr/bin/env bash
# Installs everything npq needs on Debian bookworm: the build dependencies and the tools the test
# suite uses (python3-jsonschema, cmark-gfm, chromium and Mermaid from npm). Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive

packages=(
  # build
  cmake make g++ libyaml-cpp-dev libcli11-dev libfmt-dev nlohmann-json3-dev doctest-dev
  # tests and tooling
  python3 python3-jsonschema python3-yaml cmark-gfm chromium help2man ca-certificates
  # the fuzz target (built by .ci/run): clang with libFuzzer
  clang libclang-rt-14-dev
)
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
if ! command -v npm >/dev/null 2>&1; then
  $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
# Mermaid and playwright-core for the Mermaid rendering test (no browser download: it drives
# Debian's chromium).
if [ -f tests/mermaid/package-lock.json ]; then
  (cd tests/mermaid && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
echo "npq dependencies are installed."
