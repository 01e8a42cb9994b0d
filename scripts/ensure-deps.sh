#!/usr/bin/env bash
# Installs npm dependencies when they are missing or older than the lockfile, and makes
# sure better-sqlite3's native addon loads (npm may skip install scripts).
set -euo pipefail
cd "$(dirname "$0")/.."

marker=node_modules/.package-lock.json
if [ ! -f "$marker" ] || [ package-lock.json -nt "$marker" ]; then
  echo "installing npm dependencies..."
  # Not `npm ci`: Taro lists optional per-platform bindings that the registry does not
  # serve, so the lockfile can never name them and `npm ci` refuses it as out of sync.
  # `npm install` still installs the locked versions.
  npm install --no-audit --no-fund
fi
if ! node -e "new (require('better-sqlite3'))(':memory:').close()" 2>/dev/null; then
  echo "building better-sqlite3's native addon..."
  npm rebuild better-sqlite3
  node -e "new (require('better-sqlite3'))(':memory:').close()"
fi
