#!/usr/bin/env python3
"""Per-thread CPU of a process while it runs one piece of work: python3 threads.py PID (stop it with SIGTERM).

Samples /proc/PID/task/*/schedstat twice a second and, when stopped, prints for each thread that ran at least 50 ms:
its CPU time, the time it spent runnable but waiting for a core (the run queue), its involuntary context switches
(how often the kernel took its core away) and its minor page faults (memory it touched for the first time). Threads
started after this script count from zero; a thread that ends between two samples loses its last half second. Used
by run.sh to show whether a scoring job's forward-pass thread had a core to itself.
"""
import os
import signal
import sys
import time

pid = sys.argv[1]
first, last = {}, {}


def sample():
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                ran, waited, _ = map(int, f.read().split())
            with open(f"/proc/{pid}/task/{tid}/status") as f:
                taken = next(int(line.split()[1]) for line in f if line.startswith("nonvoluntary_ctxt_switches"))
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                faults = int(f.read().rsplit(")", 1)[1].split()[7])  # minflt, the stat file's tenth field
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue  # the thread ended meanwhile
        now = (name, ran, waited, taken, faults)
        if tid not in first:
            first[tid] = now if started is None else (name, 0, 0, 0, 0)
        last[tid] = now


def report(*_):
    for tid in sorted(last, key=lambda t: last[t][1] - first[t][1], reverse=True):
        name, ran, waited, taken, faults = (now - then if i else now for i, (now, then)
                                            in enumerate(zip(last[tid], first[tid])))
        if ran >= 50_000_000:
            print(f"   thread {name}: CPU {ran / 1e9:.2f} s, waiting for a core {waited / 1e9:.2f} s, "
                  f"{taken} involuntary switches, {faults} page faults")
    sys.stdout.flush()
    os._exit(0)


started = None
sample()
started = time.monotonic()
signal.signal(signal.SIGTERM, report)
while True:
    time.sleep(0.5)
    sample()
