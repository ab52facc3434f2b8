#!/usr/bin/env python3
"""Reads iab-gateway's flight recording from `BENCH_JFR_DIR=DIR ./ktp bench iab ...` and prints
where the upload path spends its Java samples, the slow reads from PostgreSQL with the statement
they waited on, and the AES counter-mode samples over time (the JIT warm-up of AES-GCM).

Usage: python3 bench/jfr-upload-profile.py DIR/iab-gateway.jfr [--from HH:MM:SS]
(--from skips samples before that time, e.g. the flow-minting phase and the warm-up.)
"""
import collections
import re
import subprocess
import sys

path = sys.argv[1]
since = sys.argv[sys.argv.index("--from") + 1] if "--from" in sys.argv else "00:00:00"


def events(kind, depth):
    out = subprocess.run(["jfr", "print", "--events", kind, "--stack-depth", str(depth), path],
                         capture_output=True, text=True, check=True).stdout
    for event in out.split(kind)[1:]:
        time = re.search(r"startTime = (\d+:\d+:\d+)", event)
        if time and time.group(1) >= since:
            yield time.group(1), event, re.findall(r"^\s+([\w.$<>]+)\(", event, re.M)


# Components of the upload's own code, first match in the stack wins.
MARKERS = [("outbox insert (with any flush before it)", "OutboxRepository.append"),
           ("flow lock", "lockForSubmission"), ("flow lock", "SubmissionWriter.lockFlow"),
           ("latest submission", "findLatest"), ("latest submission", "latestStatus"),
           ("submission insert", "persist"), ("submission insert", "SubmissionWriter.insert"),
           ("commit", "commit"), ("AES-GCM", "PayloadCipher"), ("multipart", "MultipartBody"),
           ("image check", "ImageInspector"), ("event framing", "SubmissionCreatedCodec"),
           ("logging", "jboss.logmanager")]
parts = collections.Counter()
orm = 0
counter_mode = collections.Counter()
for time, event, frames in events("jdk.ExecutionSample", 80):
    if any("CounterMode" in f for f in frames):
        counter_mode[time[:6] + "%02d" % (int(time[6:]) // 20 * 20)] += 1
    if not any("SubmissionService" in f or "SubmissionResource" in f for f in frames):
        continue
    parts[next((name for name, m in MARKERS if any(m in f for f in frames)), "other")] += 1
    orm += any("org.hibernate" in f for f in frames)
total = sum(parts.values())
print(f"upload path: {total} Java samples; with Hibernate in the stack: {orm} ({100 * orm / max(total, 1):.0f} %)")
for name, n in parts.most_common():
    print(f"  {name:42s} {n:5d} {100 * n / total:5.1f} %")

slow = collections.Counter()
durations = []
for time, event, frames in events("jdk.SocketRead", 40):
    if "port = 5432" not in event:
        continue
    d = re.search(r"duration = ([\d.]+) (\w+)", event)
    ms = float(d.group(1)) * {"s": 1000, "ms": 1, "us": 0.001}.get(d.group(2), 0)
    durations.append(ms)
    if ms >= 500:
        where = next((f.rsplit(".", 1)[1] for f in frames if f.endswith(("commit", "getSingleResult", "getResultList", "executeUpdate", "executeQuery"))), "?")
        slow[(time, where)] += 1
durations.sort()
if durations:
    print(f"PostgreSQL reads over 20 ms (JFR's threshold): {len(durations)}, p50 {durations[len(durations) // 2]:.0f} ms, max {durations[-1]:.0f} ms")
for (time, where), n in sorted(slow.items()):
    print(f"  {n:3d} reads of >= 500 ms at {time}, waiting in {where}")
print("AES counter-mode samples per 20 s:", " ".join(f"{t} {n}" for t, n in sorted(counter_mode.items())))
