#!/usr/bin/env bash
# Build lineside_<version>_<arch>.deb from the locked dependencies.
# The package ships the wheels; postinst builds /opt/lineside/venv from them offline,
# so a plant machine without internet access can install it.
# usage: packaging/debian/build-deb.sh [OUTDIR]      (needs uv and dpkg-deb)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-dist}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
root="$stage/lineside_${version}_${arch}"
mkdir -p "$root/DEBIAN" "$root/opt/lineside/wheels" "$root/usr/lib/systemd/user" \
         "$root/lib/systemd/system" "$root/usr/share/applications" "$root/etc/lineside"

uv build --wheel --out-dir "$root/opt/lineside/wheels" >/dev/null
uv export --frozen --no-dev --no-emit-project --no-hashes -o "$stage/requirements.txt" >/dev/null
uv run --no-project --with pip python -m pip download --quiet --only-binary=:all: \
    -r "$stage/requirements.txt" -d "$root/opt/lineside/wheels"

install -m 0644 packaging/linux/lineside-kiosk.service "$root/usr/lib/systemd/user/"
install -m 0644 packaging/linux/lineside-gateway.service "$root/lib/systemd/system/"
install -m 0644 packaging/linux/lineside.desktop "$root/usr/share/applications/"
install -m 0644 resources/demo/site.toml "$root/etc/lineside/site.toml.example"

cat > "$root/DEBIAN/control" <<CONTROL
Package: lineside
Version: ${version}
Architecture: ${arch}
Maintainer: LineSide <support@lineside.invalid>
Section: misc
Priority: optional
Depends: python3 (>= 3.11), python3-venv, libxcb-cursor0, libxkbcommon-x11-0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-render-util0, libxcb-xinerama0, libxcb-shape0, libxcb-randr0, libegl1, libgl1, libfontconfig1, libdbus-1-3, fonts-noto-cjk, fonts-dejavu-core
Recommends: mosquitto
Description: LineSide shop-floor operator terminal (HMI)
 Operator terminal for automobile plants: OPC UA and MQTT, local store that keeps
 working offline, alarms, emergency-stop request, per-worker layouts.
CONTROL
cat > "$root/DEBIAN/conffiles" <<CONF
CONF
cat > "$root/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
python3 -m venv /opt/lineside/venv
/opt/lineside/venv/bin/pip install --quiet --no-index --find-links /opt/lineside/wheels lineside-hmi
getent passwd lineside >/dev/null || adduser --system --group --home /var/lib/lineside lineside
POSTINST
cat > "$root/DEBIAN/prerm" <<'PRERM'
#!/bin/sh
set -e
rm -rf /opt/lineside/venv
PRERM
chmod 0755 "$root/DEBIAN/postinst" "$root/DEBIAN/prerm"
mkdir -p "$out"
dpkg-deb --root-owner-group --build "$root" "$out/" >/dev/null
rm -rf "$stage"
ls -1 "$out"/lineside_"${version}"_"${arch}".deb
