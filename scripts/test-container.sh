#!/usr/bin/env bash
# Builds the container image from a clean checkout of HEAD and checks it the way WeChat will use it: started with a
# real Azurite and a fake model, it must answer the URL check and a question on its port, as the non-root 'app' user.
# Needs buildah or docker, Node.js (Azurite, from node_modules) and the .NET SDK; takes minutes, so CI leaves it out.
# Commit first: the image is built from HEAD, not from the working tree.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f node_modules/azurite/package.json ] || npm ci --no-audit --no-fund
WECHATFUNCTIONS_CONTAINER_TEST=1 dotnet test WeChatFunctions.Tests --filter "FullyQualifiedName~ContainerImageTests" \
  --logger "console;verbosity=detailed" "$@"
