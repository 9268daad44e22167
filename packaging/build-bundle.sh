#!/usr/bin/env bash
# Build the PyInstaller onedir bundle: dist/lineside/ (lineside, _internal/).
# usage: packaging/build-bundle.sh [DISTDIR]      (needs uv; binutils on Linux)
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
start=$(date +%s)
uv run --frozen pyinstaller --noconfirm --clean --log-level WARN --distpath "$dist" \
    --workpath build/pyinstaller packaging/pyinstaller/lineside.spec
# The bundle must not need a newer glibc than the oldest target (Ubuntu 22.04: 2.35).
if [ "$(uname -s)" = Linux ] && command -v objdump >/dev/null; then
    max=$(find "$dist/lineside" -type f \( -name '*.so*' -o -name lineside \) -print0 |
          xargs -0 -n 50 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' |
          sort -u -V | tail -1)
    echo "bundle needs ${max:-no versioned glibc}"
    if [ -n "$max" ] && [ "$(printf '%s\nGLIBC_2.35\n' "$max" | sort -V | tail -1)" != GLIBC_2.35 ]; then
        echo "build-bundle: the bundle needs $max, newer than Ubuntu 22.04's GLIBC_2.35" >&2
        exit 1
    fi
fi
"$dist/lineside/lineside" --version
echo "bundle: $dist/lineside ($(du -sh "$dist/lineside" | cut -f1), $(( $(date +%s) - start )) s)"
