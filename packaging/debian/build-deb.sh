#!/usr/bin/env bash
# Build dist/lineside_<version>_<arch>.deb from the PyInstaller bundle (self-contained:
# its own Python, so one package serves Debian 12/13 and Ubuntu 22.04/24.04).
# usage: packaging/debian/build-deb.sh [--bundle DIR] [OUTDIR]
#   --bundle DIR   use an existing bundle (default: build it with build-bundle.sh)
# Needs dpkg-deb and uv; runs lintian when it is installed (report: OUTDIR/lintian.txt;
# LINESIDE_NO_LINTIAN=1 skips it).
set -euo pipefail
cd "$(dirname "$0")/../.."
bundle=""
if [ "${1:-}" = --bundle ]; then bundle=$2; shift 2; fi
out=${1:-dist}
start=$(date +%s)
version=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
arch=$(dpkg --print-architecture)
deb_version=$(sed -n '1s/^lineside (\([^)]*\)).*/\1/p' packaging/debian/changelog)
if [ "$deb_version" != "$version" ] && [ "${deb_version%-*}" != "$version" ]; then
    echo "build-deb: packaging/debian/changelog is at $deb_version, pyproject.toml at" \
         "$version: add a changelog entry" >&2
    exit 1
fi
if [ -z "$bundle" ]; then
    packaging/build-bundle.sh "$out"
    bundle=$out/lineside
fi
[ -x "$bundle/lineside" ] || { echo "build-deb: no bundle at $bundle" >&2; exit 1; }
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/lineside_${deb_version}_${arch}"
doc="$root/usr/share/doc/lineside"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/etc/lineside" \
         "$root/usr/lib/systemd/system" "$root/usr/lib/systemd/user" \
         "$root/usr/share/applications" "$root/usr/share/icons/hicolor/scalable/apps" \
         "$root/usr/share/lineside" "$root/usr/share/man/man1" \
         "$root/usr/share/lintian/overrides" "$doc"

cp -a "$bundle" "$root/opt/lineside"
chmod -R u=rwX,go=rX "$root/opt/lineside"
# Shared libraries are loaded, not run: 0644 (the wheels ship some as 0755).
find "$root/opt/lineside" -type f -name '*.so*' -exec chmod 0644 {} +
ln -s /opt/lineside/lineside "$root/usr/bin/lineside"

# The site template and every file it includes (recursively), as conffiles: taken from
# the bundle's own copy of resources/demo, so the template matches the code it ships with.
uv run --no-project python - "$root/etc/lineside" "$bundle/_internal/resources/demo" <<'PY'
import sys, tomllib
from pathlib import Path

dest = Path(sys.argv[1])
src = Path(sys.argv[2]) if Path(sys.argv[2]).is_dir() else Path("resources/demo")
header = Path("packaging/debian/site-header.toml").read_text(encoding="utf-8")
todo, done = ["site.toml"], set()
while todo:
    name = todo.pop()
    if name in done:
        continue
    done.add(name)
    text = (src / name).read_text(encoding="utf-8")
    todo += tomllib.loads(text).get("include", [])
    (dest / name).write_text((header if name == "site.toml" else "") + text, encoding="utf-8")
print("site template:", ", ".join(sorted(done)))
PY
chmod 0644 "$root"/etc/lineside/*.toml
# The template must load in the bundle it ships with (a section whose parser the bundle
# lacks would fail on the plant's first `check-config`).
"$bundle/lineside" check-config "$root/etc/lineside/site.toml" >/dev/null ||
    { echo "build-deb: the site template does not load in $bundle (rebuild the bundle)" >&2;
      exit 1; }
(cd "$root" && find etc -type f | sort | sed 's|^|/|') > "$root/DEBIAN/conffiles"

install -m 0644 packaging/debian/environment.template "$root/usr/share/lineside/"
install -m 0644 packaging/linux/lineside-gateway.service "$root/usr/lib/systemd/system/"
install -m 0644 packaging/linux/lineside-kiosk.service "$root/usr/lib/systemd/user/"
install -m 0644 packaging/linux/lineside.desktop "$root/usr/share/applications/"
install -m 0644 packaging/linux/lineside.svg "$root/usr/share/icons/hicolor/scalable/apps/"
install -m 0644 packaging/debian/copyright "$doc/"
gzip -9n < packaging/debian/changelog > "$doc/changelog.gz"  # a native package
gzip -9n < packaging/debian/lineside.1 > "$root/usr/share/man/man1/lineside.1.gz"
chmod 0644 "$doc/changelog.gz" "$root/usr/share/man/man1/lineside.1.gz"
install -m 0644 packaging/debian/lintian-overrides "$root/usr/share/lintian/overrides/lineside"
if [ -f "$out/lineside.cdx.json" ]; then  # the bundle's SBOM (packaging/release_files.py)
    install -m 0644 "$out/lineside.cdx.json" "$doc/sbom.cdx.json"
fi
for s in postinst prerm postrm; do install -m 0755 "packaging/debian/$s" "$root/DEBIAN/"; done

# Qt's xcb platform plugin, its GL and font stack, the C++ runtime and GLib come from
# the distribution: packaging/debian/depends (one per line).
depends=$(grep -v '^#' packaging/debian/depends | sed '/^ *$/d' | paste -sd, | sed 's/,/, /g')
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
# No Recommends: apt installs them by default, and on a machine without network a
# recommended package it cannot fetch makes `apt install ./lineside_*.deb` fail.
cat > "$root/DEBIAN/control" <<CONTROL
Package: lineside
Version: ${deb_version}
Architecture: ${arch}
Maintainer: LineSide <support@lineside.invalid>
Installed-Size: ${size}
Section: misc
Priority: optional
Depends: ${depends}
Suggests: mosquitto, mosquitto-clients
Homepage: https://lineside.invalid/
Description: shop-floor operator terminal (HMI) for automobile plants
 Operator terminal for automobile plants: OPC UA and MQTT sources, a local store
 that keeps working offline, alarms, the emergency-stop request and per-worker
 layouts. Includes a hardened headless gateway service and a kiosk session unit.
 .
 Self-contained: /opt/lineside carries its own Python runtime.
CONTROL
(cd "$root" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z |
    xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums" "$root/DEBIAN/control" "$root/DEBIAN/conffiles"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

mkdir -p "$out"
deb="$out/lineside_${deb_version}_${arch}.deb"
# xz: every dpkg and local-repository tool reads it. LINESIDE_DEB_COMPRESSION=zstd builds
# faster for a local try (dpkg reads zstd on all four targets, older repo tools may not).
dpkg-deb --root-owner-group -Z"${LINESIDE_DEB_COMPRESSION:-xz}" -z6 --build "$root" "$deb" \
    >/dev/null
echo "package: $deb ($(du -h "$deb" | cut -f1), $(( $(date +%s) - start )) s)"
if [ -n "${LINESIDE_NO_LINTIAN:-}" ]; then
    echo "lintian: skipped (LINESIDE_NO_LINTIAN)"
elif command -v lintian >/dev/null; then
    lstart=$(date +%s)
    lintian --fail-on error --display-info "$deb" > "$out/lintian.txt" 2>&1 || {
        cat "$out/lintian.txt" >&2
        echo "build-deb: lintian reports errors (above)" >&2
        exit 1
    }
    echo "lintian: $(grep -c '^[EW]:' "$out/lintian.txt" || true) errors/warnings," \
         "report in $out/lintian.txt ($(( $(date +%s) - lstart )) s)"
fi
