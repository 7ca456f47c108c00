#!/usr/bin/env bash
# Throughput, stream-thread CPU and records written per paper, with the streams application in
# its own JVM (-Xmx512m, one stream thread, $PARTITIONS partitions, default 1) against a local cluster.
#
#   [GUARANTEE=exactly_once_v2|at_least_once] [COMMIT_MS=N] [SETTINGS="name=value ..."] \
#     bench/scripts/streams-cpu-per-paper.sh [JAR] [EVENTS] [WORK_DIR]
#
# SETTINGS are more lines of the application's --config file (Kafka Streams and paperpulse
# settings, e.g. statestore.cache.max.bytes=16777216).
# Publishes EVENTS synthetic events (default 5000, seed 1) before the application starts, then
# starts it and polls the group's lag every 250 ms (one client). The time is from the start of the
# JVM to the first poll that finds everything committed (JVM start, group join and up to 250 ms of
# polling included). Also printed: when the first input offset was committed, and the sustained
# rate, the papers committed from a quarter to three quarters of the input over the time between.
# Then prints the CPU seconds of the stream threads (from /proc, matched by name through jcmd) and
# of the whole application JVM (GC, RocksDB and client threads too), the CPU seconds of the local
# cluster's JVM over the same time, heap after a forced full GC and RSS, and,
# per topic, the records written (end offsets, which under exactly-once also count one transaction
# marker per partition and commit) and their number per event.
set -euo pipefail

events="${2:-5000}"
guarantee="${GUARANTEE:-exactly_once_v2}"
source "$(dirname "${BASH_SOURCE[0]}")/local-run.sh" "$@"

start_cluster
publish_events "$events"
client_properties ${COMMIT_MS:+"commit.interval.ms=$COMMIT_MS"}

cluster_ticks() { awk '{print $14 + $15}' "/proc/$cluster/stat"; }
cluster_started=$(cluster_ticks)
started=$(date +%s.%N)
start_streams "$guarantee"
await_caught_up 250 papers
elapsed=$(echo "$(date +%s.%N) - $started" | bc)
cluster_used=$(( $(cluster_ticks) - cluster_started ))

cpu_ticks
printf '%s, commit interval %s: %d events in %.1f s, %.0f papers/s; stream threads %.1f CPU s, %.3f ms per event; whole JVM %.1f CPU s, %.3f ms per event; load %s\n' \
  "$guarantee" "${COMMIT_MS:-default}" "$events" "$elapsed" "$(echo "$events / $elapsed" | bc -l)" \
  "$(echo "$stream_ticks / 100" | bc -l)" "$(echo "$stream_ticks * 10 / $events" | bc -l)" \
  "$(echo "$jvm_ticks / 100" | bc -l)" "$(echo "$jvm_ticks * 10 / $events" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
read -r first_ms quarter_ms three_quarters_ms <<< "$input_marks"
if (( three_quarters_ms > quarter_ms )); then
  printf 'first input committed %.1f s after the start; sustained from 25 to 75 %% of the input %.0f papers/s\n' \
    "$(echo "$first_ms / 1000 - $started" | bc -l)" \
    "$(echo "$events / 2 * 1000 / ($three_quarters_ms - $quarter_ms)" | bc -l)"
else
  # a small input can pass both marks between two polls
  printf 'first input committed %.1f s after the start; too few events for a sustained rate\n' \
    "$(echo "$first_ms / 1000 - $started" | bc -l)"
fi
printf 'local cluster (broker and registry) meanwhile %.1f CPU s, %.3f ms per event\n' \
  "$(echo "$cluster_used / 100" | bc -l)" "$(echo "$cluster_used * 10 / $events" | bc -l)"
printf 'heap after a full GC %s MB, RSS %s MB\n' "$(( $(heap_after_gc_kb) / 1024 ))" \
  "$(( $(awk '/VmRSS/ {print $2}' "/proc/$app/status") / 1024 ))"
records_written "$events"
