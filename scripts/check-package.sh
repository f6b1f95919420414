#!/usr/bin/env bash
# Checks that `dotnet publish WeChatFunctions` produces a complete Functions app root, as
# `func azure functionapp publish` and `azd deploy` expect: the binary, host.json and every {function}/function.json.
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet publish WeChatFunctions -c Release -o "$out" --nologo -v quiet

missing=0
for expected in WeChatFunctions host.json $(ls -d */function.json); do
  if [ ! -e "$out/$expected" ]; then echo "missing from the package: $expected" >&2; missing=1; fi
done
if [ -e "$out/local.settings.json" ]; then echo "local.settings.json must never be packaged" >&2; missing=1; fi
executable=$(sed -n 's/.*"defaultExecutablePath": *"\([^"]*\)".*/\1/p' host.json)
if [ ! -x "$out/$executable" ]; then echo "host.json names $executable, which is not an executable in the package" >&2; missing=1; fi
[ "$missing" = 0 ] && echo "package ok: $(cd "$out" && ls -d WeChatFunctions host.json */function.json | tr '\n' ' ')"
exit "$missing"
