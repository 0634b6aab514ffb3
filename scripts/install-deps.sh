#!/usr/bin/env bash
# Installs everything npq needs on Debian bookworm: the build dependencies and every tool the test
# suite uses. Safe to re-run. Nothing here is optional: a test whose tool is missing fails (it
# never skips), so a machine set up by this script runs the whole suite.
#
# tests/deps/check_headers.sh checks that every system header included under src/ and tests/
# comes from a package listed here.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive

packages=(
  # build
  cmake ninja-build g++ libyaml-cpp-dev libcli11-dev libfmt-dev nlohmann-json3-dev doctest-dev
  libdtl-dev
  # source checks
  clang-format clang-tidy
  # tests and tooling
  python3 python3-jsonschema python3-yaml python3-scipy cmark-gfm chromium help2man man-db ca-certificates
  # git: the example CI workflow's test (tests/ci) builds its stand-in repositories with it
  git
  # Microsoft's SARIF Multitool (tests/sarif) is a self-contained .NET binary: it needs ICU
  libicu72
  # the four Markdown renderers of the route map test (tests/markdown), and the SVG checks
  python3-markdown ruby-kramdown ruby-kramdown-parser-gfm libxml2-utils librsvg2-bin
  # the fuzz target and the sanitizer build: clang with libFuzzer
  clang libclang-rt-14-dev
  # Node.js for the browser tests (Debian's is 18; a newer one already installed is kept)
)
if ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
# Mermaid and playwright-core for the browser tests (no browser download: they drive Debian's
# chromium). The versions are locked to releases that run on Debian's Node 18.
(cd tests/mermaid && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
# Microsoft's SARIF Multitool, which judges npq's SARIF (tests/sarif). npm does not keep the
# binary's execute bit in every version, so set it.
(cd tests/sarif && npm ci --no-audit --no-fund --loglevel=error &&
  chmod +x node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool)
# markdown-it, axe-core, schema-dts and typescript for the route map page checks (tests/pages).
(cd tests/pages && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
echo "npq dependencies are installed."
