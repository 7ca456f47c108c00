#!/usr/bin/env bash
# Writes a class-data-sharing archive of the paperpulse jar: JAR's classes, parsed and verified,
# that a JVM started with -XX:SharedArchiveFile=ARCHIVE maps instead of loading them one by one.
# A restarted streams application is processing about 2 to 4 s sooner (docs/benchmarks.md).
#
# The classes are those a training run loads: the demo on its bundled sample (embedded broker and
# registry, producer, streams application, HTTP API), stopped with SIGTERM once it serves; the JVM
# writes the archive as it exits. Takes about 20 s. The archive only fits the JAR it was made from
# (the JVM checks its size and time) and the same Java runtime; the launcher and the image rebuild it
# with the jar.
#
# Usage: deploy/class-data-archive.sh JAR ARCHIVE
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 JAR ARCHIVE" >&2
  exit 2
fi
jar="$1"
archive="$2"
tmp="$archive.$$.tmp"
log="$(mktemp)"
pid=""
cleanup() {
  [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -f "$tmp" "$log"
}
trap cleanup EXIT

java -XX:ArchiveClassesAtExit="$tmp" -jar "$jar" demo --http-port 0 > "$log" 2>&1 &
pid=$!

# The demo prints "running until Ctrl-C" once it has processed its sample and serves the API.
for ((i = 0; i < 600; i++)); do
  grep -q '^running until Ctrl-C' "$log" && break
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "class-data archive: the training run ended early:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.5
done
if ! grep -q '^running until Ctrl-C' "$log"; then
  echo "class-data archive: the training run did not come up in 300 s" >&2
  exit 1
fi

# A few requests load the HTTP server's request path too.
url="$(sed -n 's|^dashboard: \(http://[^ ]*\)/ .*|\1|p' "$log")"
if [[ -n "$url" ]] && command -v curl > /dev/null; then
  for path in / /api/trending /api/papers /api/alerts "/api/tags/deep%20learning" /metrics /health /ready; do
    curl -s -o /dev/null "$url$path" || true
  done
fi

kill -TERM "$pid"
wait "$pid" || true
pid=""
if [[ ! -s "$tmp" ]]; then
  echo "class-data archive: the JVM wrote no archive; its output:" >&2
  cat "$log" >&2
  exit 1
fi
mv -f "$tmp" "$archive"
