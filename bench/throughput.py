#!/usr/bin/env python3
"""End-to-end throughput of winnow on one core, both modes, beside issue 5's targets.

  text stream   the concatenated .txt dumps of the sets, stdin to stdout (`winnow --input-format text`)
  text pages    each .txt dump as a document (`winnow batch -j 1`): documents/s
  html <set>    each .html page of wcxb-dev and of dragnet as a document (`winnow batch -j 1`)
  html filter   the first 300 dragnet pages, each through its own process (`winnow < page > out`),
                as a shell loop uses it: start-up counts here
  big stream    (--stream-gb N) N GB of text piped to stdin: peak memory must stay flat

Prints MB/s (input bytes per wall-clock second), documents/s and the peak RSS of the process. This
machine is noisy, so each run is repeated --repeat times, interleaved, and the fastest is shown
(peak RSS: the largest). Every run's output is checked to be the same as the first's.

    python3 bench/throughput.py --winnow build/winnow --corpus build/corpus [--repeat 3] [--stream-gb 1]
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

from batch_bench import tree_digest  # bench/ is this script's directory, so on sys.path

SETS = ["cleaneval", "cleanportaleval", "dragnet", "readability", "trafilatura", "wcxb-dev"]
TARGETS = {"text stream": 250.0, "html wcxb-dev": 60.0, "html dragnet": 40.0}  # MB/s
RSS_TARGET_MB = 64.0


def timed(cmd, stdin=None, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (seconds, peak RSS in MB, exit code)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(cmd)}: exit {code}\n{proc.stderr.read().decode(errors='replace')}")
    return seconds, usage.ru_maxrss / 1024.0


def digest_file(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def text_files(corpus, sets):
    for s in sets:
        d = os.path.join(corpus, s)
        for name in sorted(os.listdir(d)):
            if name.endswith(".txt") and not name.endswith(".gold.txt"):
                yield os.path.join(d, name)


def run_stream(winnow, stream, out):
    with open(stream, "rb") as f, open(out, "wb") as o:
        seconds, rss = timed([winnow, "--input-format", "text"], stdin=f, stdout=o)
    return {"seconds": seconds, "rss": rss, "bytes": os.path.getsize(stream), "docs": None, "digest": digest_file(out)}


def run_batch(winnow, inputs, include, exclude, work):
    out = os.path.join(work, "out")
    stats = os.path.join(work, "stats.json")
    cmd = [winnow, "batch", *inputs, "-o", out, "-j", "1", "-q", "--force", "--stats", stats, "--include", include]
    if exclude:
        cmd += ["--exclude", exclude]
    seconds, rss = timed(cmd)
    with open(stats) as f:
        figures = json.load(f)
    digest = tree_digest(out)
    shutil.rmtree(out)
    return {"seconds": seconds, "rss": rss, "bytes": figures["bytes_in"], "docs": figures["documents"],
            "digest": digest}


def run_per_process(winnow, pages, work):
    """One process per page, stdin to a file, as `for f in *.html; do winnow < $f; done` runs."""
    digest = hashlib.sha256()
    out = os.path.join(work, "page.out")
    seconds = 0.0
    rss = 0.0
    for page in pages:
        with open(page, "rb") as f, open(out, "wb") as o:
            s, r = timed([winnow], stdin=f, stdout=o)
        seconds += s
        rss = max(rss, r)
        digest.update(digest_file(out).encode())
    return {"seconds": seconds, "rss": rss, "bytes": sum(os.path.getsize(p) for p in pages), "docs": len(pages),
            "digest": digest.hexdigest()}


def big_stream(winnow, source, gigabytes):
    """Pipes `gigabytes` GB of the corpus text, repeated, into winnow; returns seconds and peak RSS."""
    total = int(gigabytes * 1e9)
    start = time.monotonic()
    # Started before this process holds the text: a child forked from a large parent counts the
    # parent's pages in its own peak RSS until it execs.
    proc = subprocess.Popen([winnow, "--input-format", "text"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    sent = 0
    while sent < total:
        with open(source, "rb") as f:
            while sent < total:
                piece = f.read(min(1 << 20, total - sent))
                if not piece:
                    break
                proc.stdin.write(piece)
                sent += len(piece)
    proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("big stream: winnow failed")
    return time.monotonic() - start, usage.ru_maxrss / 1024.0, sent


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--winnow", default="build/winnow")
    parser.add_argument("--corpus", default="build/corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stream-gb", type=float, default=0, help="also pipe this many GB of text (0: skip)")
    args = parser.parse_args()
    for s in SETS:
        if not os.path.isdir(os.path.join(args.corpus, s)):
            sys.exit(f"{args.corpus}/{s}: no such set (unpack the corpus: ctest --test-dir build -R corpus_unpack)")

    work = tempfile.mkdtemp(prefix="winnow-throughput-")
    try:
        stream = os.path.join(work, "all.txt")
        with open(stream, "wb") as o:
            for path in text_files(args.corpus, SETS):
                with open(path, "rb") as f:
                    o.write(f.read())
        dragnet = os.path.join(args.corpus, "dragnet")
        filter_pages = [os.path.join(dragnet, n) for n in sorted(os.listdir(dragnet)) if n.endswith(".html")][:300]
        cases = {
            "text stream": lambda: run_stream(args.winnow, stream, os.path.join(work, "stream.out")),
            "text pages": lambda: run_batch(args.winnow, [os.path.join(args.corpus, s) for s in SETS], "*.txt",
                                            "*.gold.txt", work),
            "html wcxb-dev": lambda: run_batch(args.winnow, [os.path.join(args.corpus, "wcxb-dev")], "*.html", None,
                                               work),
            "html dragnet": lambda: run_batch(args.winnow, [os.path.join(args.corpus, "dragnet")], "*.html", None,
                                              work),
            "html filter": lambda: run_per_process(args.winnow, filter_pages, work),
        }
        runs = {name: [] for name in cases}
        for _ in range(args.repeat):
            for name, case in cases.items():
                runs[name].append(case())
        failed = False
        print(f"{'case':14} {'MB':>7} {'docs':>6} {'seconds':>8} {'MB/s':>7} {'docs/s':>8} {'peak RSS':>9} "
              f"{'target':>10}  (all runs, s)")
        for name, rs in runs.items():
            best = min(rs, key=lambda r: r["seconds"])
            rss = max(r["rss"] for r in rs)
            mbs = best["bytes"] / 1e6 / best["seconds"]
            docs = f"{best['docs']:>6}" if best["docs"] is not None else f"{'-':>6}"
            docs_s = f"{best['docs'] / best['seconds']:>8.1f}" if best["docs"] is not None else f"{'-':>8}"
            target = f"{TARGETS[name]:>6.0f} MB/s" if name in TARGETS else f"{'':>10}"
            every = " ".join(f"{r['seconds']:.2f}" for r in rs)
            print(f"{name:14} {best['bytes'] / 1e6:>7.1f} {docs} {best['seconds']:>8.2f} {mbs:>7.2f} {docs_s} "
                  f"{rss:>7.1f}MB {target}  ({every})", flush=True)
            if len({r["digest"] for r in rs}) != 1:
                print(f"FAIL: {name}: the output changed between runs")
                failed = True
        if args.stream_gb > 0:
            seconds, rss, sent = big_stream(args.winnow, stream, args.stream_gb)
            print(f"big stream: {sent / 1e9:.2f} GB in {seconds:.1f} s ({sent / 1e6 / seconds:.2f} MB/s), "
                  f"peak RSS {rss:.1f} MB (target: flat, <= {RSS_TARGET_MB:.0f} MB)", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
