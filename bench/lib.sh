# Shared by the bench scripts: time_runs RUNS LABEL COMMAND... runs COMMAND RUNS times (output discarded),
# prints each wall time, then the minimum and the median.
time_runs() {
  local runs="$1" label="$2"
  shift 2
  local times=() start end t sorted
  for r in $(seq 1 "$runs"); do
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc)
    times+=("$t")
    printf 'run %d: %.2f s\n' "$r" "$t"
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf 'min %.2f s, median %.2f s over %d runs (%s, JVM start included, %s cores)\n' \
    "$(echo "$sorted" | head -1)" "$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")" "$runs" "$label" "$(nproc)"
}

# start_cado_simulator [SIMULATE OPTIONS...]: starts `wisp simulate cado-response` with the token in
# $CADO_ACCESS_TOKEN and the request log $work/requests.log, using the java command in ${java[@]}; waits until it
# listens; sets $sim (its pid) and $base (its URL) and writes $work/assets.yaml pointing a cado asset at it.
start_cado_simulator() {
  "${java[@]}" simulate cado-response --log "$work/requests.log" "$@" 2> "$work/sim.txt" &
  sim=$!
  touch "$work/requests.log"
  for _ in $(seq 100); do grep -q "listening at" "$work/sim.txt" 2>/dev/null && break; sleep 0.1; done
  base=$(sed -n 's/.*listening at \(http[^ ]*\).*/\1/p' "$work/sim.txt")
  cat > "$work/assets.yaml" <<YAML
assets:
  cado:
    app: cado_response
    config:
      base_url: $base
      access_token: \${env:CADO_ACCESS_TOKEN}
      poll_interval: 1
YAML
}

# start_slow_server MILLIS: starts a loopback HTTP server (threaded Python, TCP_NODELAY, keep-alive) that answers
# every GET with a small JSON body after MILLIS ms, in $work; waits until it listens; sets $server (its pid) and
# $base (its URL). Needs python3.
start_slow_server() {
  cat > "$work/server.py" <<'PY'
import socket, sys, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
DELAY = int(sys.argv[1]) / 1000
class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def setup(self):
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    def do_GET(self):
        time.sleep(DELAY)
        body = b'{"status":"Running"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer.request_queue_size = 512
s = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(s.server_address[1], flush=True)
s.serve_forever()
PY
  python3 "$work/server.py" "$1" > "$work/port.txt" 2> /dev/null &
  server=$!
  for _ in $(seq 50); do [ -s "$work/port.txt" ] && break; sleep 0.1; done
  base="http://127.0.0.1:$(cat "$work/port.txt")"
}

# http_assets FILE [MAX_CONNECTIONS]: writes an assets file whose asset `api` is the http app at $base (the slow
# server's URL), with at most MAX_CONNECTIONS connections when given.
http_assets() {
  { echo "assets:"; echo "  api:"; echo "    app: http"; echo "    config:"; echo "      base_url: $base"
    if [ -n "${2:-}" ]; then echo "      max_connections: $2"; fi; } > "$1"
}

# cli_java: sets $cli_java to java with the JVM options the release's launcher gives commands (dist/src/bin/wisp), for
# scripts that start the JVM themselves.
cli_java() {
  cli_java=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:CompileThresholdScaling=0.25
    -Xshare:auto)
  # as the launcher does on Java 17 (later Javas have no such option)
  case $(java -version 2>&1) in *'version "17'[.\"]*) cli_java+=(-XX:-UseNotificationThread) ;; esac
}

# release_launcher DIR: installs the release's launcher (dist/src/bin/wisp) and a copy of the built jar in DIR, laid
# out as an unpacked release, its class archives cached in DIR/cache; sets $wisp to the launcher. What is timed
# through it is what a user's commands cost once the first command of their kind has recorded its class archive
# (docs/release.md): call "$wisp" once for each kind (validate, run) before timing. WISP_BENCH_JAR names another
# build's jar to time instead (a baseline, e.g. of an earlier commit, through the same launcher).
release_launcher() {
  local repo
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  mkdir -p "$1/bin" "$1/lib" "$1/cache"
  cp "$repo/dist/src/bin/wisp" "$1/bin/wisp"
  chmod +x "$1/bin/wisp"
  cp "${WISP_BENCH_JAR:-$repo/cli/target/wisp.jar}" "$1/lib/wisp.jar"
  export XDG_CACHE_HOME="$1/cache"
  wisp="$1/bin/wisp"
}

# wait_for_port PORT [SECONDS]: waits until something listens on 127.0.0.1:PORT (default 120 s; the first start of
# the local Temporal service resolves its classpath first); fails when nothing does.
wait_for_port() {
  local i
  for ((i = 0; i < ${2:-120} * 5; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}

# gets_playbook FILE CONCURRENCY: writes a playbook that fans the http app's `get data` out over its list input
# `paths` (asset `api`), CONCURRENCY at a time.
gets_playbook() {
  cat > "$1" <<YAML
playbook: bench_gets
inputs:
  paths: { type: list }
assets:
  api: { app: http }
blocks:
  gets:
    action: get data
    asset: api
    max_concurrency: $2
    parameters:
      location: playbook_input:paths.*
edges:
  - start -> gets
  - gets -> end
YAML
}
