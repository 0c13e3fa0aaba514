#!/usr/bin/env bash
# Bridge benchmark: a HiveMQ CE broker JVM, a station credentials file, the packaged bridge-app, then the
# OCPP load generator spread over child processes. Samples the bridge's and the broker's RSS and CPU from
# /proc around the measured phase and prints the load generator's JSON line (also kept under
# tools/loadgen/target/bench-results/). Everything it starts is stopped when it exits; loopback only.
#
#   tools/loadgen/run-bench.sh <scenario> <version> <chargers> <processes> [extra load generator options]
#   tools/loadgen/run-bench.sh meter-loop 1.6 1000 2 --warmup 10 --duration 30 --rate 1500
#
# Environment: PBKDF2_ITERATIONS (work factor of the stations' password hashes, default 210000 = the
# bridge's default for new hashes; each handshake pays it once), BRIDGE_JAVA_OPTS (default: the bridge's
# production JVM settings, see docs/protocols/ocpp.md "Sizing"), BROKER_JAVA_OPTS,
# OCPP_PORT (18180), HTTP_PORT (18080), BRIDGE_APP (a packaged quarkus-app folder; default: the build's).
# Build first: mvn -B -pl tools/loadgen -am install -DskipTests
set -euo pipefail

if [ $# -lt 4 ]; then
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
SCENARIO=$1 VERSION=$2 CHARGERS=$3 PROCESSES=$4
shift 4

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=../find-jdk.sh
. "$ROOT/tools/find-jdk.sh"
# shellcheck source=bench-lib.sh
. "$HERE/bench-lib.sh"
chargeplane_find_jdk
JAVA="$JAVA_HOME/bin/java"

ITERATIONS=${PBKDF2_ITERATIONS:-210000}
# The bridge's production JVM settings (heap bound and prompt return of unused heap to the OS).
BRIDGE_PRODUCTION_JAVA_OPTS="-Xmx192m -XX:G1PeriodicGCInterval=5000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20"
OCPP_PORT=${OCPP_PORT:-18180}
HTTP_PORT=${HTTP_PORT:-18080}
BRIDGE_APP=${BRIDGE_APP:-"$ROOT/mqtt-bridge/bridge-app/target/quarkus-app"}
[ -f "$HERE/target/classpath.txt" ] && [ -d "$HERE/target/classes" ] \
    || { echo "build the load generator first: mvn -B -pl tools/loadgen -am install -DskipTests" >&2; exit 1; }
[ -f "$BRIDGE_APP/quarkus-run.jar" ] || { echo "package the bridge first (no $BRIDGE_APP)" >&2; exit 1; }
require_free_port "$OCPP_PORT" OCPP_PORT
require_free_port "$HTTP_PORT" HTTP_PORT
CP="$HERE/target/classes:$(cat "$HERE/target/classpath.txt")"
MAIN=io.chargeplane.tools.loadgen.LoadgenMain

WORK=$(mktemp -d "${TMPDIR:-/tmp}/chargeplane-bench.XXXXXX")
RESULTS="$HERE/target/bench-results"
mkdir -p "$RESULTS"
BRIDGE_PID="" BROKER_PID=""

cleanup() {
    stop_pid "$BRIDGE_PID" 40
    exec 3>&-   # the broker stops when its stdin closes
    stop_pid "$BROKER_PID" 20
    [ -f "$WORK/bridge.log" ] && cp "$WORK/bridge.log" "$RESULTS/last-bridge.log"
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A copy of the packaged bridge: a rebuild in the work tree during the run cannot swap its jars.
cp -r "$BRIDGE_APP" "$WORK/bridge"

"$JAVA" -cp "$CP" $MAIN credentials --file "$WORK/stations.properties" --chargers "$CHARGERS" \
    --iterations "$ITERATIONS"

# Broker: own JVM; its stdin is a FIFO this script holds open, so it also ends if the script is killed.
mkfifo "$WORK/broker.in"
exec 3<>"$WORK/broker.in"
# shellcheck disable=SC2086
"$JAVA" ${BROKER_JAVA_OPTS:-} -cp "$CP" $MAIN broker --port-file "$WORK/broker.port" \
    <"$WORK/broker.in" >"$WORK/broker.log" 2>&1 &
BROKER_PID=$!
for ((i = 0; i < 600; i++)); do
    [ -s "$WORK/broker.port" ] && break
    kill -0 "$BROKER_PID" 2>/dev/null || { cat "$WORK/broker.log" >&2; echo "broker did not start" >&2; exit 1; }
    sleep 0.1
done
[ -s "$WORK/broker.port" ] || { echo "broker did not report its port within 60 s" >&2; exit 1; }
MQTT_PORT=$(cat "$WORK/broker.port")

# shellcheck disable=SC2086
"$JAVA" ${BRIDGE_JAVA_OPTS-$BRIDGE_PRODUCTION_JAVA_OPTS} \
    -Dchargeplane.bridge.protocols=ocpp \
    -Dchargeplane.bridge.instance-id=bench-bridge \
    -Dchargeplane.bridge.mqtt.host=127.0.0.1 -Dchargeplane.bridge.mqtt.port="$MQTT_PORT" \
    -Dchargeplane.bridge.credentials.file="$WORK/stations.properties" \
    -Dchargeplane.bridge.ocpp.host=127.0.0.1 -Dchargeplane.bridge.ocpp.port="$OCPP_PORT" \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$HTTP_PORT" \
    -jar "$WORK/bridge/quarkus-run.jar" >"$WORK/bridge.log" 2>&1 &
BRIDGE_PID=$!
await_http_ready "http://127.0.0.1:$HTTP_PORT/q/health/ready" "$BRIDGE_PID" "$WORK/bridge.log" 90 bridge

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$RESULTS/$SCENARIO-$VERSION-$CHARGERS-$STAMP.json"
echo "# $(date -u +%FT%TZ) $(uptime | sed 's/^ *//')" >&2
echo "# bridge pid $BRIDGE_PID, broker pid $BROKER_PID (port $MQTT_PORT), PBKDF2 $ITERATIONS iterations" >&2
"$JAVA" -XX:+UseSerialGC -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CP" $MAIN run --scenario "$SCENARIO" --version "$VERSION" \
    --chargers "$CHARGERS" --processes "$PROCESSES" --port "$OCPP_PORT" \
    --measure "bridge=$BRIDGE_PID,broker=$BROKER_PID" "$@" | tee "$OUT"
# The bridge's own counters (messages by direction/kind/outcome, publish latency) as evidence beside the JSON.
curl -sf "http://127.0.0.1:$HTTP_PORT/q/metrics" | grep '^chargeplane_bridge' >"${OUT%.json}.metrics.txt" || true
echo "# after: $(uptime | sed 's/^ *//')" >&2
