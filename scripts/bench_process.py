#!/usr/bin/env python3
"""Whole-process benchmark: what a user of the binary waits for, and how much memory it takes.

Measures, for the release binary:
  * start-up: `kazuz-bot ask x` end to end (median of N runs),
  * a batch: every question of the given question files through one `ask --json` process on
    standard input (median of N runs), and the time per question once the start-up is removed,
  * peak memory (max RSS) of the batch process.
When the `bm25s` package is installed (`pip install bm25s`), the same batch is run through a
BM25 reference in a separate Python process (the five documents split into paragraphs, as in
issue 7), timed the same way, and the ratio is printed.

Usage (from the repository root, after `cargo build --release`):
    python3 scripts/bench_process.py [--runs 5] [FILE.jsonl ...]
Default files: ../shared/eval/dev.jsonl and ../shared/eval/dev-chat.jsonl.
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / "target" / "release" / "kazuz-bot"
SEEDS = ROOT.parent / "shared" / "seeds"
DEFAULT_FILES = [ROOT.parent / "shared" / "eval" / "dev.jsonl",
                 ROOT.parent / "shared" / "eval" / "dev-chat.jsonl"]

# The BM25 reference runs in its own process so that its start-up (imports, indexing) counts
# like the binary's does.
BM25_PROGRAM = r"""
import sys, bm25s
from pathlib import Path
paragraphs = []
for doc in sorted(Path(sys.argv[1]).glob("*.txt")):
    paragraphs += [p.strip() for p in doc.read_text(encoding="utf-8").split("\n") if len(p.split()) >= 5]
retriever = bm25s.BM25()
retriever.index(bm25s.tokenize(paragraphs, show_progress=False), show_progress=False)
questions = [line.rstrip("\n") for line in sys.stdin]
results, scores = retriever.retrieve(bm25s.tokenize(questions, show_progress=False), k=1, show_progress=False)
for row in results:
    print(paragraphs[row[0]][:80])
"""


def questions_of(files):
    out = []
    for f in files:
        for line in Path(f).read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["q"].replace("\n", " "))
    return out


def timed(cmd, stdin_text=None):
    """Wall time of one run."""
    start = time.perf_counter()
    subprocess.run(cmd, input=stdin_text, text=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def median_time(cmd, runs, stdin_text=None):
    return statistics.median(timed(cmd, stdin_text) for _ in range(runs))


def peak_rss_kib(cmd, stdin_text=None):
    """Max RSS of one run, measured in a fresh helper process so earlier runs do not count."""
    probe = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], input=sys.stdin.read(), text=True,"
             " stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    done = subprocess.run([sys.executable, "-c", probe, *cmd], input=stdin_text or "",
                          text=True, capture_output=True, check=True)
    return int(done.stdout.strip())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--binary", type=Path, default=BINARY,
                        help="the build to measure (default: target/release/kazuz-bot)")
    parser.add_argument("--no-reference", action="store_true",
                        help="skip the BM25 reference")
    parser.add_argument("files", nargs="*", default=[str(f) for f in DEFAULT_FILES])
    args = parser.parse_args()
    binary = args.binary
    if not binary.exists():
        sys.exit(f"{binary} not found: run `cargo build --release` first")
    questions = questions_of(args.files)
    batch = "\n".join(questions) + "\n"
    n = len(questions)

    start_up = median_time([str(binary), "ask", "x"], args.runs)
    ours = median_time([str(binary), "ask", "--json"], args.runs, batch)
    ours_rss = peak_rss_kib([str(binary), "ask", "--json"], batch)
    per_question_us = max(ours - start_up, 0.0) / n * 1e6
    print(f"questions: {n} from {', '.join(Path(f).name for f in args.files)}; median of {args.runs} runs")
    print(f"kazuz-bot start-up (ask x):      {start_up * 1000:8.1f} ms")
    print(f"kazuz-bot batch (one process):   {ours * 1000:8.1f} ms   "
          f"({per_question_us:.0f} µs per question after start-up)")
    print(f"kazuz-bot peak memory (batch):   {ours_rss / 1024:8.1f} MiB")

    if args.no_reference:
        return
    try:
        import bm25s  # noqa: F401
    except ImportError:
        print("BM25 reference: skipped (`pip install bm25s` to compare)")
        return
    bm25_cmd = [sys.executable, "-c", BM25_PROGRAM, str(SEEDS)]
    bm25 = median_time(bm25_cmd, args.runs, batch)
    bm25_rss = peak_rss_kib(bm25_cmd, batch)
    print(f"BM25 reference batch (bm25s):    {bm25 * 1000:8.1f} ms")
    print(f"BM25 reference peak memory:      {bm25_rss / 1024:8.1f} MiB")
    print(f"ratio (BM25 time / kazuz-bot time): {bm25 / ours:.1f}x")


if __name__ == "__main__":
    main()
