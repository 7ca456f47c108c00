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

events="${2:-5000}"
source "$(dirname "${BASH_SOURCE[0]}")/local-run.sh" "$@"

start_cluster
publish_events "$events"
echo commit.interval.ms=1000 > "$work/client.properties"

started=$(date +%s.%N)
start_streams at_least_once
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
