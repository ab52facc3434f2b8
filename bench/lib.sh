# Shared helpers for the benchmarks: wrk runs, parsing, medians. Sourced, not run.

ensure_wrk() {
  command -v wrk >/dev/null && return
  echo "[bench] installing wrk (Debian package)" >&2
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  fi
}

# to_ms VALUE: wrk prints 812.00us, 1.23ms or 1.05s
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
    else { printf "%s", v }
  }'
}

# wrk_run LABEL DURATION CONNECTIONS URL [wrk args...] -> prints "rate p50_ms p99_ms non2xx"
wrk_run() {
  local label="$1" duration="$2" connections="$3" url="$4"
  shift 4
  local out
  out="$(wrk -t1 -c"$connections" -d"$duration" --latency "$@" "$url")"
  local rate p50 p99 non2xx
  rate="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p50="$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")"
  echo "$rate $p50 $p99 ${non2xx:-0}"
  echo "[bench] $label: $rate req/s, p50 ${p50} ms, p99 ${p99} ms, non-2xx ${non2xx:-0}" >&2
}

# median of the arguments
median() {
  printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {
    if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

wait_ready() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -fsS "$1" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 1
  done
}

# cpu_ticks PID... -> user+system clock ticks those processes have used so far (gone ones: 0)
cpu_ticks() {
  local total=0 pid stat rest
  for pid in "$@"; do
    stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || continue
    # Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    rest="${stat##*) }"
    total=$((total + $(awk '{print $12 + $13}' <<<"$rest")))
  done
  echo "$total"
}

# machine_ticks -> "busy idle" clock ticks of all CPUs since boot (/proc/stat)
machine_ticks() {
  awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6; exit}' /proc/stat
}
