#!/usr/bin/env python3
"""Cross-checks winnow's regress metrics against the reference scorer ../shared/tools/score.py.

winnow regress runs a corpus set in text mode and saves its outputs; score.py scores those same
outputs; the figures must agree to three decimals: token macro P/R/F1 on cleanportaleval and on a
subset of wcxb-dev, snippet P/R/F1 and accuracy on that subset and on one of trafilatura (German,
Polish, ... text). Run by ctest as metrics_crosscheck, after the corpus_unpack fixture.

  metrics_crosscheck.py --winnow BIN --score score.py --corpus CORPUS_DIR --work WORK_DIR
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

# Pages per snippet subset (of wcxb-dev, of trafilatura): the first ones, in id order, that have
# snippets.
SNIPPET_SUBSET_PAGES = 40
TOLERANCE = 0.0005  # "agree to three decimals"


def run(cmd):
    print("$ " + " ".join(cmd), flush=True)
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    print(done.stdout, flush=True)
    if done.returncode != 0:
        sys.exit(f"FAILED: exit {done.returncode}: {' '.join(cmd)}")
    return done.stdout


def make_snippet_subset(source, dest):
    """A set directory with the first SNIPPET_SUBSET_PAGES pages of `source` that have snippets,
    linked, not copied."""
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    ids = sorted(f[: -len(".with.json")] for f in os.listdir(source) if f.endswith(".with.json"))
    ids = [i for i in ids if os.path.exists(os.path.join(source, i + ".txt"))][:SNIPPET_SUBSET_PAGES]
    for page in ids:
        for suffix in (".txt", ".gold.txt", ".with.json", ".without.json"):
            path = os.path.join(source, page + suffix)
            if os.path.exists(path):
                os.symlink(os.path.abspath(path), os.path.join(dest, page + suffix))
    return len(ids)


def compare(name, winnow_figures, reference, pairs):
    failures = []
    for ours, theirs in pairs:
        a = winnow_figures.get(ours)
        b = reference.get(theirs)
        if a is None or b is None:
            failures.append(f"{name}: {ours}={a} / {theirs}={b}: missing")
            continue
        verdict = "ok" if abs(a - b) <= TOLERANCE else "MISMATCH"
        print(f"  {name:<22} {ours:<17} winnow {a:.4f}  score.py {b:.4f}  {verdict}")
        if verdict != "ok":
            failures.append(f"{name}: {ours} {a:.4f} != {theirs} {b:.4f}")
    return failures


def check_set(args, set_dir, pairs):
    name = os.path.basename(os.path.normpath(set_dir))
    outputs = os.path.join(args.work, "outputs")
    ours_json = os.path.join(args.work, name + ".winnow.json")
    theirs_json = os.path.join(args.work, name + ".score.json")
    shutil.rmtree(os.path.join(outputs, name), ignore_errors=True)
    run([args.winnow, "regress", set_dir, "--mode", "text", "--worst", "0", "--save-outputs", outputs,
         "--json", ours_json])
    run([sys.executable, args.score, set_dir, os.path.join(outputs, name), "--json", theirs_json])
    with open(ours_json, encoding="utf-8") as f:
        ours = json.load(f)[name + "/text"]
    with open(theirs_json, encoding="utf-8") as f:
        theirs = json.load(f)[0]
    if theirs.get("missing", 0):
        return [f"{name}: score.py found {theirs['missing']} pages without output (cases without a .txt input?)"]
    return compare(name, ours, theirs, pairs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--winnow", required=True)
    ap.add_argument("--score", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)

    token_pairs = [("token_p", "tok_macro_P"), ("token_r", "tok_macro_R"), ("token_f1", "tok_macro_F1")]
    snippet_pairs = [("snippet_p", "snip_P"), ("snippet_r", "snip_R"), ("snippet_f1", "snip_F1"),
                     ("snippet_accuracy", "snip_acc")]

    failures = check_set(args, os.path.join(args.corpus, "cleanportaleval"), token_pairs)

    for source, subset_name, pairs in (("wcxb-dev", "wcxb-snippets", token_pairs + snippet_pairs),
                                       ("trafilatura", "trafilatura-snippets", snippet_pairs)):
        subset = os.path.join(args.work, subset_name)
        if make_snippet_subset(os.path.join(args.corpus, source), subset) == 0:
            failures.append(f"{source}: no pages with snippets for the snippet subset")
        else:
            failures += check_set(args, subset, pairs)

    if failures:
        print("\n".join(failures))
        return 1
    print("metrics agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
