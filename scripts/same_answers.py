#!/usr/bin/env python3
"""Checks that two builds answer every question file identically (issue 7: refactors and speed
work must not change a single answer).

Runs every question of ../shared/eval/*.jsonl and tests/data/*.jsonl through `ask --json` of
both binaries (one process each, questions on standard input) and compares the JSON lines.

Usage (from the repository root):
    cp target/release/kazuz-bot /tmp/kazuz-bot-before     # before the change
    cargo build --release                                 # after it
    python3 scripts/same_answers.py /tmp/kazuz-bot-before [target/release/kazuz-bot]
Prints the questions whose answer differs (at most 20) and exits 1 if there is any.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT.parent / "shared" / "eval").glob("*.jsonl")) + sorted(
    (ROOT / "tests" / "data").glob("*.jsonl"))


def questions():
    out = []
    for path in FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["q"].replace("\n", " "))
    return out


def answers(binary, qs):
    run = subprocess.run([str(binary), "ask", "--json"], input="\n".join(qs) + "\n",
                         capture_output=True, text=True, check=False)
    lines = run.stdout.splitlines()
    if len(lines) != len(qs):
        sys.exit(f"{binary}: {len(lines)} answers for {len(qs)} questions\n{run.stderr}")
    return lines


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    before = Path(sys.argv[1])
    after = Path(sys.argv[2]) if len(sys.argv) == 3 else ROOT / "target" / "release" / "kazuz-bot"
    qs = questions()
    old, new = answers(before, qs), answers(after, qs)
    differ = [(q, a, b) for q, a, b in zip(qs, old, new) if a != b]
    for q, a, b in differ[:20]:
        pick = lambda s: {k: json.loads(s).get(k) for k in ("answered", "entry", "score")}
        print(f"{q}\n  before {pick(a)}\n  after  {pick(b)}")
    print(f"{len(qs)} questions from {len(FILES)} files: {len(differ)} answers differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
