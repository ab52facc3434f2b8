#!/usr/bin/env bash
# Token-gateway benchmark on loopback: partner-token issuance, and the token verification hot path
# (an authenticated no-op, GET /v1/partner/whoami) beside an unauthenticated no-op (GET /v1/ping)
# of the same process in the same run. Usage: ./ktp bench token [--rounds N] [--duration 10s]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bench/lib.sh"
ROUNDS=3
DURATION=10s
CONNECTIONS=8
PORT=18081
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

ensure_wrk
"$ROOT/ktp" infra up
JAR="$ROOT/token-gateway/target/quarkus-app/quarkus-run.jar"
"$ROOT/ktp" build
WORK="$(mktemp -d)"
cleanup() {
  [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

# A dedicated instance (prod profile, as deployed) whose per-client limit is lifted so that the
# benchmark measures issuance, not the limiter's refusals; the limiter still runs on every call.
echo "[bench] starting token-gateway on :$PORT" >&2
"$ROOT/ktp" env-file token-gateway "$WORK/env"
ADMIN="$(sed -n 's/^KTP_TOKEN_ADMIN_TOKEN=//p' "$WORK/env")"
(
  set -a
  . "$WORK/env"
  set +a
  export QUARKUS_HTTP_PORT="$PORT" KTP_TOKEN_RATE_LIMIT_ATTEMPTS=100000000
  exec java -Xmx512m -jar "$JAR" >"$WORK/token-gateway.log" 2>&1
) &
PID=$!
wait_ready "http://127.0.0.1:$PORT/q/health/ready" 90 || { tail -50 "$WORK/token-gateway.log"; exit 1; }

BASE="http://127.0.0.1:$PORT"
CREDS="$(curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"name":"Benchmark Partner"}' "$BASE/admin/v1/partners")"
CLIENT_ID="$(sed -E 's/.*"clientId":"([^"]+)".*/\1/' <<<"$CREDS")"
PASSKEY="$(sed -E 's/.*"passkey":"([^"]+)".*/\1/' <<<"$CREDS")"
BODY="{\"client_id\":\"$CLIENT_ID\",\"passkey\":\"$PASSKEY\"}"
cat >"$WORK/issue.lua" <<LUA
wrk.method = "POST"
wrk.body = '$BODY'
wrk.headers["Content-Type"] = "application/json"
LUA
TOKEN="$(curl -fsS -H 'Content-Type: application/json' -d "$BODY" "$BASE/v1/partner/token" |
  sed -E 's/.*"access_token":"([^"]+)".*/\1/')"

echo "[bench] warm-up" >&2
wrk_run warmup-ping 5s "$CONNECTIONS" "$BASE/v1/ping" >/dev/null
wrk_run warmup-whoami 5s "$CONNECTIONS" "$BASE/v1/partner/whoami" -H "Authorization: Bearer $TOKEN" >/dev/null
wrk_run warmup-issue 5s "$CONNECTIONS" "$BASE/v1/partner/token" -s "$WORK/issue.lua" >/dev/null

declare -a ping_rate ping_p99 who_rate who_p99 who_p50 iss_rate iss_p50 iss_p99 ratio
for round in $(seq 1 "$ROUNDS"); do
  read -r r p50 p99 bad < <(wrk_run "round $round ping" "$DURATION" "$CONNECTIONS" "$BASE/v1/ping")
  ping_rate+=("$r"); ping_p99+=("$p99")
  read -r r2 p50 p99 bad2 < <(wrk_run "round $round whoami" "$DURATION" "$CONNECTIONS" \
    "$BASE/v1/partner/whoami" -H "Authorization: Bearer $TOKEN")
  who_rate+=("$r2"); who_p50+=("$p50"); who_p99+=("$p99")
  ratio+=("$(awk -v a="$r2" -v b="$r" 'BEGIN {printf "%.3f", a / b}')")
  read -r r3 p50 p99 bad3 < <(wrk_run "round $round issue" "$DURATION" "$CONNECTIONS" \
    "$BASE/v1/partner/token" -s "$WORK/issue.lua")
  iss_rate+=("$r3"); iss_p50+=("$p50"); iss_p99+=("$p99")
  if [ "$bad" != 0 ] || [ "$bad2" != 0 ] || [ "$bad3" != 0 ]; then
    echo "[bench] non-2xx answers in round $round: ping $bad, whoami $bad2, issue $bad3" >&2
    exit 1
  fi
done

cat <<OUT

token-gateway benchmark: $ROUNDS rounds x $DURATION, $CONNECTIONS connections, wrk -t1, loopback,
$(nproc) cores; medians over rounds (one round = ping, whoami, issue back to back).

| endpoint                              | req/s (median) | p50 ms | p99 ms |
|---------------------------------------|---------------:|-------:|-------:|
| GET /v1/ping (no auth)                | $(median "${ping_rate[@]}") | - | $(median "${ping_p99[@]}") |
| GET /v1/partner/whoami (verified JWT) | $(median "${who_rate[@]}") | $(median "${who_p50[@]}") | $(median "${who_p99[@]}") |
| POST /v1/partner/token (issuance)     | $(median "${iss_rate[@]}") | $(median "${iss_p50[@]}") | $(median "${iss_p99[@]}") |

verified / unauthenticated rate, per round: ${ratio[*]} (median $(median "${ratio[@]}"))
targets: issuance >= 500/s with p99 < 50 ms; verified >= 0.70 of unauthenticated
OUT
