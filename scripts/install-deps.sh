#!/usr/bin/env bash
# Installs the system packages the build needs, only those missing (Debian, as root or via sudo); with --tests,
# also those the tests need; with --bench, those the benchmarks need.
set -euo pipefail

packages=(libcurl4-openssl-dev libsqlite3-dev pkg-config libxml2-utils)
# With --tests: the browser the web pages are tested in, and its driver (selenium uses /usr/bin/chromedriver);
# with --bench: the load generator of the benchmarks' read scenario.
case "${1:-}" in
--tests) packages+=(chromium chromium-driver) ;;
--bench) packages+=(wrk) ;;
esac
# The interoperability tests need a Python with venv; Debian's own python3 splits it into python3-venv.
if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then packages+=(python3 python3-venv); fi
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "swift is not on PATH; this machine's toolchain lives in /opt/swift/usr/bin" >&2
    exit 1
fi
