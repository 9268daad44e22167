#!/usr/bin/env bash
# Release check: install the .deb into clean Debian chroots (12 bookworm, 13 trixie by
# default) and run the same smoke test as CI there (packaging/ci-smoke.sh --no-build:
# offline install, --version, check-config, doctor against the simulator, 10 s
# headless run ended by SIGTERM, every panel offscreen, upgrade, remove, purge).
#
# usage: sudo packaging/debootstrap-smoke.sh [DEB] [SUITE...]
#   DEB     default: the newest dist/lineside_*.deb
#   SUITE   default: bookworm trixie (also: jammy noble, Ubuntu 22.04/24.04)
# Needs root, debootstrap and network access to the mirror (MIRROR=..., default
# deb.debian.org) for the chroot and the package's dependencies; the package itself is
# then installed with networking off, as on a plant machine. Chroots are made under
# ${CHROOT_BASE:-/var/tmp} and removed afterwards (KEEP_CHROOT=1 keeps them;
# REUSE_CHROOT=1 uses a chroot debootstrap made before and that no smoke test touched).
set -euo pipefail
cd "$(dirname "$0")/.."
deb=${1:-$(ls -1t dist/lineside_*.deb 2>/dev/null | head -1)}
[ $# -gt 0 ] && shift
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(bookworm trixie)
mirror=${MIRROR:-http://deb.debian.org/debian}
base=${CHROOT_BASE:-/var/tmp}
[ "$(id -u)" = 0 ] || { echo "debootstrap-smoke: needs root" >&2; exit 1; }
[ -f "$deb" ] || { echo "debootstrap-smoke: no package (build it: packaging/debian/build-deb.sh)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "debootstrap-smoke: apt-get install debootstrap" >&2; exit 1; }

results=()
for suite in "${suites[@]}"; do
    root="$base/lineside-smoke-$suite"
    start=$(date +%s)
    echo "=== $suite: chroot in $root"
    umount_all() {
        for m in dev/pts dev proc sys; do umount -l "$root/$m" 2>/dev/null || true; done
    }
    cleanup() {
        umount_all
        [ -n "${KEEP_CHROOT:-}" ] || rm -rf "$root"
    }
    trap cleanup EXIT
    if [ -n "${REUSE_CHROOT:-}" ] && [ -f "$root/etc/debian_version" ] &&
       [ ! -e "$root/smoke" ]; then
        echo "reusing the fresh chroot $root (REUSE_CHROOT)"
    else
        rm -rf "$root"
        opts=(--variant=minbase)
        suite_mirror=$mirror
        case "$suite" in
            jammy|noble)  # Ubuntu 22.04/24.04: universe has fonts-noto-cjk, libxcb-cursor0
                suite_mirror=${UBUNTU_MIRROR:-http://archive.ubuntu.com/ubuntu}
                opts+=(--components=main,universe)
                [ -f /usr/share/keyrings/ubuntu-archive-keyring.gpg ] ||
                    opts+=(--no-check-gpg)  # debootstrap from Debian lacks Ubuntu's key
                ;;
        esac
        script=()
        [ -e "/usr/share/debootstrap/scripts/$suite" ] ||
            script=(/usr/share/debootstrap/scripts/gutsy)  # older debootstrap: no noble
        debootstrap "${opts[@]}" "$suite" "$root" "$suite_mirror" "${script[@]}" \
            >"$base/debootstrap-$suite.log" 2>&1 ||
            { echo "debootstrap $suite failed:"; tail -20 "$base/debootstrap-$suite.log"; exit 1; }
    fi
    case "$suite" in jammy|noble)
        echo "deb ${UBUNTU_MIRROR:-http://archive.ubuntu.com/ubuntu} $suite main universe" \
            >"$root/etc/apt/sources.list" ;;
    esac
    mount -t proc proc "$root/proc"
    mount --rbind /sys "$root/sys"
    mount --rbind /dev "$root/dev"
    mkdir -p "$root/smoke/packaging" "$root/smoke/dist"
    cp packaging/ci-smoke.sh "$root/smoke/packaging/"
    cp "$deb" "$root/smoke/dist/"
    cp packaging/debian/depends "$root/smoke/depends"
    # The package's dependencies and the smoke test's tools, from the mirror (online).
    chroot "$root" /bin/sh -c '
        set -e
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q >/dev/null
        deps=""
        for dep in $(grep -v "^#" /smoke/depends | sed "s/([^)]*)//g; s/ //g"); do
            for alt in $(echo "$dep" | tr "|" " "); do
                if apt-cache show "$alt" >/dev/null 2>&1; then deps="$deps $alt"; break; fi
            done
        done
        apt-get install -y -q --no-install-recommends $deps mosquitto iproute2 \
            util-linux procps >/dev/null
    '
    if chroot "$root" /smoke/packaging/ci-smoke.sh --no-build; then
        results+=("$suite: PASS ($(( $(date +%s) - start )) s)")
    else
        results+=("$suite: FAIL ($(( $(date +%s) - start )) s)")
    fi
    cleanup
    trap - EXIT
done
printf '%s\n' "${results[@]}"
! printf '%s\n' "${results[@]}" | grep -q FAIL
