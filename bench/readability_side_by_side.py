#!/usr/bin/env python3
"""winnow beside Mozilla Readability (on jsdom), on the same HTML pages, in one run.

Installs Readability and jsdom from npm into bench/readability/node_modules on first use (the
versions are pinned in bench/readability/package-lock.json). Then, --repeat times and interleaved,
so both tools meet the same machine noise:
  - Readability: one Node process parses every page with jsdom and extracts it; the time is that of
    the loop alone, measured inside Node (module loading and reading the files excluded);
  - winnow: `winnow batch -j 1` over the same pages (one process, reading included), the time as
    seen from outside, so winnow is not favoured.
Both run on one core. Prints pages, MB, seconds, MB/s, pages/s and peak RSS of each (fastest run;
RSS the largest), and winnow's throughput over Readability's.

    python3 bench/readability_side_by_side.py --winnow build/winnow --corpus build/corpus \\
        [--sets wcxb-dev dragnet] [--max-pages 300] [--repeat 3]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
NODE_DIR = os.path.join(HERE, "readability")


def install():
    if os.path.isdir(os.path.join(NODE_DIR, "node_modules", "@mozilla", "readability")):
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm not found: install Node.js and npm (Debian: apt-get install nodejs npm)")
    print("installing Mozilla Readability and jsdom from npm ...", flush=True)
    if subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=NODE_DIR).returncode != 0:
        sys.exit(f"npm ci failed in {NODE_DIR}")


def pages_of(corpus, sets, max_pages):
    pages = []
    for s in sets:
        d = os.path.join(corpus, s)
        if not os.path.isdir(d):
            sys.exit(f"{d}: no such set (unpack the corpus: ctest --test-dir build -R corpus_unpack)")
        names = sorted(n for n in os.listdir(d) if n.endswith(".html"))[:max_pages]
        pages += [os.path.join(d, n) for n in names]
    return pages


def run_readability(listing):
    start = time.monotonic()
    proc = subprocess.Popen(["node", os.path.join(NODE_DIR, "run_readability.mjs"), listing],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"Readability failed:\n{err.decode(errors='replace')}")
    figures = json.loads(out.decode().strip().splitlines()[-1])
    figures["rss"] = usage.ru_maxrss / 1024.0
    figures["wall"] = time.monotonic() - start
    return figures


def run_winnow(winnow, tree, out, pages):
    stats = out + ".stats.json"
    start = time.monotonic()
    proc = subprocess.Popen([winnow, "batch", tree, "-o", out, "-j", "1", "-q", "--force", "--follow-symlinks",
                             "--stats", stats], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"winnow failed:\n{err.decode(errors='replace')}")
    with open(stats) as f:
        cleaned = json.load(f)["documents"]
    if cleaned != pages:
        sys.exit(f"winnow cleaned {cleaned} documents of {pages}")
    shutil.rmtree(out)
    os.remove(stats)
    return {"seconds": seconds, "rss": usage.ru_maxrss / 1024.0}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--winnow", default="build/winnow")
    parser.add_argument("--corpus", default="build/corpus")
    parser.add_argument("--sets", nargs="+", default=["wcxb-dev", "dragnet"])
    parser.add_argument("--max-pages", type=int, default=300, help="per set")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    install()
    pages = pages_of(args.corpus, args.sets, args.max_pages)
    total = sum(os.path.getsize(p) for p in pages)
    work = tempfile.mkdtemp(prefix="winnow-readability-")
    try:
        # The same files for both: a listing for Node, a tree of links for winnow.
        listing = os.path.join(work, "pages.txt")
        tree = os.path.join(work, "pages")
        os.mkdir(tree)
        with open(listing, "w") as f:
            for i, page in enumerate(pages):
                f.write(page + "\n")
                os.symlink(os.path.abspath(page), os.path.join(tree, f"{i:05d}-{os.path.basename(page)}"))
        readability, winnow = [], []
        for _ in range(args.repeat):
            readability.append(run_readability(listing))
            winnow.append(run_winnow(args.winnow, tree, os.path.join(work, "out"), len(pages)))
        r = min(readability, key=lambda x: x["seconds"])
        w = min(winnow, key=lambda x: x["seconds"])
        mb = total / 1e6
        print(f"{len(pages)} pages of {', '.join(args.sets)}: {mb:.1f} MB of HTML, one core each, fastest of "
              f"{args.repeat} interleaved runs")
        print(f"{'tool':12} {'seconds':>8} {'MB/s':>8} {'pages/s':>8} {'peak RSS':>9}")
        print(f"{'Readability':12} {r['seconds']:>8.2f} {mb / r['seconds']:>8.2f} {len(pages) / r['seconds']:>8.1f} "
              f"{max(x['rss'] for x in readability):>7.1f}MB  (no article: {r['empty']}, threw: {r['failed']})")
        print(f"{'winnow':12} {w['seconds']:>8.2f} {mb / w['seconds']:>8.2f} {len(pages) / w['seconds']:>8.1f} "
              f"{max(x['rss'] for x in winnow):>7.1f}MB")
        every_r = " ".join(f"{x['seconds']:.1f}" for x in readability)
        every_w = " ".join(f"{x['seconds']:.1f}" for x in winnow)
        print(f"winnow / Readability throughput: {r['seconds'] / w['seconds']:.1f}x "
              f"(all runs, s: Readability {every_r}; winnow {every_w})")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
