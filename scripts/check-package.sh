#!/usr/bin/env bash
# Checks that a published app root (default .aot/, from scripts/publish-aot.sh) is complete, as
# `func azure functionapp publish` and `azd deploy` expect: the binary, host.json and every {function}/function.json.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-.aot}"
[ -d "$out" ] || { echo "no published app root at $out: run scripts/publish-aot.sh first" >&2; exit 1; }

missing=0
for expected in WeChatFunctions host.json $(ls -d */function.json); do
  if [ ! -e "$out/$expected" ]; then echo "missing from the package: $expected" >&2; missing=1; fi
done
if [ -e "$out/local.settings.json" ]; then echo "local.settings.json must never be packaged" >&2; missing=1; fi
executable=$(sed -n 's/.*"defaultExecutablePath": *"\([^"]*\)".*/\1/p' host.json)
if [ ! -x "$out/$executable" ]; then echo "host.json names $executable, which is not an executable in the package" >&2; missing=1; fi
if [ "$(head -c 4 "$out/$executable" | od -An -c | tr -d ' \n')" != '177ELF' ]; then echo "$executable is not a native binary" >&2; missing=1; fi
[ "$missing" = 0 ] && echo "package ok: $(cd "$out" && ls -d WeChatFunctions host.json */function.json | tr '\n' ' ')"
exit "$missing"
