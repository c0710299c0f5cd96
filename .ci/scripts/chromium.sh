#!/usr/bin/env bash
# Installs Debian's chromium for the browser test (test/web/browserConsult.test.ts) when it is missing.
# playwright-core drives /usr/bin/chromium directly: no browser download from a CDN.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
$SUDO apt-get install -y chromium
