#!/usr/bin/env python3
"""Lines up slow submissions with what the disk and the CPUs did in the same second.

Usage: bench/io-bursts.py ACCESS_LOG SAMPLES [--slow-ms 80] [--burst-wait-ms 2000]

ACCESS_LOG is iab-gateway's access log of a benchmark run (BENCH_ACCESS_LOG_DIR=DIR gives
DIR/quarkus.log: time of day, duration in ms, method, path, status); SAMPLES is what
bench/io-sampler.py wrote during the same run (BENCH_IO_SAMPLES=FILE). Prints, for every second
in which submissions completed: how many, how many took longer than --slow-ms, the MB the disk
wrote, the time its writes waited (summed over requests), the peak of dirty page cache (MB) and how busy the two cores were; then how the slow
submissions split between seconds in which the disk's writes waited more than --burst-wait-ms in
all (a writeback burst: hundreds of MB queued at once) and the others. The busy share is
approximate (samples do not fall exactly on second boundaries, so it can read a little over 100).
"""
import argparse
import collections


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
    wait = collections.Counter()

    for (_, a), (stamp, b) in zip(rows, rows[1:]):
        second = stamp[:8]
        written[second] += (b["sectors_written"] - a["sectors_written"]) * 512
        dirty[second] = max(dirty[second], b["dirty_kb"] + b["writeback_kb"])
        busy[second] += b["busy"] - a["busy"]
        wait[second] += b["write_ms"] - a["write_ms"]

    return written, dirty, busy, wait


def main():
    p = argparse.ArgumentParser()
    p.add_argument("access_log")
    p.add_argument("samples")
    p.add_argument("--slow-ms", type=float, default=80)
    p.add_argument("--burst-wait-ms", type=int, default=2000)
    p.add_argument("--hz", type=int, default=100, help="clock ticks per second (getconf CLK_TCK)")
    p.add_argument("--cores", type=int, default=__import__("os").cpu_count())
    a = p.parse_args()
    done, slow = per_second_requests(a.access_log, a.slow_ms)
    written, dirty, busy, wait = per_second_io(a.samples)
    print(f"second    submissions  slower than {a.slow_ms:g} ms  disk written MB  disk write wait ms  dirty peak MB  busy %")
    in_burst = [0, 0, 0]  # seconds, submissions, slow
    outside = [0, 0, 0]
    for second in sorted(done):
        mb = written[second] / 1e6
        share = 100 * busy[second] / (a.hz * a.cores)
        print(f"{second}  {done[second]:11d}  {slow[second]:18d}  {mb:15.0f}  {wait[second]:18d}  {dirty[second] / 1024:13.0f}  {share:6.0f}")
        bucket = in_burst if wait[second] > a.burst_wait_ms else outside
        bucket[0] += 1
        bucket[1] += done[second]
        bucket[2] += slow[second]
    for name, (seconds, n, s) in (
        (f"seconds whose disk writes waited > {a.burst_wait_ms} ms", in_burst),
        ("other seconds", outside),
    ):
        share = 100 * s / n if n else 0
        print(f"{name}: {seconds} seconds, {n} submissions, {s} slower than {a.slow_ms:g} ms ({share:.1f} %)")


if __name__ == "__main__":
    main()
