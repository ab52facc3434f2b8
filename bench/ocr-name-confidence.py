#!/usr/bin/env python3
"""The name confidences of the photos an OCR benchmark run delivered (EXTRACTED), split into names
delivered right and names delivered wrong: what a name-confidence threshold would cost and catch.

With --from LOW it also lists every name read (photos and flat renders, delivered or not) whose
confidence lies in [LOW, below): the names a floor of LOW instead of `below` would let through when
the rest of the card allows, right and wrong. A name the views or the checker disagreed on has had
its confidence halved (under 0.5), so it stays out of any window above 0.5.

Usage: ./ktp bench ocr --n 200 --seed S --engines ktp --keep DIR
       python3 bench/ocr-name-confidence.py DIR [DIR ...] [--engine ktp] [--below 0.95] [--from 0.9]
"""
import json
import os
import sys

args = sys.argv[1:]
engine = args[args.index("--engine") + 1] if "--engine" in args else "ktp"
below = float(args[args.index("--below") + 1]) if "--below" in args else 0.95
low = float(args[args.index("--from") + 1]) if "--from" in args else None
dirs = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or not args[i - 1].startswith("--"))]
right, wrong = [], []
window = []
for d in dirs:
    results = json.load(open(os.path.join(d, f"results-{engine}.json")))
    for card in results["cards"]:
        truth = os.path.join(d, "set", card["name"] + ".json")
        if card["name"].startswith("neg") or not os.path.exists(truth):
            continue
        want = json.load(open(truth))
        want = want.get("fields", want)
        for view in ("photo", "clean"):
            reading = card.get(view)
            if low is not None and reading and low <= reading["confidence"].get("name", 0.0) < below:
                window.append((reading["confidence"]["name"], reading["fields"].get("name") == want["name"],
                               f"{os.path.basename(os.path.normpath(d))}/{card['name']} {view} {reading['outcome']}"))
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
if low is not None:
    window.sort()
    print(f"names read at [{low}, {below}): {sum(ok for _, ok, _ in window)} right, "
          f"{sum(not ok for _, ok, _ in window)} wrong")
    for c, ok, w in window:
        print(f"  {c:.4f} {'right' if ok else 'WRONG'} {w}")
