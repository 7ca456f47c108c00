#!/usr/bin/env bash
# The floor Kafka Streams puts under any topology: FrameworkFloor.java (read papers, write
# OUTPUTS records per paper to a topic and STATE records per paper to a logged store, nothing
# else; commits every second, as the application does; the defaults are about the application's
# records per paper) in its own JVM (-Xmx512m, one stream thread) against a local cluster,
# measured like streams-cpu-per-paper.sh. MODE=counting instead tags every paper and counts its
# tags in the application's CountStore, written at each commit.
#
#   [GUARANTEE=exactly_once_v2|at_least_once] [OUTPUTS=19] [STATE=12] [MODE=plain|counting] \
#     bench/scripts/framework-floor.sh [JAR] [EVENTS] [WORK_DIR]
set -euo pipefail

events="${2:-5000}"
guarantee="${GUARANTEE:-exactly_once_v2}"
source "$(dirname "${BASH_SOURCE[0]}")/local-run.sh" "$@"

start_cluster
publish_events "$events"
mkdir -p "$work/floor-classes"
javac -d "$work/floor-classes" -cp "$jar" "$scripts_dir/FrameworkFloor.java"

started=$(date +%s.%N)
java -Xmx512m ${JAVA_OPTS:-} -cp "$work/floor-classes:$jar" FrameworkFloor "localhost:$kafka_port" \
  "http://localhost:$registry_port" "$work/state" "$guarantee" "${OUTPUTS:-19}" "${STATE:-12}" "${MODE:-plain}" \
  >> "$work/floor.log" 2>&1 &
app=$!
await_caught_up 1000
elapsed=$(echo "$(date +%s.%N) - $started" | bc)

cpu_ticks
if [[ "${MODE:-plain}" == counting ]]; then
  work_done="tagging and counting in the CountStore"
else
  work_done="${OUTPUTS:-19} outputs and ${STATE:-12} state writes per paper"
fi
printf 'floor %s, %s: %d events in %.1f s, %.0f papers/s; stream threads %.3f ms per event; whole JVM %.3f ms per event; load %s\n' \
  "$guarantee" "$work_done" "$events" "$elapsed" "$(echo "$events / $elapsed" | bc -l)" \
  "$(echo "$stream_ticks * 10 / $events" | bc -l)" "$(echo "$jvm_ticks * 10 / $events" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
records_written "$events"
