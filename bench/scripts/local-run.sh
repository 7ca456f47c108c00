# Shared steps of the scripts beside it; source it with the script's arguments, do not run it.
# Sets $jar (argument 1, default the built CLI jar) and $work (argument 3, default a new
# directory under /tmp, deleted when the script succeeds unless KEEP_WORK=1; a failed run keeps
# it for its logs).
#
#   start_cluster            local cluster on random ports, topics created ($PARTITIONS, default 1)
#   publish_events N         N synthetic events into papers, before the application starts
#   client_properties [K=V]  writes $work/client.properties, the application's --config file: the
#                            given settings, then those in $SETTINGS ("name=value ...")
#   start_streams GUARANTEE  the streams application in its own JVM (-Xmx512m, $JAVA_OPTS,
#                            client properties from $work/client.properties, more options from
#                            $STREAMS_ARGS); sets $app
#   progress [--ends]        the group's lag (and the end offset of every topic)
#   await_caught_up MILLIS [INPUT]
#                            returns once the group's lag is 0 (polled every MILLIS ms); exits with
#                            an error if $app ends first, instead of waiting for ever; with INPUT,
#                            $input_marks holds when (epoch ms) the group's committed offsets on
#                            INPUT passed 1, a quarter and three quarters of its end
#   cpu_ticks                $stream_ticks and $jvm_ticks: CPU ticks (1/100 s) of $app's stream threads
#                            (with their producers' network threads) and of its whole JVM;
#                            with CPU_BY_THREAD=1 it also prints the CPU seconds per thread name
#                            and how long the stream threads waited for a core (schedstat)
#   records_written N        the records written to every topic, in all and per event of N

scripts_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="${1:-$scripts_dir/../../cli/target/paperpulse.jar}"
work_given="${3:-}"
work="${3:-$(mktemp -d "/tmp/paperpulse-$(basename "$0" .sh).XXXXXX")}"
if [[ -e "$work/data" || -e "$work/state" ]]; then
  # a second run would start on the first one's broker data and application state
  echo "$work holds an earlier run's data; give a new or empty WORK_DIR" >&2
  exit 2
fi
# Every JVM of the jar starts with its class-data archive, as the launcher does (deploy/class-data-archive.sh);
# made here, before any measurement, when it is missing or older than the jar. CDS=0 runs without one.
cds_opts=""
if [[ "${CDS:-1}" != 0 ]]; then
  archive="${jar%.jar}.jsa"
  if [[ ! "$archive" -nt "$jar" ]]; then
    echo "writing the class-data archive $archive (about 20 s)" >&2
    "$scripts_dir/../../deploy/class-data-archive.sh" "$jar" "$archive"
  fi
  cds_opts="-XX:SharedArchiveFile=$archive"
fi
kafka_port=$((19800 + RANDOM % 100)); registry_port=$((kafka_port + 100)); http_port=$((kafka_port + 200))

# compiled once: launching the source file compiles it on every call, a CPU second beside the measured JVM
progress() {
  if [[ ! -f "$work/classes/GroupProgress.class" ]]; then
    mkdir -p "$work/classes" && javac -d "$work/classes" -cp "$jar" "$scripts_dir/GroupProgress.java"
  fi
  java -XX:TieredStopAtLevel=1 -cp "$work/classes:$jar" GroupProgress "localhost:$kafka_port" paperpulse "$@"
}

await_caught_up() {
  progress --await-no-lag "$@" > "$work/progress.out" &
  local poller=$!
  wait -n "$poller" "$app" || true
  if kill -0 "$poller" 2>/dev/null; then
    kill "$poller"
    echo "the application (pid $app) exited before it caught up; its log is in $work" >&2
    exit 1
  fi
  wait "$poller"
  input_marks="$(sed -n 's/^input //p' "$work/progress.out")"
}

# the application first, while the broker is still there for its clean close; both are waited for,
# so that a run started right after this script does not share the cores with their shutdown
stop_all() {
  local status=$?
  if [[ -n "${app:-}" ]]; then
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
  fi
  kill "$cluster" 2>/dev/null || true
  wait "$cluster" 2>/dev/null || true
  # broker data and state reach gigabytes on the long runs
  if [[ $status -eq 0 && -z "$work_given" && "${KEEP_WORK:-0}" != 1 ]]; then
    rm -rf "$work"
  elif [[ $status -ne 0 ]]; then
    echo "logs and data of this run: $work" >&2
  fi
}

start_cluster() {
  mkdir -p "$work"
  java $cds_opts -jar "$jar" local-cluster --data-dir "$work/data" --kafka-port "$kafka_port" --registry-port "$registry_port" \
    > "$work/cluster.log" 2>&1 &
  cluster=$!
  trap stop_all EXIT
  for _ in $(seq 60); do
    (echo > "/dev/tcp/localhost/$registry_port") 2>/dev/null && (echo > "/dev/tcp/localhost/$kafka_port") 2>/dev/null && break
    sleep 1
  done
  java $cds_opts -jar "$jar" topics --bootstrap-servers "localhost:$kafka_port" --partitions "${PARTITIONS:-1}" > "$work/topics.log" 2>&1
}

publish_events() {
  java $cds_opts -jar "$jar" generate --bootstrap-servers "localhost:$kafka_port" \
    --schema-registry "http://localhost:$registry_port" --count "$1" --seed "${2:-1}" >> "$work/generate.log" 2>&1
}

client_properties() {
  : > "$work/client.properties"
  # shellcheck disable=SC2086 # SETTINGS holds several name=value words
  for setting in "$@" ${SETTINGS:-}; do echo "$setting" >> "$work/client.properties"; done
}

start_streams() {
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options, e.g. a flight recording
  java -Xmx512m $cds_opts ${JAVA_OPTS:-} -jar "$jar" streams --bootstrap-servers "localhost:$kafka_port" \
    --schema-registry "http://localhost:$registry_port" --http-port "$http_port" --state-dir "$work/state" \
    --partitions "${PARTITIONS:-1}" --processing-guarantee "$1" --config "$work/client.properties" ${STREAMS_ARGS:-} \
    >> "$work/streams.log" 2>&1 &
  app=$!
}

cpu_ticks() {
  local nids nid
  nids=$(jcmd "$app" Thread.print | grep -- '-StreamThread-' | sed -E 's/.*nid=(0x[0-9a-f]+).*/\1/')
  stream_ticks=0
  for nid in $nids; do
    stream_ticks=$((stream_ticks + $(awk '{print $14 + $15}' "/proc/$app/task/$((nid))/stat")))
  done
  jvm_ticks=$(awk '{print $14 + $15}' "/proc/$app/stat")
  if [[ -n "${CPU_BY_THREAD:-}" ]]; then
    for nid in $nids; do
      cat "/proc/$app/task/$((nid))/schedstat"
    done | awk '{on += $1; waited += $2} END {printf "stream threads %.1f s on a core, %.1f s runnable waiting for one\n", on / 1e9, waited / 1e9}'
    # threads grouped by their name as /proc shows it (15 characters, digits dropped)
    for task in /proc/"$app"/task/*; do
      printf '%s\t%s\n' "$(tr -d '0-9' < "$task/comm")" "$(awk '{print $14 + $15}' "$task/stat")"
    done | awk -F'\t' '{t[$1] += $2} END {for (n in t) if (t[n] >= 10) printf "%8.1f CPU s  %s\n", t[n] / 100, n}' | sort -rn
  fi
}

# Heap in use after a forced full GC, in KB: the sum over the heap's generations (G1 prints one
# line, the serial and parallel collectors one per generation), without metaspace.
heap_after_gc_kb() {
  jcmd "$app" GC.run > /dev/null
  jcmd "$app" GC.heap_info | grep -v -i -E 'metaspace|class space' | grep -oE 'used [0-9]+K' \
    | grep -oE '[0-9]+' | awk '{kb += $1} END {print kb + 0}'
}

records_written() {
  progress --ends | awk -v n="$1" '!/^lag/ {printf "%-50s %9d %7.2f\n", $1, $2, $2 / n; total += $2}
    END {printf "%-50s %9d %7.2f\n", "total", total, total / n}'
}
