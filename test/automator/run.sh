#!/usr/bin/env bash
# Runs the DevTools specs when WeChat DevTools' CLI is present; says what is missing otherwise.
set -euo pipefail
cd "$(dirname "$0")/../.."
cli="${WECHAT_DEVTOOLS_CLI:-}"
if [ -z "$cli" ] || [ ! -x "$cli" ]; then
  echo "WeChat DevTools CLI not found. Install DevTools, enable 设置 → 安全设置 → 服务端口, and run:" >&2
  echo "  WECHAT_DEVTOOLS_CLI=/path/to/cli npm run test:automator" >&2
  exit 2
fi
npm run -s build:weapp
exec node_modules/.bin/jest --config test/automator/jest.config.js --runInBand
