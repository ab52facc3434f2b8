#!/usr/bin/env python3
"""Lines up slow submissions with what the disk and the CPUs did in the same second.

Usage: bench/io-bursts.py ACCESS_LOG SAMPLES [--slow-ms 80] [--burst-mb 200]

ACCESS_LOG is iab-gateway's access log of a benchmark run (BENCH_ACCESS_LOG_DIR=DIR gives
DIR/quarkus.log: time of day, duration in ms, method, path, status); SAMPLES is what
bench/io-sampler.py wrote during the same run (BENCH_IO_SAMPLES=FILE). Prints, for every second
in which submissions completed: how many, how many took longer than --slow-ms, the MB the disk
wrote, the most it wrote in one quarter-second sample, the peak of dirty page cache (MB) and how
busy the two cores were; then how the slow submissions split between seconds with a writeback
burst (a quarter second in which the disk wrote more than --burst-mb) and the others. The busy share is
approximate (samples do not fall exactly on second boundaries, so it can read a little over 100).
"""
import argparse
import collections
import os


def per_second_requests(path, slow_ms):
    done = collections.Counter()
    slow = collections.Counter()
    for line in open(path):
        f = line.split()
        if len(f) < 4 or f[2] != "POST" or not f[3].startswith("/v1/ktp-scan/submissions"):
            continue
        second = f[0][:8]
        done[second] += 1
        if float(f[1]) > slow_ms:
            slow[second] += 1
    return done, slow


def per_second_io(path):
    rows = []
    for line in open(path):
        f = line.split()
        values = dict(kv.split("=") for kv in f[1:])
        rows.append((f[0], {k: int(v) for k, v in values.items()}))
    written = collections.Counter()
    dirty = collections.Counter()
    busy = collections.Counter()
    peak = collections.Counter()
    for (_, a), (stamp, b) in zip(rows, rows[1:]):
        second = stamp[:8]
        step = (b["sectors_written"] - a["sectors_written"]) * 512
        written[second] += step
        peak[second] = max(peak[second], step)
        dirty[second] = max(dirty[second], b["dirty_kb"] + b["writeback_kb"])
        busy[second] += b["busy"] - a["busy"]
    return written, dirty, busy, peak


def main():
    p = argparse.ArgumentParser()
    p.add_argument("access_log")
    p.add_argument("samples")
    p.add_argument("--slow-ms", type=float, default=80)
    p.add_argument("--burst-mb", type=float, default=200)
    p.add_argument("--hz", type=int, default=100, help="clock ticks per second (getconf CLK_TCK)")
    p.add_argument("--cores", type=int, default=os.cpu_count())
    a = p.parse_args()
    done, slow = per_second_requests(a.access_log, a.slow_ms)
    written, dirty, busy, peak = per_second_io(a.samples)
    print(f"second    submissions  slower than {a.slow_ms:g} ms  disk written MB  most in 0.25 s MB  dirty peak MB  busy %")
    in_burst = [0, 0, 0]  # seconds, submissions, slow
    outside = [0, 0, 0]
    for second in sorted(done):
        mb = written[second] / 1e6
        share = 100 * busy[second] / (a.hz * a.cores)
        print(f"{second}  {done[second]:11d}  {slow[second]:18d}  {mb:15.0f}  {peak[second] / 1e6:17.0f}  {dirty[second] / 1024:13.0f}  {share:6.0f}")
        bucket = in_burst if peak[second] / 1e6 > a.burst_mb else outside
        bucket[0] += 1
        bucket[1] += done[second]
        bucket[2] += slow[second]
    for name, (seconds, n, s) in (
        (f"seconds with a writeback burst (> {a.burst_mb:g} MB in 0.25 s)", in_burst),
        ("other seconds", outside),
    ):
        share = 100 * s / n if n else 0
        print(f"{name}: {seconds} seconds, {n} submissions, {s} slower than {a.slow_ms:g} ms ({share:.1f} %)")


if __name__ == "__main__":
    main()
