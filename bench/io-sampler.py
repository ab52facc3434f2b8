#!/usr/bin/env python3
"""Samples, every quarter second, what the machine is doing while a benchmark runs.

Usage: bench/io-sampler.py OUT_FILE [DEVICE]   (runs until killed; DEVICE defaults to the disk
holding /, e.g. vda)

One line per sample: the time of day, then cumulative counters (difference two lines to get a
rate): CPU ticks of the whole machine (busy, iowait) and of the benchmark's processes by kind
(iab-gateway, token-gateway, postgres, Kafka, wrk, everything else), sectors written to the disk,
milliseconds the disk spent writing, and two gauges: requests in flight on the disk and the page
cache's dirty and under-writeback kilobytes. bench/io-bursts.py reads it beside an access log.
It reads /proc only, with no child processes, so it costs little CPU itself.
"""
import os
import sys
import time


def root_disk():
    dev = os.stat("/").st_dev
    major, minor = os.major(dev), os.minor(dev)
    for line in open("/proc/diskstats"):
        f = line.split()
        if int(f[0]) == major and int(f[1]) == minor:
            # A partition's writes are counted on the whole disk too; report the whole disk.
            name = f[2]
            whole = name.rstrip("0123456789")
            if whole.endswith("p") and whole[:-1][-1:].isdigit():
                whole = whole[:-1]
            return whole if os.path.exists(f"/sys/block/{whole}") else name
    return "vda"


def kind(cmdline):
    if "iab-gateway" in cmdline:
        return "iab"
    if "token-gateway" in cmdline:
        return "token"
    if cmdline.startswith("postgres"):
        return "pg"
    if "kafka.Kafka" in cmdline:
        return "kafka"
    if cmdline.startswith("wrk"):
        return "wrk"
    return "other"


KINDS = ("iab", "token", "pg", "kafka", "wrk", "other")


def process_ticks():
    ticks = dict.fromkeys(KINDS, 0)
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read(400).replace(b"\0", b" ").decode("latin-1")
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
        except OSError:
            continue  # gone meanwhile
        fields = stat[stat.rindex(")") + 2 :].split()
        ticks[kind(cmdline)] += int(fields[11]) + int(fields[12])  # utime + stime
    return ticks


def main():
    out = open(sys.argv[1], "w")
    disk = sys.argv[2] if len(sys.argv) > 2 else root_disk()
    while True:
        now = time.time()
        stamp = time.strftime("%H:%M:%S", time.localtime(now)) + f".{int(now % 1 * 100):02d}"
        cpu = [int(v) for v in open("/proc/stat").readline().split()[1:]]
        busy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6]
        stats = next((l.split() for l in open("/proc/diskstats") if l.split()[2] == disk), None)
        written, write_ms, inflight = (stats[9], stats[10], stats[11]) if stats else (0, 0, 0)
        mem = {}
        for line in open("/proc/meminfo"):
            if line.startswith(("Dirty:", "Writeback:")):
                mem[line.split(":")[0]] = line.split()[1]
        ticks = process_ticks()
        out.write(
            f"{stamp} busy={busy} iowait={cpu[4]} "
            + " ".join(f"{k}={ticks[k]}" for k in KINDS)
            + f" sectors_written={written} write_ms={write_ms} inflight={inflight}"
            + f" dirty_kb={mem.get('Dirty', 0)} writeback_kb={mem.get('Writeback', 0)}\n"
        )
        out.flush()
        time.sleep(max(0.0, 0.25 - (time.time() - now)))


if __name__ == "__main__":
    main()
