#!/usr/bin/env bash
# Checks that our C++ sources (not third_party/) are clang-format clean (.clang-format);
# lists the offending lines and fails otherwise.   scripts/format.sh --fix   reformats them.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=(--dry-run --Werror)
[ "${1:-}" = --fix ] && mode=(-i)
find . \( -path ./third_party -o -path './build*' -o -path ./.git \) -prune -o \
  \( -name '*.cpp' -o -name '*.h' \) -print0 | sort -z |
  xargs -0 clang-format "${mode[@]}"
