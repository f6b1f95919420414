#!/usr/bin/env bash
# Publishes the native AOT build for linux-x64 as a complete Functions app root (the binary, host.json and every
# {function}/function.json), by default into .aot/, where the AOT binary tests look for it.
# Native AOT links with clang; where only a versioned clang-NN is installed, it is used.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-.aot}"
linker=()
if ! command -v clang >/dev/null; then
  for candidate in clang-20 clang-19 clang-18 clang-17 clang-16 clang-15 clang-14; do
    if command -v "$candidate" >/dev/null; then linker=("-p:CppCompilerAndLinker=$candidate"); break; fi
  done
fi
rm -rf "$out"
dotnet publish WeChatFunctions -c Release -o "$out" --nologo "${linker[@]}"
