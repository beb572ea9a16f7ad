#!/bin/bash
# Runs the headless-browser test of the diagram page (see diagram-page.test.mjs): installs Debian's chromium if it
# is missing (as root, with apt-get) and the npm packages if they are missing (npm ci, from package-lock.json).
# usage: page-test.sh <page url> <screenshot.png> <label>...
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian's chromium for the headless-browser test" >&2
    apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null; }
  else
    echo "the diagram page test needs Debian's chromium: apt-get install chromium" >&2
    exit 3
  fi
fi
[ -d node_modules/playwright-core ] || npm ci --prefer-offline --no-audit --no-fund >&2
exec node "test/${PAGE_TEST:-diagram-page.test.mjs}" "$@"
