#!/usr/bin/env bash
# CI smoke test of the installers, as plant IT would try them: build the bundle and the
# .deb (with checksums and SBOM), install the .deb with networking off, then run
#   lineside --version; lineside check-config /etc/lineside/site.toml;
#   lineside doctor (as the service user) against the simulator and a local Mosquitto;
#   a 10 s headless gateway run ended by SIGTERM (exit 0 within 2 s, store 0640);
#   an offscreen GUI start that shows every panel type (doctor --panels);
#   an upgrade over itself that keeps an edited conffile;
# then purge and check that nothing is left. Each step prints its time; a failing step
# prints its name, command and output, and the script stops with status 1.
#
# usage: packaging/ci-smoke.sh [--no-build | --reuse-bundle]   (root; needs dpkg,
#        apt-get, unshare, mosquitto, iproute2; .ci/run installs them)
#   --no-build       reuse dist/lineside and dist/lineside_*.deb
#   --reuse-bundle   reuse dist/lineside (built by .ci/run before the tests), build the .deb
# Network-off steps run in `unshare -n` with only the loopback up: the package must
# install and work with no route to anywhere (plant networks often have none).
set -uo pipefail
cd "$(dirname "$0")/.."
build=1
bundle=1
[ "${1:-}" = --no-build ] && build=0
[ "${1:-}" = --reuse-bundle ] && [ -x dist/lineside/lineside ] && bundle=0

if [ "$(id -u)" != 0 ]; then
    echo "ci-smoke: needs root (installs a package)" >&2
    exit 1
fi
log=$(mktemp -d /tmp/lineside-smoke.XXXXXX)
chmod 0755 "$log"
timings=()
total_start=$(date +%s)

step() {  # step NAME COMMAND... : run, time, and on failure say what failed
    local name=$1
    shift
    local t0
    t0=$(date +%s%N)
    echo "--- $name"
    if "$@" >"$log/step.out" 2>&1; then
        local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
        local dt="$((ms / 1000)).$(( (ms % 1000) / 100 ))"
        tail -n 40 "$log/step.out"
        timings+=("$(printf '%-44s %6s s' "$name" "$dt")")
    else
        local rc=$?
        echo "FAILED: $name (exit $rc)" >&2
        echo "command: $*" >&2
        echo "output (last 80 lines):" >&2
        tail -n 80 "$log/step.out" >&2
        echo "logs in $log" >&2
        cleanup
        exit 1
    fi
}

offline() {  # run a command in a network namespace with only the loopback up
    unshare -n sh -c 'ip link set lo up && exec "$@"' offline "$@"
}

cleanup() {
    [ -n "${mosq_pid:-}" ] && kill "$mosq_pid" 2>/dev/null
    [ -n "${sim_pid:-}" ] && kill "$sim_pid" 2>/dev/null
    wait 2>/dev/null
    true
}
trap cleanup EXIT

# --- build --------------------------------------------------------------------------------
if [ $build = 1 ]; then
    [ $bundle = 1 ] && step "build the bundle" packaging/build-bundle.sh dist
    step "bundle checksums and SBOM" uv run --frozen python packaging/release_files.py dist
    step "build the .deb (and lintian)" packaging/debian/build-deb.sh --bundle dist/lineside dist
    step ".deb checksums and SBOM" uv run --frozen python packaging/release_files.py dist
fi
deb=$(ls -1t dist/lineside_*.deb | head -1)
[ -f "$deb" ] || { echo "ci-smoke: no dist/lineside_*.deb" >&2; exit 1; }
echo "package: $deb"

if dpkg -s lineside >/dev/null 2>&1; then
    step "purge a lineside left from before" apt-get purge -y -q lineside
fi

# --- install, networking off ---------------------------------------------------------------
missing_deps() {  # the Depends of the package that are not installed (must be none)
    local deps
    deps=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/([^)]*)//g; s/^ *//; s/ *$//')
    local miss=0
    while IFS= read -r alt; do
        [ -z "$alt" ] && continue
        local ok=0
        for p in $(echo "$alt" | tr '|' ' '); do
            dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' && ok=1
        done
        [ $ok = 1 ] || { echo "not installed: $alt"; miss=1; }
    done <<<"$deps"
    return $miss
}
step "dependencies present (else .ci/run installs them)" missing_deps
step "install offline" offline env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q "$PWD/$deb"

check_installed() {
    set -e
    test -L /usr/bin/lineside
    test "$(readlink /usr/bin/lineside)" = /opt/lineside/lineside
    getent passwd lineside
    test "$(stat -c '%a %U:%G' /var/lib/lineside)" = "750 lineside:lineside"
    test "$(stat -c '%a %U:%G' /etc/lineside/environment)" = "640 root:lineside"
    grep -q /etc/lineside/site.toml /var/lib/dpkg/info/lineside.conffiles
    dpkg-query -W -f='${Conffiles}\n' lineside | grep -c /etc/lineside/
    if command -v systemd-analyze >/dev/null; then
        systemd-analyze security --offline=yes \
            /usr/lib/systemd/system/lineside-gateway.service | tail -1
    fi
}
step "installed files, user, modes, conffiles, unit" check_installed

unresolved_libraries() {  # every library of the bundle resolves on this system
    local out
    out=$(cd /opt/lineside && export LD_LIBRARY_PATH=/opt/lineside/_internal &&
          find . -type f \( -name '*.so*' -o -name lineside \) -print0 |
          xargs -0 -n 20 ldd 2>/dev/null | grep 'not found' | sort -u)
    [ -z "$out" ] || { echo "libraries the bundle needs and this system lacks:"; echo "$out";
                       return 1; }
    echo "every shared library of /opt/lineside resolves"
}
step "bundle libraries resolve (Depends complete)" unresolved_libraries
step "lineside --version" offline lineside --version
step "check-config /etc/lineside/site.toml" offline lineside check-config /etc/lineside/site.toml

# --- the plant: simulator and Mosquitto, inside one network-less namespace ---------------
# Everything below runs in the same namespace (unshare -n once), so the gateway, the
# doctor and the GUI see the simulator on 127.0.0.1 as the template site expects.
cat >"$log/plant.sh" <<'PLANT'
#!/bin/bash
# Runs inside `unshare -n`: the plant, then every run-time step given as arguments.
set -u
ip link set lo up
log=$1; shift
printf 'listener 1883 127.0.0.1\nallow_anonymous true\npersistence false\n' >"$log/mosq.conf"
mosquitto -c "$log/mosq.conf" >"$log/mosquitto.log" 2>&1 &
mosq=$!
LINESIDE_DATA_DIR="$log/sim" lineside simulate --opcua-port 4840 --mqtt 127.0.0.1:1883 \
    >"$log/simulator.log" 2>&1 &
sim=$!
t0=$(date +%s)
until (exec 3<>/dev/tcp/127.0.0.1/4840) 2>/dev/null; do
    if [ $(( $(date +%s) - t0 )) -gt 120 ] || ! kill -0 $sim 2>/dev/null; then
        echo "the simulator did not listen on 4840:"; tail -20 "$log/simulator.log"; exit 1
    fi
    sleep 0.2
done
echo "simulator listening after $(( $(date +%s) - t0 )) s"
rc=0
"$@" || rc=$?
kill $sim $mosq 2>/dev/null
wait 2>/dev/null
exit $rc
PLANT
chmod 0755 "$log/plant.sh"
in_plant() { unshare -n "$log/plant.sh" "$log" "$@"; }

doctor_as_service() {
    # As the gateway runs: the service user, its environment file, its store.
    runuser -u lineside -- env LINESIDE_DATA_DIR=/var/lib/lineside sh -c \
        'set -a; . /etc/lineside/environment; set +a;
         lineside doctor --headless --site /etc/lineside/site.toml \
             --store /var/lib/lineside/lineside.db'
}
step "doctor as the service user, against the simulator" in_plant sh -c "$(declare -f doctor_as_service); doctor_as_service"

gateway_sigterm() {
    set -e
    # setpriv execs (runuser would stay as the parent and kill the gateway 2 s after
    # passing SIGTERM on): the signal reaches the gateway itself, as systemd sends it.
    setpriv --reuid=lineside --regid=lineside --init-groups sh -c 'umask 0027; exec env \
        LINESIDE_DATA_DIR=/var/lib/lineside HOME=/var/lib/lineside lineside run --headless \
        --site /etc/lineside/site.toml --store /var/lib/lineside/lineside.db' \
        >"$LOG/gateway.log" 2>&1 &
    pid=$!
    # 10 s of running from the moment it is up (its start takes 2-30 s on a loaded machine;
    # a stop requested during start-up waits for the start, measured apart below).
    t_up=$(date +%s)
    until grep -q "link plc-body: connected" "$LOG/gateway.log"; do
        kill -0 $pid 2>/dev/null || { echo "the gateway died early:"; cat "$LOG/gateway.log"; exit 1; }
        [ $(( $(date +%s) - t_up )) -le 120 ] || { echo "not connected after 120 s"; exit 1; }
        sleep 0.2
    done
    echo "gateway up and connected after $(( $(date +%s) - t_up )) s"
    sleep 10
    kill -0 $pid || { echo "the gateway died early:"; cat "$LOG/gateway.log"; exit 1; }
    t0=$(date +%s%N)
    kill -TERM $pid
    rc=0
    wait $pid || rc=$?
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    tail -n 15 "$LOG/gateway.log"
    echo "exit $rc after SIGTERM in $ms ms"
    [ $rc = 0 ] || { echo "the gateway exited $rc, not 0"; exit 1; }
    [ $ms -le 2000 ] || { echo "the gateway took $ms ms to stop (limit 2000)"; exit 1; }
    grep -q "link plc-body: connected" "$LOG/gateway.log" ||
        { echo "the gateway never connected to the simulated PLC"; exit 1; }
    ! grep -q "$(printf '\033')\[" "$LOG/gateway.log" ||
        { echo "screen redraw codes in the gateway's log (journald)"; exit 1; }
    mode=$(stat -c %a /var/lib/lineside/lineside.db)
    echo "store /var/lib/lineside/lineside.db mode $mode"
    [ $(( 0$mode & 07 )) = 0 ] || { echo "the store is world-accessible ($mode)"; exit 1; }
}
step "10 s headless gateway, SIGTERM, exit 0 within 2 s" in_plant env LOG="$log" \
    bash -c "$(declare -f gateway_sigterm); gateway_sigterm"

gui_panels() {
    set -e
    out=$(QT_QPA_PLATFORM=offscreen LINESIDE_DATA_DIR="$LOG/gui" \
          lineside doctor --panels --site /etc/lineside/site.toml --store "$LOG/gui/gui.db" \
          2>&1) || true
    echo "$out" | grep -E '^(PASS|WARN|FAIL|SKIP)  panel'
    n=$(echo "$out" | grep -c '^PASS  panel')
    bad=$(echo "$out" | grep -E '^(WARN|FAIL)  panel' || true)
    [ -z "$bad" ] || { echo "panels not shown:"; echo "$out"; exit 1; }
    [ "$n" -ge 8 ] || { echo "only $n panel types shown:"; echo "$out"; exit 1; }
    echo "$n panel types shown"
}
mkdir -p "$log/gui" && chmod 0700 "$log/gui"
step "offscreen GUI shows every panel type" in_plant env LOG="$log" \
    bash -c "$(declare -f gui_panels); gui_panels"

# --- upgrade over itself: conffile kept, maintainer scripts' upgrade path ----------------
echo "# edited by plant IT" >>/etc/lineside/site.toml
step "upgrade (reinstall) keeps an edited conffile" offline env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --reinstall -o Dpkg::Options::=--force-confold "$PWD/$deb"
step "edited site file still there" grep -q "edited by plant IT" /etc/lineside/site.toml
step "remove keeps data and user" sh -c 'set -e; apt-get remove -y -q lineside;
    test -d /var/lib/lineside; getent passwd lineside; test ! -e /usr/bin/lineside;
    test ! -e /opt/lineside'

# --- purge: nothing left -------------------------------------------------------------------
leftovers() {
    local left=0
    for p in /opt/lineside /etc/lineside /var/lib/lineside /usr/bin/lineside \
             /usr/lib/systemd/system/lineside-gateway.service \
             /usr/lib/systemd/user/lineside-kiosk.service /usr/share/doc/lineside; do
        [ -e "$p" ] || [ -L "$p" ] && { echo "left after purge: $p"; left=1; }
    done
    getent passwd lineside && { echo "user lineside left after purge"; left=1; }
    getent group lineside && { echo "group lineside left after purge"; left=1; }
    dpkg -s lineside >/dev/null 2>&1 && { echo "dpkg still knows lineside"; left=1; }
    return $left
}
step "purge" dpkg --purge lineside
step "nothing left after purge" leftovers

echo
echo "=== ci-smoke: all steps passed ($(( $(date +%s) - total_start )) s)"
printf '%s\n' "${timings[@]}"
