#!/usr/bin/env bash
# callback-dispatcher benchmark on loopback: deliveries per second to a fast local receiver (a
# burst of events on ktp.results.v1), and the lag from the event to the receiver (p50/p99) with
# events arriving at a steady rate; beside the unauthenticated health endpoint of the same process.
# Usage: ./ktp bench callback [--rounds N] [--burst 3000] [--rate 300] [--seconds 10]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bench/lib.sh"
ROUNDS=3
BURST=3000
RATE=300
PACED_SECONDS=10
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --burst) BURST="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --seconds) PACED_SECONDS="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

ensure_wrk
"$ROOT/ktp" infra up
"$ROOT/ktp" build
WORK="$(mktemp -d)"
PIDS=()
BENCH_DB=callback_dispatcher_bench
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  "$ROOT/ktp" scratch-db drop "$BENCH_DB" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

start() { # service port extra-env...
  local service="$1" port="$2"
  shift 2
  "$ROOT/ktp" env-file "$service" "$WORK/$service.env"
  (
    set -a
    . "$WORK/$service.env"
    set +a
    export QUARKUS_HTTP_PORT="$port" "$@"
    exec java -Xmx512m -jar "$ROOT/$service/target/quarkus-app/quarkus-run.jar" >"$WORK/$service.log" 2>&1
  ) &
  PIDS+=($!)
  wait_ready "http://127.0.0.1:$port/q/health/ready" 90 || { tail -40 "$WORK/$service.log"; exit 1; }
  echo "[bench] $service ready on :$port" >&2
}

"$ROOT/ktp" scratch-db drop "$BENCH_DB"
"$ROOT/ktp" scratch-db create "$BENCH_DB" callback_dispatcher
start token-gateway 18081 KTP_TOKEN_RATE_LIMIT_ATTEMPTS=100000000
# A consumer group of its own that starts at the end of the topic: only this run's events count.
start callback-dispatcher 18084 KTP_CALLBACK_TOKENS_TOKEN_GATEWAY_URL=http://127.0.0.1:18081 \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB" \
  MP_MESSAGING_INCOMING_RESULTS_GROUP_ID="callback-bench-$(date +%s)" \
  MP_MESSAGING_INCOMING_RESULTS_AUTO_OFFSET_RESET=latest

SINK_PORT=18099
java "$ROOT/bench/WebhookSink.java" "$SINK_PORT" "$WORK/arrivals" >"$WORK/sink.log" 2>&1 &
PIDS+=($!)
wait_ready "http://127.0.0.1:$SINK_PORT/" 30 || true
until grep -q listening "$WORK/sink.log"; do sleep 0.2; done

ADMIN="$(sed -n 's/^KTP_TOKEN_ADMIN_TOKEN=//p' "$WORK/token-gateway.env")"
CREDS="$(curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"name":"Benchmark Partner"}' http://127.0.0.1:18081/admin/v1/partners)"
PARTNER="$(sed -E 's/.*"partnerId":"([^"]+)".*/\1/' <<<"$CREDS")"
BODY="$(sed -E 's/.*"clientId":"([^"]+)".*"passkey":"([^"]+)".*/{"client_id":"\1","passkey":"\2"}/' <<<"$CREDS")"
TOKEN="$(curl -fsS -H 'Content-Type: application/json' -d "$BODY" http://127.0.0.1:18081/v1/partner/token |
  sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
curl -fsS -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$SINK_PORT/hook\"}" http://127.0.0.1:18084/v1/webhooks >/dev/null

publish() { # count [rate]
  java -cp "$ROOT/.ktp/kafka/libs/*" "$ROOT/bench/ResultPublisher.java" 127.0.0.1:9092 "$PARTNER" "$@" >&2
}
arrived() { wc -l <"$WORK/arrivals"; }
await_arrivals() { # count -> seconds waited
  local want="$1" start=$SECONDS
  until [ "$(arrived)" -ge "$want" ]; do
    [ $((SECONDS - start)) -lt 300 ] || { echo "[bench] only $(arrived) of $want arrived" >&2; exit 1; }
    sleep 0.1
  done
}
percentile() { # file-with-lags p
  sort -n "$1" | awk -v p="$2" '{a[NR] = $1} END {i = int(NR * p / 100); if (i < 1) i = 1; print a[i]}'
}

: >"$WORK/arrivals"
echo "[bench] warm-up" >&2
publish 2000
await_arrivals 2000
wrk_run warmup-health 5s 8 http://127.0.0.1:18084/q/health/live >/dev/null

declare -a h_rate d_rate lag50 lag99
for round in $(seq 1 "$ROUNDS"); do
  read -r r p50 p99 bad < <(wrk_run "round $round health" 10s 8 http://127.0.0.1:18084/q/health/live)
  h_rate+=("$r")
  : >"$WORK/arrivals"
  publish "$BURST"
  await_arrivals "$BURST"
  # From the first event's publication (arrival minus lag) to the last arrival.
  read -r span rate < <(awk -v n="$BURST" 'NR == 1 || $2 - $3 < first {first = $2 - $3}
    $2 > last {last = $2} END {s = (last - first) / 1000; printf "%.2f %.1f\n", s, n / s}' "$WORK/arrivals")
  d_rate+=("$rate")
  echo "[bench] round $round: $BURST deliveries in $span s = $rate/s" >&2
  : >"$WORK/arrivals"
  publish $((RATE * PACED_SECONDS)) "$RATE"
  await_arrivals $((RATE * PACED_SECONDS))
  cut -d' ' -f3 "$WORK/arrivals" >"$WORK/lags"
  lag50+=("$(percentile "$WORK/lags" 50)")
  lag99+=("$(percentile "$WORK/lags" 99)")
  echo "[bench] round $round: lag at $RATE/s p50 ${lag50[-1]} ms, p99 ${lag99[-1]} ms" >&2
done
FAILED="$(curl -fsS -H "Authorization: Bearer $TOKEN" 'http://127.0.0.1:18084/v1/webhooks/deliveries?status=PARKED&limit=500' | { grep -o eventId || true; } | wc -l)"

cat <<OUT

callback-dispatcher benchmark: $ROUNDS rounds; a burst of $BURST events, then $RATE events/s for $PACED_SECONDS s;
one partner, a local receiver answering 204; loopback, $(nproc) cores; medians over rounds.

| measurement                                              | median |
|----------------------------------------------------------|-------:|
| GET /q/health/live, req/s (reference, wrk 8 connections) | $(median "${h_rate[@]}") |
| deliveries/s, burst (first publish to last arrival)       | $(median "${d_rate[@]}") |
| lag event → receiver at $RATE/s, p50 ms                     | $(median "${lag50[@]}") |
| lag event → receiver at $RATE/s, p99 ms                     | $(median "${lag99[@]}") |

per round: deliveries/s ${d_rate[*]}; lag p99 ms ${lag99[*]}; parked deliveries: $FAILED
target: >= 300 deliveries/s, p99 lag < 500 ms with a healthy receiver
OUT
