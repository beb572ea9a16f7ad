#!/bin/bash
# Builds the GLSP web client into web/dist (called by the Maven build of org.cellwright.diagram, generate-resources).
# npm packages come from the npm registry, pinned by package-lock.json (npm ci when node_modules is missing or stale).
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "org.cellwright.diagram needs Node.js 20 and npm (apt-get install nodejs npm)" >&2; exit 1; }
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --prefer-offline --no-audit --no-fund --loglevel=error
fi
node build.mjs
