#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine (Debian's Chromium, the npm packages) and runs
# every test. This is the README's test command and exactly what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests (Debian package)…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else SUDO="none"; fi
  if [ "$SUDO" = none ]; then
    echo "Cannot install Chromium without root: install the 'chromium' package or set CHROMIUM_PATH." >&2
  else
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  fi
fi

if [ "${CI:-}" = true ] || [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi
npm test
