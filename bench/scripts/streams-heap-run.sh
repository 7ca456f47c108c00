#!/usr/bin/env bash
# Heap and RSS of the streams application on its own JVM (-Xmx512m) while it works through a
# large number of papers, against a local cluster.
#
#   bench/scripts/streams-heap-run.sh [JAR] [EVENTS] [WORK_DIR]
#
# Environment: PARTITIONS (default 1), THREADS (stream threads, default 1), GUARANTEE (default
# at_least_once), COMMIT_MS (default 1000), EVERY (seconds between samples, default 120),
# SETTINGS (more lines of the application's --config file, "name=value ...").
# Publishes EVENTS synthetic events (default 1000000) before the application starts. Every EVERY
# seconds it forces a full GC (jcmd GC.run) and prints one line: seconds since start, papers
# tagged (end offset of papers-tagged), records the group has not committed yet over all its
# input topics, heap used after that GC, VmRSS and the size of the state directory. It stops once
# the group has committed everything three samples in a row.
set -euo pipefail

events="${2:-1000000}"
source "$(dirname "${BASH_SOURCE[0]}")/local-run.sh" "$@"

start_cluster
publish_events "$events"
client_properties "commit.interval.ms=${COMMIT_MS:-1000}" "num.stream.threads=${THREADS:-1}"

started=$(date +%s)
start_streams "${GUARANTEE:-at_least_once}"
echo "work directory $work; columns: seconds, papers tagged, records waiting, heap after GC (MB), RSS (MB), state (MB)"
quiet=0
while [[ $quiet -lt 3 ]]; do
  sleep "${EVERY:-120}"
  heap_kb=$(heap_after_gc_kb)
  rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$app/status")
  ends=$(progress --ends)
  waiting=$(awk '/^lag/ {print $2}' <<< "$ends")
  tagged=$(awk '$1 == "papers-tagged" {print $2}' <<< "$ends")
  state_mb=$(du -sm "$work/state" | cut -f1)
  printf '%6d %9d %10d %6d %6d %6d\n' $(($(date +%s) - started)) "$tagged" "$waiting" $((heap_kb / 1024)) \
    $((rss_kb / 1024)) "$state_mb"
  if [[ "$waiting" == "0" ]]; then quiet=$((quiet + 1)); else quiet=0; fi
done
