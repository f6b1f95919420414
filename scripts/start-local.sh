#!/usr/bin/env bash
# Runs the bot locally, standalone: Azurite (data kept in .azurite/) and the app at http://localhost:7071/api/wechat.
# Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f WeChatFunctions/local.settings.json ]; then
  echo "WeChatFunctions/local.settings.json is missing. Run: cp WeChatFunctions/local.settings.json.tpl WeChatFunctions/local.settings.json, then fill in wechat_token and chat_gpt_token." >&2
  exit 1
fi
[ -f node_modules/azurite/package.json ] || npm ci --no-audit --no-fund

mkdir -p .azurite
node node_modules/azurite/dist/src/azurite.js --location .azurite --skipApiVersionCheck --disableTelemetry --silent &
azurite=$!
trap 'kill "$azurite" 2>/dev/null || true' EXIT INT TERM

dotnet run --project WeChatFunctions
