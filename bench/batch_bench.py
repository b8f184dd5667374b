#!/usr/bin/env python3
"""End-to-end batch throughput: `winnow batch` over corpus sets at -j 1 and -j N, per input kind.

Prints files, documents/s, MB/s (input bytes as read, per wall-clock second), CPU seconds, peak
RSS of the process, and the speed-up of each -j over -j 1. This machine is noisy (the same run
varies by 20%), so the runs of each -j are interleaved, --repeat times, and the fastest of each is
reported: the least disturbed run is the best estimate of what the code costs. Checks that every -j wrote the same outputs (a
benchmark whose output drifts fails) and that peak memory does not grow with the number of files
(one set against all of them).

    python3 bench/batch_bench.py --winnow build/winnow --corpus build/corpus [--jobs 1 2] [--kinds html text] [--repeat 3]
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

SETS = ["cleaneval", "cleanportaleval", "dragnet", "readability", "trafilatura", "wcxb-dev"]
# The corpus keeps a page's HTML, its text dump and its gold side by side; each run takes one kind.
FILTERS = {
    "html": ["--include", "*.html"],
    "text": ["--include", "*.txt", "--exclude", "*.gold.txt"],
}


def run(winnow, inputs, out, jobs, kind):
    stats = os.path.join(out, "..", os.path.basename(out) + ".stats.json")
    cmd = [winnow, "batch", *inputs, "-o", out, "-j", str(jobs), "-q", "--force", "--stats", stats, *FILTERS[kind]]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - start
    err = proc.stderr.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(cmd)}: exit {code}\n{err}")
    with open(stats) as f:
        figures = json.load(f)
    os.remove(stats)
    return {
        "seconds": seconds,
        "files": figures["files_cleaned"],
        "documents": figures["documents"],
        "bytes_in": figures["bytes_in"],
        "peak_rss_mb": usage.ru_maxrss / 1024.0,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
    }


def warm_cache(inputs, kind):
    """Reads every input once, so the first timed run does not pay for the disk alone."""
    suffix = ".html" if kind == "html" else ".txt"
    for path in inputs:
        for base, _, files in os.walk(path):
            for name in files:
                if name.endswith(suffix):
                    with open(os.path.join(base, name), "rb") as f:
                        while f.read(1 << 20):
                            pass


def largest_set(inputs, kind):
    """The set holding the largest file of a kind: the peak memory of any run over it is set by that file."""
    suffix = ".html" if kind == "html" else ".txt"
    best = (0, inputs[0])
    for path in inputs:
        for base, _, files in os.walk(path):
            for name in files:
                if name.endswith(suffix) and not name.endswith(".gold.txt"):
                    best = max(best, (os.path.getsize(os.path.join(base, name)), path))
    return best[1]


def tree_digest(root):
    digest = hashlib.sha256()
    for base, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(base, name)
            digest.update(os.path.relpath(path, root).encode())
            with open(path, "rb") as f:
                digest.update(f.read())
    return digest.hexdigest()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--winnow", default="build/winnow")
    parser.add_argument("--corpus", default="build/corpus")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--kinds", nargs="+", default=["html", "text"], choices=sorted(FILTERS))
    parser.add_argument("--sets", nargs="+", default=SETS)
    parser.add_argument("--repeat", type=int, default=3, help="interleaved runs of each -j; the fastest is shown")
    args = parser.parse_args()
    inputs = [os.path.join(args.corpus, s) for s in args.sets]
    for path in inputs:
        if not os.path.isdir(path):
            sys.exit(f"{path}: no such set (unpack the corpus: ctest --test-dir build -R corpus_unpack)")

    work = tempfile.mkdtemp(prefix="winnow-batch-bench-")
    failed = False
    try:
        print(f"{'kind':5} {'-j':>3} {'files':>6} {'docs/s':>8} {'MB/s':>7} {'CPU s':>7} {'peak RSS':>9} "
              f"{'seconds':>8} {'(all runs)':>22} {'speed-up':>8}")
        for kind in args.kinds:
            warm_cache(inputs, kind)
            runs = {jobs: [] for jobs in args.jobs}
            digests = set()
            for _ in range(args.repeat):
                for jobs in args.jobs:
                    out = os.path.join(work, f"{kind}-j{jobs}")
                    runs[jobs].append(run(args.winnow, inputs, out, jobs, kind))
                    digests.add(tree_digest(out))
                    shutil.rmtree(out)
            base = min(r["seconds"] for r in runs[args.jobs[0]])
            for jobs in args.jobs:
                r = min(runs[jobs], key=lambda x: x["seconds"])
                peak = max(x["peak_rss_mb"] for x in runs[jobs])
                every = " ".join(f"{x['seconds']:.1f}" for x in runs[jobs])
                print(f"{kind:5} {jobs:>3} {r['files']:>6} {r['documents'] / r['seconds']:>8.1f} "
                      f"{r['bytes_in'] / 1e6 / r['seconds']:>7.2f} {r['cpu_seconds']:>7.1f} {peak:>7.1f}MB "
                      f"{r['seconds']:>8.1f} {every:>22} {base / r['seconds']:>7.2f}x", flush=True)
            if len(digests) != 1:
                print(f"FAIL: {kind} outputs differ between -j {args.jobs}")
                failed = True
            # Memory must not grow with the number of files: the set with the largest file alone
            # (which sets the peak of any run over it) against all of them.
            if len(inputs) > 1:
                one_set = largest_set(inputs, kind)
                one = run(args.winnow, [one_set], os.path.join(work, f"{kind}-one"), 1, kind)
                print(f"{kind:5} peak RSS at -j 1 over the {one['files']} files of {os.path.basename(one_set)} alone "
                      f"(the set with the largest file): {one['peak_rss_mb']:.1f} MB", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
