#!/usr/bin/env bash
# Backbone benchmark: device events from chargers through the bridge, MQTT, the event pump and Kafka into
# device-service's Redis view, at N connected chargers (default 5,000) and increasing MeterValues rates.
#
#   tools/loadgen/run-backbone-bench.sh [chargers] [rates] [seconds per rate]
#   tools/loadgen/run-backbone-bench.sh 5000 "250 500 1000 2000" 150
#
# 1. Starts the local stack (tools/local-stack, every engine and deployable) on its own ports and a temp folder.
# 2. Registers the chargers through device-service's public API (a Keycloak client each), REG_PARALLEL at a
#    time, and times it.
# 3. Starts a second bridge (role adapter) with the file credential store for the same stations and tenant: the
#    benchmark measures the event path, not 5,000 Keycloak token checks on connect (see docs/benchmarks.md).
#    The stack's own bridge stays the event pump.
# 4. Per rate: the load generator (meter-loop, LOADGEN_PROCESSES child JVMs) connects and boots every charger
#    and sends MeterValues at that total rate; device-service's metrics are sampled every SAMPLE_EVERY seconds:
#    events applied to the view per second, and chargeplane.device.status.delay (from the bridge's event time
#    to the Redis view update) p50/p99/max.
# Prints one line per rate and keeps everything under tools/loadgen/target/backbone-bench/<stamp>/.
#
# Environment: VERSION (1.6), REG_PARALLEL (8), LOADGEN_PROCESSES (2), WARMUP (10), SAMPLE_EVERY (5),
# PBKDF2_ITERATIONS (1000: the file store's hash cost, paid once per handshake), PORT_BASE (27000: the stack and
# the bench bridge use PORT_BASE+0..+15), BRIDGE_JAVA_OPTS.
# Build first: mvn -B -pl tools/local-stack,tools/loadgen -am install -DskipTests (packages every deployable).
set -euo pipefail

CHARGERS=${1:-5000}
RATES=${2:-"250 500 1000 2000"}
# device-service's delay timer keeps about two minutes of samples: a phase of 150 s lets the connect and boot
# burst at its start age out before the phase's p50/p99 are read.
PHASE=${3:-150}

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=../find-jdk.sh
. "$ROOT/tools/find-jdk.sh"
# shellcheck source=bench-lib.sh
. "$HERE/bench-lib.sh"
chargeplane_find_jdk
JAVA="$JAVA_HOME/bin/java"

VERSION=${VERSION:-1.6}
REG_PARALLEL=${REG_PARALLEL:-8}
LOADGEN_PROCESSES=${LOADGEN_PROCESSES:-2}
WARMUP=${WARMUP:-10}
SAMPLE_EVERY=${SAMPLE_EVERY:-5}
ITERATIONS=${PBKDF2_ITERATIONS:-1000}
BASE=${PORT_BASE:-27000}
TENANT=acme
PREFIX=LG-
PASSWORD=loadgen-secret

LAUNCHER="$ROOT/tools/local-stack/target/chargeplane-local-stack.jar"
BRIDGE_APP="$ROOT/mqtt-bridge/bridge-app/target/quarkus-app"
[ -f "$LAUNCHER" ] || { echo "build the local stack first (no $LAUNCHER)" >&2; exit 1; }
[ -f "$HERE/target/classpath.txt" ] && [ -d "$HERE/target/classes" ] \
    || { echo "build the load generator first: mvn -B -pl tools/loadgen -am install -DskipTests" >&2; exit 1; }
CP="$HERE/target/classes:$(cat "$HERE/target/classpath.txt")"
MAIN=io.chargeplane.tools.loadgen.LoadgenMain

declare -A PORT=(
    [postgres]=$BASE [kafka]=$((BASE + 1)) [kafka-controller]=$((BASE + 2)) [mqtt]=$((BASE + 3))
    [redis]=$((BASE + 4)) [keycloak]=$((BASE + 5)) [keycloak-management]=$((BASE + 6))
    [device-service]=$((BASE + 7)) [billing-service]=$((BASE + 8)) [charging-service]=$((BASE + 9))
    [bridge]=$((BASE + 10)) [ocpp]=$((BASE + 11))
)
BENCH_HTTP=$((BASE + 12)) BENCH_OCPP=$((BASE + 13))
for name in "${!PORT[@]}"; do require_free_port "${PORT[$name]}" PORT_BASE; done
require_free_port "$BENCH_HTTP" PORT_BASE
require_free_port "$BENCH_OCPP" PORT_BASE

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$HERE/target/backbone-bench/$STAMP"
mkdir -p "$OUT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/chargeplane-backbone.XXXXXX")
STACK_PID="" BRIDGE_PID="" SAMPLER_PID=""
JAVA_OPTS=(-Xmx512m)
[ "$(chargeplane_java_major "$JAVA")" -ge 23 ] && JAVA_OPTS+=(--sun-misc-unsafe-memory-access=allow)

cleanup() {
    stop_pid "$SAMPLER_PID" 5
    stop_pid "$BRIDGE_PID" 40
    [ -f "$WORK/bridge.log" ] && cp "$WORK/bridge.log" "$OUT/bench-bridge.log"
    if [ -n "$STACK_PID" ] && kill -0 "$STACK_PID" 2>/dev/null; then
        "$JAVA" "${JAVA_OPTS[@]}" -jar "$LAUNCHER" down --root "$ROOT" --data-dir "$WORK/stack" >>"$OUT/stack.out" 2>&1 || true
        stop_pid "$STACK_PID" 60
    fi
    [ -d "$WORK/stack/logs" ] && cp -r "$WORK/stack/logs" "$OUT/stack-logs"
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "# $*" | tee -a "$OUT/summary.txt" >&2; }

say "backbone bench: $CHARGERS chargers (OCPP $VERSION), rates [$RATES]/s, $PHASE s each; $(machine_line)"

# --- 1. the stack -------------------------------------------------------------------------------------------
port_args=()
for name in "${!PORT[@]}"; do port_args+=(--port "$name=${PORT[$name]}"); done
"$JAVA" "${JAVA_OPTS[@]}" -jar "$LAUNCHER" up --fresh --root "$ROOT" --data-dir "$WORK/stack" "${port_args[@]}" \
    >"$OUT/stack.out" 2>&1 &
STACK_PID=$!
started=$SECONDS
until grep -q "all healthy in" "$OUT/stack.out"; do
    kill -0 "$STACK_PID" 2>/dev/null || { cat "$OUT/stack.out" >&2; echo "stack did not start" >&2; exit 1; }
    (( SECONDS - started < 400 )) || { cat "$OUT/stack.out" >&2; echo "stack not healthy in 400 s" >&2; exit 1; }
    sleep 1
done
say "stack healthy in $((SECONDS - started)) s"
DEVICE="http://127.0.0.1:${PORT[device-service]}"
REALM="http://127.0.0.1:${PORT[keycloak]}/realms/chargeplane"
METRICS="$DEVICE/q/metrics"

token() {  # user -> access token of the demo user (password <user>-demo)
    curl -sf -d grant_type=password -d client_id=chargeplane-console -d "username=$1" -d "password=$1-demo" \
        "$REALM/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
post() {  # token, path, json -> prints the HTTP status, body to stdout file $4
    curl -s -o "${4:-/dev/null}" -w '%{http_code}' -X POST -H "Authorization: Bearer $1" \
        -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" -H 'Content-Type: application/json' -d "$3" "$DEVICE$2"
}

# --- 2. tenant, site and the chargers through the API ------------------------------------------------------
code=$(post "$(token platform-admin)" /api/v1/tenants "{\"id\":\"$TENANT\",\"name\":\"ACME Charging\"}")
[[ $code == 201 || $code == 409 ]] || { echo "tenant: HTTP $code" >&2; exit 1; }
code=$(post "$(token acme-admin)" /api/v1/sites '{"name":"Bench","address":{"street":"Hauptstr. 1","postalCode":"10115","city":"Berlin","country":"DE"},"location":{"latitude":52.52,"longitude":13.40},"timeZone":"Europe/Berlin"}' "$WORK/site.json")
[ "$code" = 201 ] || { cat "$WORK/site.json" >&2; echo "site: HTTP $code" >&2; exit 1; }
SITE=$(sed 's/.*"id":"\([^"]*\)".*/\1/' "$WORK/site.json")
PROTOCOL=ocpp$VERSION

register_range() {  # first last -> one HTTP status per line
    local i id tok
    tok=$(token acme-admin)   # a demo token lives 10 min; one per worker covers its share
    for ((i = $1; i <= $2; i++)); do
        printf -v id '%s%06d' "$PREFIX" "$i"
        post "$tok" /api/v1/devices "{\"siteId\":\"$SITE\",\"name\":\"$id\",\"kind\":\"CHARGER\",\"vendor\":\"Chargeplane\",\"model\":\"LG\",\"serialNumber\":\"$id-sn\",\"protocol\":\"$PROTOCOL\",\"firmwareVersion\":\"1.0\",\"identity\":\"$id\",\"evses\":[{\"evseNumber\":1,\"connectors\":[{\"connectorNumber\":1,\"type\":\"TYPE_2\",\"powerType\":\"AC_3_PHASE\",\"maxPowerW\":22000}]}]}"
        echo
    done
}
reg_started=$(date +%s.%N)
per=$(( (CHARGERS + REG_PARALLEL - 1) / REG_PARALLEL ))
workers=()
for ((w = 0; w < REG_PARALLEL; w++)); do
    first=$((w * per + 1)) last=$(( (w + 1) * per ))
    (( last > CHARGERS )) && last=$CHARGERS
    if (( first <= last )); then
        register_range "$first" "$last" >"$WORK/reg.$w" &
        workers+=($!)
    fi
done
wait "${workers[@]}"   # not a bare wait: the stack's launcher is a child too
reg_seconds=$(echo "$(date +%s.%N) - $reg_started" | bc)
created=$(cat "$WORK"/reg.* | grep -c '^201$' || true)
say "registered $created/$CHARGERS chargers through the API in ${reg_seconds%.*} s ($REG_PARALLEL in parallel): $(echo "scale=1; $created / $reg_seconds" | bc)/s; other answers: $(cat "$WORK"/reg.* | grep -v '^201$' | sort | uniq -c | tr '\n' ' ')"
(( created == CHARGERS )) || { echo "not every charger was registered" >&2; exit 1; }

# --- 3. the bench bridge (adapter, file credential store) --------------------------------------------------
"$JAVA" -cp "$CP" $MAIN credentials --file "$WORK/stations.properties" --chargers "$CHARGERS" --tenant "$TENANT" \
    --prefix "$PREFIX" --password "$PASSWORD" --iterations "$ITERATIONS"
cp -r "$BRIDGE_APP" "$WORK/bridge"
# shellcheck disable=SC2086
"$JAVA" ${BRIDGE_JAVA_OPTS:-} "${JAVA_OPTS[@]:1}" \
    -Dchargeplane.bridge.roles=adapter -Dchargeplane.bridge.protocols=ocpp \
    -Dchargeplane.bridge.instance-id=bench-bridge \
    -Dchargeplane.bridge.mqtt.host=127.0.0.1 -Dchargeplane.bridge.mqtt.port="${PORT[mqtt]}" \
    -Dchargeplane.bridge.credentials.source=file -Dchargeplane.bridge.credentials.file="$WORK/stations.properties" \
    -Dchargeplane.bridge.ocpp.host=127.0.0.1 -Dchargeplane.bridge.ocpp.port="$BENCH_OCPP" \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$BENCH_HTTP" \
    -jar "$WORK/bridge/quarkus-run.jar" >"$WORK/bridge.log" 2>&1 &
BRIDGE_PID=$!
await_http_ready "http://127.0.0.1:$BENCH_HTTP/q/health/ready" "$BRIDGE_PID" "$WORK/bridge.log" 120 "bench bridge"

# --- 4. rates ----------------------------------------------------------------------------------------------
metric() {  # file, prometheus name regex -> summed value
    grep -E "^$2" "$1" | awk '{s += $NF} END {printf "%.6f\n", s}'
}
sample() {  # appends "epoch applied p50 p99 max" every SAMPLE_EVERY s
    while true; do
        if curl -sf "$METRICS" -o "$WORK/m.txt"; then
            echo "$(date +%s.%N) $(metric "$WORK/m.txt" 'chargeplane_device_status_events_total\{[^}]*outcome="applied"') $(metric "$WORK/m.txt" 'chargeplane_device_status_delay_seconds\{[^}]*quantile="0.5"') $(metric "$WORK/m.txt" 'chargeplane_device_status_delay_seconds\{[^}]*quantile="0.99"') $(metric "$WORK/m.txt" 'chargeplane_device_status_delay_seconds_max')"
        fi
        sleep "$SAMPLE_EVERY"
    done
}
printf '%-8s %-12s %-14s %-10s %-10s %-10s %s\n' rate/s sent/s applied/s p50_ms p99_ms max_ms load | tee -a "$OUT/summary.txt"
for rate in $RATES; do
    sample >"$OUT/samples-$rate.txt" &
    SAMPLER_PID=$!
    "$JAVA" -XX:+UseSerialGC -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CP" $MAIN run \
        --scenario meter-loop --version "$VERSION" --chargers "$CHARGERS" --processes "$LOADGEN_PROCESSES" \
        --port "$BENCH_OCPP" --prefix "$PREFIX" --password "$PASSWORD" --rate "$rate" --warmup "$WARMUP" \
        --duration "$PHASE" --measure "bridge=$BRIDGE_PID" >"$OUT/loadgen-$rate.json" 2>"$OUT/loadgen-$rate.err"
    ended=$(date +%s.%N)
    stop_pid "$SAMPLER_PID" 5
    SAMPLER_PID=""
    # applied/s: over the samples inside the measured window (the last PHASE s of the run, after connects, boots
    # and warm-up); p50/p99/max: device-service's timer at the last sample inside it (about two minutes of events).
    summary=$(awk -v from="$(echo "$ended - $PHASE" | bc)" -v to="$ended" '
        $1 >= from && $1 <= to { if (!n++) { t0 = $1; a0 = $2 } t1 = $1; a1 = $2; p50 = $3; p99 = $4; mx = $5 }
        END { printf "%.0f %.1f %.1f %.1f", (t1 > t0) ? (a1 - a0) / (t1 - t0) : 0, p50 * 1000, p99 * 1000, mx * 1000 }' \
        "$OUT/samples-$rate.txt")
    read -r applied p50 p99 mx <<<"$summary"
    sent=$(sed -n 's/.*"answeredPerSecond":\([0-9.]*\).*/\1/p' "$OUT/loadgen-$rate.json" | head -1)
    printf '%-8s %-12s %-14s %-10s %-10s %-10s %s\n' "$rate" "${sent:-?}" "$applied" "$p50" "$p99" "$mx" \
        "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/summary.txt"
done
curl -sf "$METRICS" | grep '^chargeplane_device_status_events_total' >"$OUT/device-service-events.txt" || true
say "device-service events by outcome: $(awk '{print $1 "=" $2}' "$OUT/device-service-events.txt" | sed 's/.*outcome="\([a-z_]*\)".*=/\1=/' | tr '\n' ' ')"
say "done; $(machine_line); results in $OUT"
