#!/usr/bin/env python3
"""Trains the KTP line recogniser (CRNN + CTC) on lines cut by `LineSet` and exports it to ONNX.

Reproduce (see ocr-worker/src/train/README.md):

    ./ktp train-rec        # generates the lines with LineSet, then runs this script

or by hand:

    python3 train_rec.py --train DIR --val DIR --steps 5000 --out model-dir

On a GPU (the name checker v3 was trained so; see README.md), with augmentation in worker processes:

    python3 train_rec.py --train DIR --val DIR --device cuda --workers 7 --batch 128 \
        --widths 32,64,128,128,192,192 --hidden 256 --steps 8368 --eval-every 2000 \
        --seed 20261127 --out model-dir

and the ONNX file exported from its weights with the same exporter as the other models:

    python3 train_rec.py --export-only --init model-dir/ktp_rec.pt --out model-dir

Needs PyTorch (Debian: `apt-get install python3-torch`, 1.13) and numpy; no network. The model
reads a grey line of any height (trained at 32 px) and width; the exported graph takes what the
Java recogniser feeds PP-OCR models: BGR, CHW, normalised as (x / 255 - 0.5) / 0.5, and returns
softmax probabilities [batch, steps, classes] with class 0 the CTC blank and the last the space.
"""

import argparse
import glob
import hashlib
import json
import math
import os
import random
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
KEYS_FILE = os.path.join(HERE, "ktp_rec_keys.txt")


def read_keys(path=KEYS_FILE):
    with open(path, encoding="utf-8") as f:
        keys = [line.rstrip("\n") for line in f if line.rstrip("\n")]
    assert len(set(keys)) == len(keys) and " " not in keys
    return keys


def read_lines(directory):
    """Records written by LineSet: int w, int h, short n, label, w*h grey bytes (big-endian)."""
    lines = []
    for path in sorted(glob.glob(os.path.join(directory, "part-*.bin"))):
        data = open(path, "rb").read()
        o = 0
        while o < len(data):
            w, h, n = struct.unpack(">iih", data[o : o + 10])
            o += 10
            text = data[o : o + n].decode("utf-8")
            o += n
            pixels = np.frombuffer(data, np.uint8, w * h, o).reshape(h, w)
            o += w * h
            lines.append((text, pixels))
    return lines


class Crnn(nn.Module):
    """3x3 conv blocks (horizontal stride 4, height averaged away), then 1-D convs along the line.

    No recurrent layer: an LSTM cost twice the whole CNN on this CPU, and printed text needs little
    context beyond a character's neighbours (the 1-D convs see about five characters).
    """

    def __init__(self, classes, widths=(16, 32, 64, 64, 96, 96), hidden=128):
        """Defaults: v1 and v2 (about 0.3 M parameters); v3 is wider (--widths, --hidden)."""
        super().__init__()
        c = widths

        def block(i, o, stride=1):
            return [nn.Conv2d(i, o, 3, stride, 1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True)]

        self.cnn = nn.Sequential(
            *block(1, c[0], stride=2),
            *block(c[0], c[1]),
            nn.MaxPool2d(2, 2),
            *block(c[1], c[2]),
            *block(c[2], c[3]),
            nn.MaxPool2d((2, 1), (2, 1)),
            *block(c[3], c[4]),
            nn.MaxPool2d((2, 1), (2, 1)),
            *block(c[4], c[5]),
        )
        self.seq = nn.Sequential(
            nn.Conv1d(c[5], hidden, 3, 1, 1, bias=False),
            nn.BatchNorm1d(hidden),
            nn.ReLU(inplace=True),
            nn.Conv1d(hidden, hidden, 3, 1, 1, bias=False),
            nn.BatchNorm1d(hidden),
            nn.ReLU(inplace=True),
            nn.Conv1d(hidden, classes, 1),
        )

    def forward(self, x):  # x: N,1,H,W normalised grey
        f = self.cnn(x).mean(dim=2)  # N,C,T
        return self.seq(f).permute(0, 2, 1)  # N,T,K logits


class Exported(nn.Module):
    """What ONNX Runtime runs: BGR in, softmax out, as the Java recogniser expects."""

    def __init__(self, crnn):
        super().__init__()
        self.crnn = crnn
        # Normalisation is affine with weights summing to 1, so grey-of-normalised equals
        # normalised-grey: the same grey as OpenCV's BGR2GRAY used for the training lines.
        self.register_buffer("bgr", torch.tensor([0.114, 0.587, 0.299]).view(1, 3, 1, 1))

    def forward(self, x):
        grey = (x * self.bgr).sum(dim=1, keepdim=True)
        return F.softmax(self.crnn(grey), dim=-1)


def encode(text, index):
    return [index[ch] for ch in text]


def jitter_edges(img, rnd):
    """The detector's box edges vary: trim a column or add up to 8 of background at each end.

    make_batch draws this twice (before and after the level stretch): the shipped model was trained
    that way, so the double draw stays for reproducibility.
    """
    border = float(np.median(np.concatenate([img[:, 0], img[:, -1]])))
    left, right = rnd.randint(-1, 8), rnd.randint(-1, 8)
    if left < 0:
        img = img[:, -left:]
    if right < 0:
        img = img[:, :right]
    return np.pad(img, ((0, 0), (max(0, left), max(0, right))), constant_values=border)


def make_batch(samples, index, rnd, augment):
    """Pads lines (each with its own border median) to the widest; returns images, targets."""
    images = []
    for text, pixels in samples:
        img = pixels.astype(np.float32)
        if augment:
            scale = rnd.uniform(0.8, 1.4)
            w = max(8, int(round(img.shape[1] * scale)))
            t = torch.from_numpy(img)[None, None]
            img = F.interpolate(t, size=(img.shape[0], w), mode="bilinear", align_corners=False)[0, 0].numpy()
            contrast = rnd.uniform(0.6, 1.2)
            img = (img - img.mean()) * contrast + img.mean() + rnd.uniform(-30, 30)
            if rnd.random() < 0.3:
                img = img + np.random.default_rng(rnd.getrandbits(32)).normal(0, rnd.uniform(2, 10), img.shape)
            if rnd.random() < 0.3:
                shift = rnd.choice([-2, -1, 1, 2])
                img = np.roll(img, shift, axis=0)
                if shift > 0:
                    img[:shift] = img[shift]
                else:
                    img[shift:] = img[shift - 1]
            if rnd.random() < 0.5:
                img = jitter_edges(img, rnd)
            if rnd.random() < 0.3:
                # Full-range print (black ink on a white page, a glared card): stretch the levels.
                lo, hi = np.percentile(img, 2), np.percentile(img, 98)
                if hi - lo > 20:
                    ink, paper = rnd.uniform(0, 40), rnd.uniform(215, 255)
                    img = (img - lo) / (hi - lo) * (paper - ink) + ink
            if rnd.random() < 0.5:
                img = jitter_edges(img, rnd)
            img = np.clip(img, 0, 255)
        images.append(img)
    width = max(8, max(i.shape[1] for i in images))
    width = (width + 7) // 8 * 8
    height = images[0].shape[0]
    batch = np.empty((len(images), 1, height, width), np.float32)
    for k, img in enumerate(images):
        border = np.concatenate([img[0], img[-1], img[:, 0], img[:, -1]])
        batch[k, 0] = np.median(border)
        batch[k, 0, :, : img.shape[1]] = img
    batch = (batch / 255.0 - 0.5) / 0.5
    targets = [encode(text, index) for text, _ in samples]
    return torch.from_numpy(batch), targets, [i.shape[1] for i in images], width


class Batches(torch.utils.data.Dataset):
    """Batch k of the plan, augmented from its own random stream (seed, k): the same batches
    whichever worker process makes them, so --workers changes the speed, not the model."""

    def __init__(self, train, plan, index, seed):
        self.train, self.plan, self.index, self.seed = train, plan, index, seed

    def __len__(self):
        return len(self.plan)

    def __getitem__(self, k):
        rnd = random.Random(self.seed * 1_000_003 + k)
        x, targets, _, _ = make_batch([self.train[i] for i in self.plan[k]], self.index, rnd, True)
        flat = torch.tensor([c for t in targets for c in t], dtype=torch.long)
        lengths = torch.tensor([len(t) for t in targets], dtype=torch.long)
        return x, flat, lengths


def greedy(probs, keys_with_blank_space):
    out = []
    for seq in probs.argmax(-1).tolist():
        text, prev = [], 0
        for k in seq:
            if k != prev and k != 0:
                text.append(keys_with_blank_space[k])
            prev = k
        out.append("".join(text))
    return out


def edit_distance(a, b):
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            cur = min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
            prev, row[j] = row[j], cur
    return row[-1]


def evaluate(model, lines, index, labels, batch_size=64, device="cpu"):
    model.eval()
    exact, errors, chars = 0, 0, 0
    order = sorted(range(len(lines)), key=lambda i: lines[i][1].shape[1])
    with torch.no_grad():
        for s in range(0, len(order), batch_size):
            samples = [lines[i] for i in order[s : s + batch_size]]
            x, _, _, _ = make_batch(samples, index, None, False)
            texts = greedy(model(x.to(device)).cpu(), labels)
            for (truth, _), read in zip(samples, texts):
                exact += truth == read
                errors += edit_distance(truth, read)
                chars += len(truth)
    model.train()
    return exact / len(lines), errors / max(1, chars)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train")
    ap.add_argument("--val")
    ap.add_argument("--out", required=True)
    ap.add_argument("--steps", type=int, default=5000)
    ap.add_argument("--batch", type=int, default=48)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=20261126)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--eval-every", type=int, default=1000)
    ap.add_argument("--init", help="start from these weights (a ktp_rec.pt written by an earlier run)")
    ap.add_argument("--widths", default="16,32,64,64,96,96", help="channels of the six conv blocks")
    ap.add_argument("--hidden", type=int, default=128, help="channels of the 1-D convs")
    ap.add_argument("--device", default="cpu", help="cpu or cuda")
    ap.add_argument("--workers", type=int, default=0, help="processes that augment batches")
    ap.add_argument(
        "--seconds",
        type=float,
        default=0,
        help="fit the run into about this many seconds: after 300 steps the schedule's length "
        "becomes min(--steps, what the measured speed allows); provenance records the steps run",
    )
    ap.add_argument("--export-only", action="store_true", help="export --init's weights to --out")
    args = ap.parse_args()
    widths = tuple(int(c) for c in args.widths.split(","))
    assert len(widths) == 6, "--widths takes six channel counts"
    if args.export_only and not args.init or not args.export_only and not (args.train and args.val):
        ap.error("--train and --val are required (--export-only: --init)")

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rnd = random.Random(args.seed)
    np.random.seed(args.seed)

    keys = read_keys()
    labels = [""] + keys + [" "]  # blank, dictionary, trailing space class (PP-OCR convention)
    index = {ch: k for k, ch in enumerate(labels) if k > 0}

    def usable(lines, name):
        kept = [l for l in lines if l[0] and all(ch in index for ch in l[0])]
        dropped = sorted({ch for t, _ in lines for ch in t if ch not in index})
        print(f"{name}: {len(kept)} of {len(lines)} lines usable; characters outside the keys: {dropped}", flush=True)
        return kept

    model = Crnn(len(labels), widths, args.hidden)
    if args.init:
        model.load_state_dict(torch.load(args.init, map_location="cpu"))
    params = sum(p.numel() for p in model.parameters())
    print(f"model: {params} parameters, {len(labels)} classes", flush=True)
    if args.export_only:
        export(model, keys, args.out, {"parameters": params, "classes": len(labels), "args": vars(args)})
        return

    train = usable(read_lines(args.train), "train")
    val = usable(read_lines(args.val), "val")
    device = torch.device(args.device)
    model.to(device)
    optimiser = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)

    # Batches of similar widths: sort by width, cut into runs, shuffle the runs each epoch.
    order = sorted(range(len(train)), key=lambda i: train[i][1].shape[1])
    runs = [order[s : s + args.batch] for s in range(0, len(order), args.batch)]
    plan = []
    while len(plan) < args.steps:
        epoch = runs[:]
        rnd.shuffle(epoch)
        plan.extend(epoch)
    plan = plan[: args.steps]
    batches = torch.utils.data.DataLoader(
        Batches(train, plan, index, args.seed),
        batch_size=None,
        shuffle=False,
        num_workers=args.workers,
        # One thread each: the workers are the parallelism.
        worker_init_fn=lambda _: torch.set_num_threads(1),
        **({"prefetch_factor": 8} if args.workers else {}),
    )
    total = args.steps
    start = time.time()
    smoothed = None
    history = []
    step = 0
    for x, flat, lengths in batches:
        step += 1
        if step > total:
            break
        if args.seconds and step == 300:
            rate = 300 / (time.time() - start)
            total = max(400, min(args.steps, int(args.seconds * rate)))
            print(f"{rate:.1f} steps/s: the run is {total} steps", flush=True)
        x = x.to(device, non_blocking=True)
        lr = args.lr * 0.5 * (1 + math.cos(math.pi * step / total)) if step > 200 else args.lr * step / 200
        for group in optimiser.param_groups:
            group["lr"] = lr
        logits = model(x)  # N,T,K
        log_probs = logits.log_softmax(-1).permute(1, 0, 2)  # T,N,K
        steps_t = torch.full((x.shape[0],), log_probs.shape[0], dtype=torch.long)
        loss = ctc(log_probs, flat.to(device), steps_t.to(device), lengths.to(device))
        optimiser.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimiser.step()
        if step % 100 == 0 or step == total:
            value = loss.item()
            smoothed = value if smoothed is None else 0.9 * smoothed + 0.1 * value
            print(f"step {step} loss {smoothed:.4f} lr {lr:.5f} {time.time() - start:.0f}s", flush=True)
        if step % args.eval_every == 0 or step == total:
            acc, cer = evaluate(model, val, index, labels, device=device)
            history.append({"step": step, "lineAccuracy": acc, "cer": cer})
            print(f"eval step {step}: line accuracy {acc:.4f}, CER {cer:.4f}", flush=True)
    args.steps_run = min(step, total)

    model.to("cpu")
    # The weights themselves, so that a later run can go on from them (--init).
    os.makedirs(args.out, exist_ok=True)
    torch.save(model.state_dict(), os.path.join(args.out, "ktp_rec.pt"))
    export(
        model,
        keys,
        args.out,
        {
            "parameters": params,
            "classes": len(labels),
            "trainLines": len(train),
            "valLines": len(val),
            "args": vars(args),
            "seconds": round(time.time() - start),
            "validation": history,
        },
    )


def export(model, keys, out, facts):
    """Writes ktp_rec.onnx, ktp_rec_keys.txt and provenance.json (facts plus the file's sha256)."""
    os.makedirs(out, exist_ok=True)
    model.eval()
    exported = Exported(model)
    onnx_path = os.path.join(out, "ktp_rec.onnx")
    options = {}
    if "dynamo" in torch.onnx.export.__code__.co_varnames:
        options["dynamo"] = False  # the TorchScript exporter, as for v1 and v2
    digest = None
    try:
        torch.onnx.export(
            exported,
            torch.zeros(1, 3, 32, 160),
            onnx_path,
            input_names=["x"],
            output_names=["probs"],
            dynamic_axes={"x": {0: "n", 2: "h", 3: "w"}, "probs": {0: "n", 1: "t"}},
            opset_version=13,
            **options,
        )
        digest = hashlib.sha256(open(onnx_path, "rb").read()).hexdigest()
        with open(os.path.join(out, "ktp_rec_keys.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(keys) + "\n")
    except Exception as e:  # a PyTorch without the TorchScript exporter: the weights are saved
        print(f"ONNX export failed ({e}); export the weights with --export-only", flush=True)
    provenance = {"model": "ktp_rec.onnx", "sha256": digest, **facts, "torch": torch.__version__}
    with open(os.path.join(out, "provenance.json"), "w") as f:
        json.dump(provenance, f, indent=2)
    print(json.dumps(provenance, indent=2))


if __name__ == "__main__":
    main()
