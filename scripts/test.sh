#!/usr/bin/env bash
# Runs every test: types, unit and page tests, the weapp build against its size budget,
# integration and conformance tests through the real wx-server-sdk, and end-to-end tests
# in headless Chromium against the H5 build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/ensure-chromium.sh

mkdir -p .cache/test-results
rm -f .cache/test-results/*.json
jest() { node_modules/.bin/jest --ci "$@"; }

echo "== type check"
npm run -s typecheck
echo "== unit and page tests"
jest --selectProjects unit pages --json --outputFile=.cache/test-results/unit.json
echo "== cloud functions build"
npm run -s build:functions
echo "== weapp build and size budget"
npm run -s build:weapp
npm run -s size
echo "== H5 build"
npm run -s build:h5
echo "== integration, conformance and end-to-end tests"
jest --selectProjects integration e2e --runInBand --json --outputFile=.cache/test-results/integration.json
node scripts/summarize-tests.cjs .cache/test-results/*.json
