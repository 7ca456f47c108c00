#!/usr/bin/env bash
# Time from restarting a streams process killed with SIGKILL to processing again, with the state
# of EVENTS papers, the application in its own JVM (exactly-once, one stream thread, static member
# through --instance-id) against a local cluster.
#
#   [SETTINGS="name=value ..."] bench/scripts/streams-restart.sh [JAR] [EVENTS] [WORK_DIR]
#
# SETTINGS are more lines of the application's --config file ("name=value ...").
# Publishes EVENTS synthetic events (default 100000), runs the application until the group has
# committed everything, waits until the machine is quiet (load1 below QUIET_LOAD, default 1.0, at
# most 5 minutes), kills it with SIGKILL, publishes 100 more events, starts it again and prints the
# seconds until the application is RUNNING again (JVM start, restore of the stores from
# their changelogs and the rebuilds of the derived indexes included) and until the group has
# committed the new events through every stage (polled every 200 ms by one client), and what the
# restarted process logged about its rebuilds.
set -euo pipefail

events="${2:-100000}"
STREAMS_ARGS="--instance-id restart-bench-1"
source "$(dirname "${BASH_SOURCE[0]}")/local-run.sh" "$@"

start_cluster
publish_events "$events"
client_properties
start_streams exactly_once_v2
await_caught_up 5000
for _ in $(seq 300); do
  awk -v limit="${QUIET_LOAD:-1.0}" '{exit !($1 < limit)}' /proc/loadavg && break
  sleep 1
done
echo "processed $events events; SIGKILL at load $(cut -d' ' -f1-3 /proc/loadavg)"
kill -9 "$app"
wait "$app" 2>/dev/null || true
publish_events 100 2
echo "--- restart" >> "$work/streams.log"
started=$(date +%s.%N)
start_streams exactly_once_v2
await_caught_up 200
printf 'restart to the 100 new events committed: %.1f s (load %s)\n' \
  "$(echo "$(date +%s.%N) - $started" | bc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
# the log's times are the local wall clock of today, as is $started
running=$(sed -n '/--- restart/,$p' "$work/streams.log" | grep -m1 -- '-> RUNNING' | cut -d' ' -f1)
if [[ -n "$running" ]]; then
  printf 'restart to RUNNING (processing again): %.1f s\n' \
    "$(echo "$(date -d "$running" +%s.%N) - $started" | bc)"
fi
sed -n '/--- restart/,$p' "$work/streams.log" | grep -E 'loaded|restored|rebuilt|-> RUNNING' | head -20
