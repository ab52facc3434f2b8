#!/usr/bin/env bash
# OCR benchmark: the ocr-worker pipeline with its own KTP recogniser and name checker (`ktp`),
# the same pipeline with the stock PP-OCRv4 recogniser (`paddle`; both through DJL + ONNX Runtime,
# same PP-OCR detector) and a Tesseract baseline (Debian tesseract-ocr + tesseract-ocr-ind through
# tess4j); on request `ktp-single`, the KTP recogniser without its name checker, `ktp-v2`,
# the second KTP model leading and the first checking its names, and `ktp-v2check`, the KTP
# recogniser checked by v2 (its checker before the v3 name reader). All on
# the same generated photos, the same card finding, rectification, layout and checks; each engine
# in its own JVM (peak RSS is its own), one reading thread, after a short warm-up. Prints one
# Markdown table.
# Usage: ./ktp bench ocr [--n 200] [--seed 7] [--negatives K] [--engines ktp,paddle,tesseract] [--keep DIR]
# (--negatives K: K negatives instead of a quarter of --n; --n 0 --negatives 140 reads negatives only)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N=200
SEED=7
ENGINES=ktp,paddle,tesseract
KEEP=""
NEGATIVES=()
while [ $# -gt 0 ]; do
  case "$1" in
    --n) N="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --engines) ENGINES="$2"; shift 2 ;;
    --keep) KEEP="$2"; shift 2 ;;
    --negatives) NEGATIVES=(--negative-count "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

PACKAGES=()
if [[ ",$ENGINES," == *",tesseract,"* ]] && ! tesseract --list-langs 2>/dev/null | grep -qx ind; then
  PACKAGES+=(tesseract-ocr tesseract-ocr-ind)
fi
# The generator draws the cards in these fonts; without them a seed gives other cards (and
# SynthCli refuses to draw).
[ -d /usr/share/fonts/truetype/liberation ] || PACKAGES+=(fonts-liberation)
[ -d /usr/share/fonts/truetype/freefont ] || PACKAGES+=(fonts-freefont-ttf)
[ -d /usr/share/fonts/truetype/dejavu ] || PACKAGES+=(fonts-dejavu-core)
if [ "${#PACKAGES[@]}" -gt 0 ]; then
  echo "[bench] installing ${PACKAGES[*]} (Debian packages)" >&2
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${PACKAGES[@]}" >/dev/null
  else
    sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${PACKAGES[@]}" >/dev/null
  fi
fi

CP_FILE="$ROOT/bench/ocr-bench/target/classpath.txt"
JAR="$ROOT/bench/ocr-bench/target/ocr-bench-0.1.0-SNAPSHOT.jar"
if [ ! -f "$CP_FILE" ] || [ -n "$(find "$ROOT/ocr-worker/src/main" "$ROOT/bench/ocr-bench/src" "$ROOT/shared-contracts/src/main" -newer "$JAR" -print -quit 2>/dev/null)" ]; then
  echo "[bench] building ocr-worker and the benchmark (mvn package, tests skipped)" >&2
  (cd "$ROOT" && mvn -B -q package -DskipTests -pl bench/ocr-bench -am) >&2
fi
CP="$JAR:$(cat "$CP_FILE")"

WORK="${KEEP:-$(mktemp -d)}"
mkdir -p "$WORK"
cleanup() { [ -n "$KEEP" ] || rm -rf "$WORK"; }
trap cleanup EXIT

CORES="$(nproc)"
export OPT_OUT_TRACKING=true DJL_OFFLINE=true OMP_THREAD_LIMIT=1
JAVA=(java -Xmx1g -Dai.djl.offline=true -cp "$CP")

echo "[bench] generating $N photos (seed $SEED) with negatives into $WORK/set" >&2
"${JAVA[@]}" id.ktpscan.ocr.synth.SynthCli --n "$N" --seed "$SEED" --out "$WORK/set" --negatives \
  ${NEGATIVES[@]+"${NEGATIVES[@]}"} >&2

RESULTS=()
IFS=, read -ra ENGINE_LIST <<<"$ENGINES"
for engine in "${ENGINE_LIST[@]}"; do
  echo "[bench] reading with $engine" >&2
  # Leptonica prints a line per box it clips; keep them out of the report.
  "${JAVA[@]}" id.ktpscan.bench.ocr.OcrBench --dir "$WORK/set" --engine "$engine" \
    --out "$WORK/results-$engine.json" 2>"$WORK/$engine.stderr" ||
    { tail -n 20 "$WORK/$engine.stderr" >&2; exit 1; }
  RESULTS+=("$WORK/results-$engine.json")
done

echo
echo "OCR benchmark: n=$N seed=$SEED, $CORES cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
"${JAVA[@]}" id.ktpscan.bench.ocr.OcrReport "$WORK/set" "${RESULTS[@]}"
