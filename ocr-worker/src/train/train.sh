#!/usr/bin/env bash
# Reproduces the bundled KTP recogniser (ocr-worker/src/main/resources/ktp-models/):
#   1. LineSet cuts training and validation lines from generated photos exactly as the pipeline
#      cuts them (PP-OCR detector boxes on rectified cards), labelled from the renderer's strings;
#   2. train_rec.py trains the CRNN with CTC on CPU (Debian's python3-torch) and exports ONNX;
#   3. the model, its keys and provenance.json are copied into the resources (with --install).
# Usage: ./ktp train-rec [--cards 3000] [--val-cards 200] [--steps 7000] [--work DIR] [--init PT]
#                        [--install] [--name v1] [--v3-lines | --v3-install MODEL_DIR]
#   --init PT: start from these weights (ocr-worker/src/train/ktp_rec_v2.pt is the checker's)
#   --name N: install as ktp_rec_N.* (v1: the recogniser, made with --steps 7000; v2: its name
#             checker, made with --steps 14000)
#   --v3-lines: cut the name reader v3's lines only (names of 6,400 cards of seed 9003, every line
#             of 70 cards of seed 9005, names of 300 cards of seed 9004 to validate) and pack them
#             into WORK/v3-lines.tar.xz for a GPU machine; see README.md for the training command
#   --v3-install MODEL_DIR: export the weights a GPU run wrote (MODEL_DIR/ktp_rec.pt) to ONNX here
#             and install them as ktp_rec_v3.*
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
CARDS=3000
VAL_CARDS=200
STEPS=7000
WORK=""
INSTALL=0
NAME=v1
INIT=()
V3_LINES=0
V3_MODEL=""
while [ $# -gt 0 ]; do
  case "$1" in
    --cards) CARDS="$2"; shift 2 ;;
    --val-cards) VAL_CARDS="$2"; shift 2 ;;
    --steps) STEPS="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --init) INIT=(--init "$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); shift 2 ;;
    --install) INSTALL=1; shift ;;
    --v3-lines) V3_LINES=1; shift ;;
    --v3-install) V3_MODEL="$(cd "$2" && pwd)"; shift 2 ;;
    --name)
      [[ "$2" =~ ^v[0-9]+$ ]] || { echo "--name takes v1, v2, ..." >&2; exit 2; }
      NAME="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
WORK="${WORK:-$(mktemp -d)}"
# The card generator draws in whichever of these faces are installed, and the model learns only
# those: a model trained without one of them misreads cards printed in it (seen: J read as U).
for fonts in liberation freefont dejavu; do
  [ -d "/usr/share/fonts/truetype/$fonts" ] || {
    echo "[train] /usr/share/fonts/truetype/$fonts is missing: run ./ktp train-rec (installs fonts)" >&2
    exit 1
  }
done
PY=/usr/bin/python3
if ! "$PY" -c 'import torch, numpy' 2>/dev/null; then
  echo "[train] installing python3-torch (Debian package)" >&2
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch python3-numpy >/dev/null
  else
    sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch python3-numpy >/dev/null
  fi
fi

# KTP_TRAIN_APP: a copy of the built app, so that rebuilding the checkout meanwhile is safe.
APP="${KTP_TRAIN_APP:-$ROOT/ocr-worker/target/quarkus-app}"
[ -d "$APP" ] || (cd "$ROOT" && mvn -B -q package -DskipTests -pl ocr-worker -am) >&2
JAVA=(java -Xmx3g -Dai.djl.offline=true -cp "$APP/app/*:$APP/lib/main/*:$APP/lib/boot/*")
export OPT_OUT_TRACKING=true DJL_OFFLINE=true

# Cards are cut by two single-threaded processes, each writing its own part file (part K takes
# the cards i with i % 2 == K): the same files as one two-threaded process. Twice in a 3,000-card
# run, the JVM died of native heap corruption mid-run; a part that fails is written again from
# its start (the cards are a function of seed and index), up to twice.
lines() { # DIR CARDS SEED [--names-only]
  local dir="$1" cards="$2" seed="$3" pids=() k
  shift 3
  [ -f "$dir/.done" ] && return 0
  for k in 0 1; do
    (
      for try in 1 2 3; do
        "${JAVA[@]}" id.ktpscan.ocr.synth.LineSet --n "$cards" --seed "$seed" --out "$dir" \
          --threads 1 --part "$k/2" "$@" && exit 0
        echo "[train] line cutting of part $k/2 failed (try $try)" >&2
      done
      exit 1
    ) &
    pids+=($!)
  done
  for k in "${pids[@]}"; do wait "$k" || return 1; done
  touch "$dir/.done"
}
# v3, the name reader (README.md): exported with the architecture its GPU run recorded.
if [ -n "$V3_MODEL" ]; then
  read -r WIDTHS HIDDEN < <("$PY" -c 'import json, sys; a = json.load(open(sys.argv[1]))["args"]
print(a["widths"], a["hidden"])' "$V3_MODEL/provenance.json")
  "$PY" "$ROOT/ocr-worker/src/train/train_rec.py" --export-only --init "$V3_MODEL/ktp_rec.pt" \
    --widths "$WIDTHS" --hidden "$HIDDEN" --out "$WORK/v3-export"
  # The GPU run's record (lines, steps, validation curve, time) with this export's file and hash.
  "$PY" - "$V3_MODEL/provenance.json" "$WORK/v3-export/provenance.json" <<'PYEOF'
import json, sys
trained, exported = (json.load(open(p)) for p in sys.argv[1:])
trained.update({"sha256": exported["sha256"], "exportTorch": exported["torch"], "trainTorch": trained["torch"]})
del trained["torch"]
json.dump(trained, open(sys.argv[2], "w"), indent=2)
PYEOF
  DEST="$ROOT/ocr-worker/src/main/resources/ktp-models"
  cp "$WORK/v3-export/ktp_rec.onnx" "$DEST/ktp_rec_v3.onnx"
  cp "$WORK/v3-export/ktp_rec_keys.txt" "$DEST/ktp_rec_v3_keys.txt"
  cp "$WORK/v3-export/provenance.json" "$DEST/ktp_rec_v3.provenance.json"
  cp "$V3_MODEL/ktp_rec.pt" "$ROOT/ocr-worker/src/train/ktp_rec_v3.pt"
  echo "[train] installed v3 into $DEST" >&2
  exit 0
fi
if [ "$V3_LINES" = 1 ]; then
  lines "$WORK/v3/val" 300 9004 --names-only
  lines "$WORK/v3/other" 70 9005
  lines "$WORK/v3/train" 6400 9003 --names-only
  for k in 0 1; do cp "$WORK/v3/other/part-$k.bin" "$WORK/v3/train/part-other-$k.bin"; done
  tar -C "$WORK/v3" -cf - train/part-0.bin train/part-1.bin train/part-other-0.bin \
    train/part-other-1.bin val/part-0.bin val/part-1.bin | xz -6 -T2 > "$WORK/v3-lines.tar.xz"
  echo "[train] v3 lines packed into $WORK/v3-lines.tar.xz" >&2
  exit 0
fi

lines "$WORK/val" "$VAL_CARDS" 9002
lines "$WORK/train" "$CARDS" 9001
"$PY" "$ROOT/ocr-worker/src/train/train_rec.py" --train "$WORK/train" --val "$WORK/val" \
  --steps "$STEPS" --out "$WORK/model" ${INIT[@]+"${INIT[@]}"}

if [ "$INSTALL" = 1 ]; then
  DEST="$ROOT/ocr-worker/src/main/resources/ktp-models"
  mkdir -p "$DEST"
  cp "$WORK/model/ktp_rec.onnx" "$DEST/ktp_rec_$NAME.onnx"
  cp "$WORK/model/ktp_rec_keys.txt" "$DEST/ktp_rec_${NAME}_keys.txt"
  cp "$WORK/model/provenance.json" "$DEST/ktp_rec_$NAME.provenance.json"
  cp "$WORK/model/ktp_rec.pt" "$ROOT/ocr-worker/src/train/ktp_rec_$NAME.pt"
  echo "[train] installed into $DEST" >&2
fi
