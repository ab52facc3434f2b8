#!/usr/bin/env bash
# iab-gateway benchmark on loopback: multipart submissions of a ~300 KB JPEG (each on its own flow
# and user token), beside the unauthenticated health endpoint of the same process in the same run.
# Also reports the flow-start rate (which includes minting the user token at token-gateway) and
# how long the outbox relay needs to publish the backlog to Kafka after each round.
# Usage: ./ktp bench iab [--rounds N] [--duration 10s] [--connections 8] [--warmup 20s]
#                       [--rate 200] [--max-rate 600] [--max-wal-size 1GB]
#                       [--dirty-background-bytes 64MB]
# --max-rate bounds the submissions/s the run can reach (one user token is minted for each
# submission it might make, so a lower bound saves minting time on a slow host);
# --max-wal-size sets PostgreSQL's max_wal_size for the run and restores it afterwards.
# --dirty-background-bytes sets the kernel's vm.dirty_background_bytes for the run (root only) and
# restores it afterwards: how much written data the page cache holds before the kernel starts
# writing it back (docs/benchmarks.md, "Writeback bursts").
# To look into a result: BENCH_JFR_DIR=DIR (a flight recording per service), BENCH_JAVA_OPTS
# (JVM options for both services, e.g. a GC log), BENCH_ACCESS_LOG_DIR=DIR (iab-gateway writes
# DIR/quarkus.log: one line per request with its time of day and its duration in ms),
# BENCH_IO_SAMPLES=FILE (bench/io-sampler.py samples CPU, disk writes and dirty page cache there
# every 0.25 s; bench/io-bursts.py lines them up with the access log).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bench/lib.sh"
ROUNDS=3
DURATION=10s
CONNECTIONS=8
WARMUP=20s
RATE=200
MAX_RATE=600
MAX_WAL_SIZE=
DIRTY_BACKGROUND=
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --max-rate) MAX_RATE="$2"; shift 2 ;;
    --max-wal-size) MAX_WAL_SIZE="$2"; shift 2 ;;
    --dirty-background-bytes) DIRTY_BACKGROUND="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
SECONDS_PER_ROUND="${DURATION%s}"
DIRTY_BACKGROUND_BYTES=
if [ -n "$DIRTY_BACKGROUND" ]; then
  DIRTY_BACKGROUND_BYTES="$(numfmt --from=iec "${DIRTY_BACKGROUND%B}" 2>/dev/null)" ||
    { echo "--dirty-background-bytes: a size such as 64MB or 67108864" >&2; exit 2; }
  [ -w /proc/sys/vm/dirty_background_bytes ] ||
    { echo "--dirty-background-bytes needs root (it writes /proc/sys/vm/dirty_background_bytes)" >&2; exit 2; }
fi
# What the kernel had, to put back at exit: writing one of the two clears the other.
DIRTY_BYTES_BEFORE="$(cat /proc/sys/vm/dirty_background_bytes)"
DIRTY_RATIO_BEFORE="$(cat /proc/sys/vm/dirty_background_ratio)"

ensure_wrk
"$ROOT/ktp" infra up
"$ROOT/ktp" build
WORK="$(mktemp -d)"
PIDS=()
BENCH_DB=iab_gateway_bench
SAMPLER_PID=
cleanup() {
  [ -z "$SAMPLER_PID" ] || kill "$SAMPLER_PID" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  # A run writes gigabytes of encrypted images: its database and the topic's records go with it.
  "$ROOT/ktp" scratch-db drop "$BENCH_DB" || true
  "$ROOT/ktp" trim-topic ktp.submissions.v1 || true
  if [ -n "$MAX_WAL_SIZE" ]; then
    # Back to what it was: an ALTER SYSTEM value set before the run, or whatever else applied.
    if [[ "$WAL_SOURCE" == *postgresql.auto.conf ]]; then
      "$ROOT/ktp" pg-setting set max_wal_size "$WAL_BEFORE" || true
    else
      "$ROOT/ktp" pg-setting reset max_wal_size || true
    fi
  fi
  if [ -n "$DIRTY_BACKGROUND_BYTES" ]; then
    if [ "$DIRTY_BYTES_BEFORE" != 0 ]; then
      echo "$DIRTY_BYTES_BEFORE" >/proc/sys/vm/dirty_background_bytes || true
    else
      echo "$DIRTY_RATIO_BEFORE" >/proc/sys/vm/dirty_background_ratio || true
    fi
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -n "$DIRTY_BACKGROUND_BYTES" ]; then
  echo "$DIRTY_BACKGROUND_BYTES" >/proc/sys/vm/dirty_background_bytes
fi
if [ "$(cat /proc/sys/vm/dirty_background_bytes)" != 0 ]; then
  WRITEBACK="vm.dirty_background_bytes $(cat /proc/sys/vm/dirty_background_bytes)"
else
  WRITEBACK="vm.dirty_background_ratio $(cat /proc/sys/vm/dirty_background_ratio) % of available memory"
fi
echo "[bench] kernel writeback starts at: $WRITEBACK" >&2
if [ -n "${BENCH_IO_SAMPLES:-}" ]; then
  python3 "$ROOT/bench/io-sampler.py" "$BENCH_IO_SAMPLES" &
  SAMPLER_PID=$!  # not in PIDS: component_ticks finds the services there by position
fi

WAL_BEFORE="$("$ROOT/ktp" pg-setting show max_wal_size)"
WAL_SOURCE="$("$ROOT/ktp" pg-setting source max_wal_size)"
if [ -n "$MAX_WAL_SIZE" ]; then
  "$ROOT/ktp" pg-setting set max_wal_size "$MAX_WAL_SIZE"
fi
echo "[bench] PostgreSQL max_wal_size: $("$ROOT/ktp" pg-setting show max_wal_size)" >&2

start() { # service port extra-env...
  local service="$1" port="$2"
  shift 2
  "$ROOT/ktp" env-file "$service" "$WORK/$service.env"
  (
    set -a
    . "$WORK/$service.env"
    set +a
    export QUARKUS_HTTP_PORT="$port" "$@"
    # BENCH_JFR_DIR=/some/dir records a flight recording per service there, to look into a result.
    jfr=()
    [ -n "${BENCH_JFR_DIR:-}" ] && jfr=("-XX:StartFlightRecording=filename=$BENCH_JFR_DIR/$service.jfr,settings=profile")
    # BENCH_JAVA_OPTS adds JVM options to both services (e.g. -Xlog:gc*:file=/tmp/gc-%p.log:time).
    # shellcheck disable=SC2086
    exec java -Xmx"${BENCH_HEAP:-512m}" ${BENCH_JAVA_OPTS:-} "${jfr[@]}" -jar "$ROOT/$service/target/quarkus-app/quarkus-run.jar" >"$WORK/$service.log" 2>&1
  ) &
  PIDS+=($!)
  wait_ready "http://127.0.0.1:$port/q/health/ready" 90 || { tail -40 "$WORK/$service.log"; exit 1; }
  echo "[bench] $service ready on :$port" >&2
}

# Dedicated instances (prod profile) with the per-partner and per-user limits lifted, so the
# benchmark measures acceptance rather than refusals; the limiter still runs on every request.
start token-gateway 18081 KTP_TOKEN_RATE_LIMIT_ATTEMPTS=100000000
"$ROOT/ktp" scratch-db drop "$BENCH_DB"
"$ROOT/ktp" scratch-db create "$BENCH_DB" iab_gateway
ACCESS_LOG=()
if [ -n "${BENCH_ACCESS_LOG_DIR:-}" ]; then
  mkdir -p "$BENCH_ACCESS_LOG_DIR"
  ACCESS_LOG=(QUARKUS_HTTP_RECORD_REQUEST_START_TIME=true QUARKUS_HTTP_ACCESS_LOG_ENABLED=true
    QUARKUS_HTTP_ACCESS_LOG_LOG_TO_FILE=true QUARKUS_HTTP_ACCESS_LOG_LOG_DIRECTORY="$BENCH_ACCESS_LOG_DIR"
    "QUARKUS_HTTP_ACCESS_LOG_PATTERN=%{time,HH:mm:ss.SSS} %D %m %U %s")
fi
start iab-gateway 18082 KTP_IAB_TOKENS_TOKEN_GATEWAY_URL=http://127.0.0.1:18081 \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB" \
  KTP_IAB_LIMITS_PARTNER_REQUESTS_PER_MINUTE=100000000 KTP_IAB_LIMITS_USER_REQUESTS_PER_MINUTE=100000000 \
  ${ACCESS_LOG[@]+"${ACCESS_LOG[@]}"}

ADMIN="$(sed -n 's/^KTP_TOKEN_ADMIN_TOKEN=//p' "$WORK/token-gateway.env")"
CREDS="$(curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"name":"Benchmark Partner"}' http://127.0.0.1:18081/admin/v1/partners)"
BODY="$(sed -E 's/.*"clientId":"([^"]+)".*"passkey":"([^"]+)".*/{"client_id":"\1","passkey":"\2"}/' <<<"$CREDS")"
export PARTNER_TOKEN
PARTNER_TOKEN="$(curl -fsS -H 'Content-Type: application/json' -d "$BODY" http://127.0.0.1:18081/v1/partner/token |
  sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
export TOKENS_FILE="$WORK/user-tokens" IMAGE_FILE="$WORK/card.jpg" FAILURES_FILE="$WORK/failures" RUN_ID
RUN_ID="$(date +%s)"
java "$ROOT/tools/demo/SyntheticPhoto.java" "$IMAGE_FILE" 1280 960 120
IMAGE_BYTES="$(stat -c %s "$IMAGE_FILE")"
echo "[bench] image: $IMAGE_BYTES bytes" >&2

# Enough flows for every submission of the run, each submission consuming one.
NEEDED=$((MAX_RATE * (${WARMUP%s} + 2 * ROUNDS * SECONDS_PER_ROUND)))
: >"$TOKENS_FILE"
declare -a flow_rate
batch=0
while [ "$(wc -l <"$TOKENS_FILE")" -lt "$NEEDED" ]; do
  batch=$((batch + 1))
  RUN_ID="$(date +%s)-$batch"
  read -r r p50 p99 bad < <(wrk_run "flow starts" 10s "$CONNECTIONS" http://127.0.0.1:18082 -s "$ROOT/bench/iab-flows.lua")
  flow_rate+=("$r")
  echo "[bench] user tokens so far: $(wc -l <"$TOKENS_FILE") of $NEEDED" >&2
done

pg_bench() { # SQL -> one value, on the benchmark's database
  PGPASSWORD=iab_gateway psql -h 127.0.0.1 -U iab_gateway -d "$BENCH_DB" -tAc "$1"
}
backlog() { pg_bench "SELECT count(*) FROM outbox WHERE sent_at IS NULL"; }
drain_seconds() {
  local start=$SECONDS
  until [ "$(backlog)" = 0 ]; do
    [ $((SECONDS - start)) -lt 300 ] || { echo "timeout"; return; }
    sleep 0.5
  done
  echo $((SECONDS - start))
}

# Where the CPU goes during a saturation round: ticks of each component, and of the whole machine.
HZ="$(getconf CLK_TCK)"
component_ticks() { # -> "iab token postgres kafka redis busy idle"
  echo "$(cpu_ticks "${PIDS[1]}") $(cpu_ticks "${PIDS[0]}") $(cpu_ticks $(pgrep -x postgres)) \
$(cpu_ticks $(pgrep -f 'kafka\.Kafka')) $(cpu_ticks $(pgrep -x redis-server)) $(machine_ticks)"
}
wal_lsn() { pg_bench "SELECT pg_current_wal_lsn()"; }
checkpoints_requested() { pg_bench "SELECT checkpoints_req FROM pg_stat_bgwriter"; }
# per_submission BEFORE AFTER ACCEPTED -> CPU ms per accepted submission for iab, token, postgres,
# kafka, redis, the rest (wrk, kernel, everything else), then the machine's busy share in %
per_submission() {
  awk -v hz="$HZ" -v n="$3" -v b="$1" -v a="$2" 'BEGIN {
    split(b, x, " "); split(a, y, " ");
    for (i = 1; i <= 7; i++) d[i] = y[i] - x[i];
    ms = 1000 / hz / (n > 0 ? n : 1);
    rest = d[6] - d[1] - d[2] - d[3] - d[4] - d[5];
    printf "%.2f %.2f %.2f %.2f %.2f %.2f %.0f\n", d[1] * ms, d[2] * ms, d[3] * ms, d[4] * ms, d[5] * ms, rest * ms, 100 * d[6] / (d[6] + d[7])
  }'
}

OFFSET=0
submit_round() { # label duration [rate] -> "rate p50 p99 non2xx" ; advances OFFSET
  local label="$1" duration="$2" out
  out="$(RATE="${3:-0}" TOKEN_OFFSET="$OFFSET" wrk_run "$label" "$duration" "$CONNECTIONS" http://127.0.0.1:18082 \
    -s "$ROOT/bench/iab-submit.lua")"
  local rate
  rate="$(cut -d' ' -f1 <<<"$out")"
  OFFSET=$((OFFSET + $(awk -v r="$rate" -v d="${duration%s}" 'BEGIN {printf "%d", r * d + 200}')))
  echo "$out"
}

echo "[bench] warm-up" >&2
wrk_run warmup-health 5s "$CONNECTIONS" http://127.0.0.1:18082/q/health/live >/dev/null
# Long enough for the JIT to settle on the upload path (C2 is still busy after a few seconds).
submit_round warmup-submit "$WARMUP" >/dev/null
drain_seconds >/dev/null

declare -a h_rate h_p99 s_rate s_p50 s_p99 p_rate p_p50 p_p99 drains
declare -a cpu_iab cpu_token cpu_pg cpu_kafka cpu_redis cpu_rest busy wal_kb checkpoints
for round in $(seq 1 "$ROUNDS"); do
  read -r r p50 p99 bad < <(wrk_run "round $round health" "$DURATION" "$CONNECTIONS" http://127.0.0.1:18082/q/health/live)
  h_rate+=("$r"); h_p99+=("$p99")
  cpu_before="$(component_ticks)"; wal_before="$(wal_lsn)"; ckpt_before="$(checkpoints_requested)"
  # Not in a subshell: submit_round advances OFFSET past the tokens it used.
  submit_round "round $round submit" "$DURATION" >"$WORK/round"
  cpu_after="$(component_ticks)"; wal_after="$(wal_lsn)"; ckpt_after="$(checkpoints_requested)"
  read -r r p50 p99 bad <"$WORK/round"
  s_rate+=("$r"); s_p50+=("$p50"); s_p99+=("$p99")
  accepted="$(awk -v r="$r" -v d="$SECONDS_PER_ROUND" 'BEGIN {printf "%d", r * d}')"
  read -r c_iab c_token c_pg c_kafka c_redis c_rest c_busy < <(per_submission "$cpu_before" "$cpu_after" "$accepted")
  cpu_iab+=("$c_iab"); cpu_token+=("$c_token"); cpu_pg+=("$c_pg"); cpu_kafka+=("$c_kafka")
  cpu_redis+=("$c_redis"); cpu_rest+=("$c_rest"); busy+=("$c_busy")
  wal_kb+=("$(pg_bench "SELECT round(pg_wal_lsn_diff('$wal_after', '$wal_before') / 1024 / GREATEST($accepted, 1))")")
  checkpoints+=("$((ckpt_after - ckpt_before))")
  echo "[bench] round $round CPU ms per submission: iab $c_iab, token $c_token, postgres $c_pg, kafka $c_kafka, redis $c_redis, rest $c_rest; machine busy $c_busy %" >&2
  if [ "$bad" != 0 ]; then
    echo "[bench] $bad submissions were not accepted in round $round; first refusals:" >&2
    head -5 "$FAILURES_FILE" >&2
    exit 1
  fi
  d="$(drain_seconds)"
  drains+=("$d")
  echo "[bench] round $round: outbox drained ${d}s after the load stopped" >&2
  # Twice the connections for the paced run: a slow answer must not hold back the offered rate.
  CONNECTIONS=$((CONNECTIONS * 2)) submit_round "round $round paced at $RATE/s" "$DURATION" "$RATE" >"$WORK/round"
  read -r r p50 p99 bad <"$WORK/round"
  p_rate+=("$r"); p_p50+=("$p50"); p_p99+=("$p99")
  [ "$bad" = 0 ] || { echo "[bench] $bad paced submissions were refused" >&2; head -5 "$FAILURES_FILE" >&2; exit 1; }
  drain_seconds >/dev/null
done

cat <<OUT

iab-gateway benchmark: $ROUNDS rounds x $DURATION, $CONNECTIONS connections, wrk -t1, loopback, $(nproc) cores;
image $IMAGE_BYTES bytes JPEG, multipart; medians over rounds.

| endpoint                                        | req/s (median) | p50 ms | p99 ms |
|-------------------------------------------------|---------------:|-------:|-------:|
| GET /q/health/live (no auth, reference)         | $(median "${h_rate[@]}") | - | $(median "${h_p99[@]}") |
| POST /v1/ktp-scan/submissions, saturation      | $(median "${s_rate[@]}") | $(median "${s_p50[@]}") | $(median "${s_p99[@]}") |
| POST /v1/ktp-scan/submissions, paced $RATE/s    | $(median "${p_rate[@]}") | $(median "${p_p50[@]}") | $(median "${p_p99[@]}") |
| POST /v1/flows (201, mints a user token)        | $(median "${flow_rate[@]}") | - | - |

submissions / health rate, per round: $(for i in "${!s_rate[@]}"; do awk -v a="${s_rate[$i]}" -v b="${h_rate[$i]}" 'BEGIN {printf "%.3f ", a / b}'; done)
outbox backlog published to Kafka within (s) after each round: ${drains[*]}

CPU per accepted submission at saturation, ms (median over rounds): iab-gateway $(median "${cpu_iab[@]}"),
PostgreSQL $(median "${cpu_pg[@]}"), Kafka $(median "${cpu_kafka[@]}"), token-gateway $(median "${cpu_token[@]}"), Redis $(median "${cpu_redis[@]}"),
the rest (wrk, kernel, other processes) $(median "${cpu_rest[@]}"); machine busy, per round (%): ${busy[*]}
paced $RATE/s, per round: req/s ${p_rate[*]}; p99 ms ${p_p99[*]}
saturation, per round: req/s ${s_rate[*]}; p99 ms ${s_p99[*]}
kernel writeback starts at: $WRITEBACK
PostgreSQL WAL per accepted submission, KB, per round: ${wal_kb[*]}; checkpoints forced by WAL volume, per round: ${checkpoints[*]} (max_wal_size $("$ROOT/ktp" pg-setting show max_wal_size))
target: >= 200 accepted submissions/s (saturation rate), p99 < 100 ms at 200/s (paced)
OUT
