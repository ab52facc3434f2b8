#!/usr/bin/env python3
"""The name confidences of the photos an OCR benchmark run delivered (EXTRACTED), split into names
delivered right and names delivered wrong: what a name-confidence threshold would cost and catch.

Usage: ./ktp bench ocr --n 200 --seed S --engines ktp --keep DIR
       python3 bench/ocr-name-confidence.py DIR [DIR ...] [--engine ktp] [--below 0.95]
"""
import json
import os
import sys

args = sys.argv[1:]
engine = args[args.index("--engine") + 1] if "--engine" in args else "ktp"
below = float(args[args.index("--below") + 1]) if "--below" in args else 0.95
dirs = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or not args[i - 1].startswith("--"))]
right, wrong = [], []
for d in dirs:
    results = json.load(open(os.path.join(d, f"results-{engine}.json")))
    for card in results["cards"]:
        truth = os.path.join(d, "set", card["name"] + ".json")
        if card["name"].startswith("neg") or not os.path.exists(truth):
            continue
        want = json.load(open(truth))
        want = want.get("fields", want)
        photo = card["photo"]
        if photo["outcome"] != "EXTRACTED":
            continue
        confidence = photo["confidence"].get("name", 0.0)
        where = f"{os.path.basename(os.path.normpath(d))}/{card['name']}"
        (right if photo["fields"].get("name") == want["name"] else wrong).append((confidence, where))
right.sort()
wrong.sort()
print(f"names delivered right: {len(right)}; lowest confidences: "
      + ", ".join(f"{c:.4f} ({w})" for c, w in right[:5]))
print(f"names delivered wrong: {len(wrong)}; confidences: " + ", ".join(f"{c:.4f} ({w})" for c, w in wrong))
print(f"below {below}: {sum(c < below for c, _ in right)} right, {sum(c < below for c, _ in wrong)} wrong")
