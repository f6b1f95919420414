#!/usr/bin/env bash
# 部署到已有的函数应用（Flex Consumption，运行时 custom）：./deploy.sh {函数应用名}
# Deploys to an existing function app, like the seed's `make deploy`:
#   1. publishes the native AOT binary for linux-x64;
#   2. assembles the app root in .func/ (the binary, host.json, every {function}/function.json);
#   3. runs `func azure functionapp publish` there.
set -euo pipefail
cd "$(dirname "$0")"

app="${1:-}"
if [ -z "$app" ]; then
  echo "用法 / usage: ./deploy.sh {函数应用名 function-app-name}" >&2
  exit 2
fi
if ! command -v func >/dev/null; then
  echo "找不到 func：请先安装 Azure Functions Core Tools 4.x（https://learn.microsoft.com/azure/azure-functions/functions-run-local）。" >&2
  echo "Azure Functions Core Tools (func) is not installed." >&2
  exit 1
fi
if ! command -v az >/dev/null; then
  echo "找不到 az：请先安装 Azure CLI（https://learn.microsoft.com/cli/azure/install-azure-cli）。/ The Azure CLI (az) is not installed." >&2
  exit 1
fi
if ! az account show >/dev/null 2>&1; then
  echo "Azure CLI 尚未登录：请先运行 az login。/ The Azure CLI is not logged in: run az login." >&2
  exit 1
fi

bash scripts/publish-aot.sh .func
cp .funcignore .func/
bash scripts/check-package.sh .func
cd .func
func azure functionapp publish "$app"
echo "已部署。请先用模拟器验证：dotnet run --project WeChatFunctions.Simulator -- --url https://{app}.azurewebsites.net/api/wechat --token {token} --verify" | sed "s/{app}/$app/"
