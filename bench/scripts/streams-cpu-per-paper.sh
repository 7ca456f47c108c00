#!/usr/bin/env bash
# Stream-thread CPU and records written per paper, with the streams application in its own JVM
# (one stream thread, at_least_once, commit interval 1 s, one partition) against a local cluster.
#
#   bench/scripts/streams-cpu-per-paper.sh [JAR] [EVENTS] [WORK_DIR]
#
# Publishes EVENTS synthetic events (default 5000) before the application starts, waits until
# the application's group has committed everything three polls in a row, then prints the CPU
# seconds of the stream threads (from /proc, matched by name through jcmd) and, per topic, the
# records written and their number per event.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="${1:-$here/../../cli/target/paperpulse.jar}"
events="${2:-5000}"
work="${3:-$(mktemp -d /tmp/paperpulse-cpu.XXXXXX)}"
kafka_port=$((19800 + RANDOM % 100)); registry_port=$((kafka_port + 100)); http_port=$((kafka_port + 200))
progress() { java -cp "$jar" "$here/GroupProgress.java" "localhost:$kafka_port" paperpulse "$@"; }

mkdir -p "$work"
java -jar "$jar" local-cluster --data-dir "$work/data" --kafka-port "$kafka_port" --registry-port "$registry_port" \
  > "$work/cluster.log" 2>&1 &
cluster=$!
trap 'kill ${app:-} $cluster 2>/dev/null || true' EXIT
for _ in $(seq 60); do
  (echo > "/dev/tcp/localhost/$registry_port") 2>/dev/null && (echo > "/dev/tcp/localhost/$kafka_port") 2>/dev/null && break
  sleep 1
done
java -jar "$jar" topics --bootstrap-servers "localhost:$kafka_port" --partitions 1 > "$work/topics.log" 2>&1
java -jar "$jar" generate --bootstrap-servers "localhost:$kafka_port" \
  --schema-registry "http://localhost:$registry_port" --count "$events" > "$work/generate.log" 2>&1
echo commit.interval.ms=1000 > "$work/client.properties"

started=$(date +%s.%N)
# shellcheck disable=SC2086 # JAVA_OPTS holds several options, e.g. a flight recording
java -Xmx512m ${JAVA_OPTS:-} -jar "$jar" streams --bootstrap-servers "localhost:$kafka_port" \
  --schema-registry "http://localhost:$registry_port" --http-port "$http_port" --state-dir "$work/state" \
  --partitions 1 --processing-guarantee at_least_once --config "$work/client.properties" > "$work/streams.log" 2>&1 &
app=$!
quiet=0
while [[ $quiet -lt 3 ]]; do
  sleep 2
  if [[ "$(progress | awk '/^lag/ {print $2}')" == "0" ]]; then quiet=$((quiet + 1)); else quiet=0; fi
done
elapsed=$(echo "$(date +%s.%N) - $started" | bc)

ticks=0
for nid in $(jcmd "$app" Thread.print | grep -- '-StreamThread-' | sed -E 's/.*nid=(0x[0-9a-f]+).*/\1/'); do
  ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$app/task/$((nid))/stat")))
done
printf 'events %d, %.0f s to commit everything (6 s of polling included), stream threads %.1f CPU s, %.2f ms per event\n' \
  "$events" "$elapsed" "$(echo "$ticks / 100" | bc -l)" "$(echo "$ticks * 10 / $events" | bc -l)"
progress --ends | awk -v n="$events" '!/^lag/ {printf "%-50s %9d %7.1f\n", $1, $2, $2 / n; total += $2}
  END {printf "%-50s %9d %7.1f\n", "total", total, total / n}'
