#!/usr/bin/env bash
# Starts the product locally: H5 app + local WeChat Cloud runtime on http://127.0.0.1:8787
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
npm run -s build:functions
if [ ! -f dist/h5/index.html ] || [ -n "$(find src types config -newer dist/h5/index.html -print -quit)" ]; then
  echo "building the H5 app..."
  npm run -s build:h5
fi
exec node_modules/.bin/tsx scripts/local-cloud/main.ts
