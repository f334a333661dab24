#!/usr/bin/env python3
"""Writes a copy of `knowledge/` N times larger, for the growth benchmark (issue 7): cost must
grow with the candidates a question touches, not with the size of the base.

Every entry of `knowledge/qa/*.toml` is kept and repeated N-1 more times under new ids
(`ID-c2`, `ID-c3`, ...), each copy with the words of its question phrasings in a different
order, so that copies share the real entries' vocabulary (the hard case for a ranking that
scores every record a term touches). The validator compares phrasings as sets of words, so each
copy's phrasings also get one made-up word of their own ("zqb" for copy 2), and its button labels
its number. Answers, citations and everything outside `qa/` are copied as they are. The copies'
`related` lists still point at the real entries.

Usage (from the repository root):
    python3 scripts/grow_knowledge.py 10 /tmp/knowledge-x10
    kazuz-bot --knowledge /tmp/knowledge-x10 check
"""

import random
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRY = "[[entry]]"
# A phrasing in a `questions = [` array: one quoted string on its own line.
PHRASING = re.compile(r'^(\s+)"(.*)"(,?)\s*$')
ID = re.compile(r'^id = "([^"]+)"\s*$', re.MULTILINE)
SHORT = re.compile(r'^short = "((?:[^"\\]|\\.)*)"', re.MULTILINE)
# A button label's limit (knowledge/README.md).
MAX_SHORT_CHARS = 32
# Ids are at most 48 bytes: a long id is cut before its copy suffix.
MAX_ID_BYTES = 48


def copy_id(original, copy):
    suffix = f"-c{copy}"
    return original[: MAX_ID_BYTES - len(suffix)].rstrip("-") + suffix


def numbered(label, copy):
    """A button label with the copy's number, within the label limit."""
    suffix = f" #{copy}"
    # Limits count characters as written; an escape is never cut in half.
    return label[: MAX_SHORT_CHARS - len(suffix)].rstrip().rstrip("\\") + suffix


def marker(copy):
    """A made-up word naming one copy: zqb, zqc, ... (no language has them)."""
    return "zq" + "".join(chr(ord("a") + int(d)) for d in str(copy))


def shuffled_phrasings(block, rng, copy):
    """The entry block with the words of each phrasing line in a new order, plus the copy's
    marker word."""
    out = []
    in_questions = False
    for line in block.split("\n"):
        if re.match(r"^\s*questions = \[\s*$", line):
            in_questions = True
        elif in_questions and line.strip() == "]":
            in_questions = False
        match = PHRASING.match(line) if in_questions else None
        if match:
            words = match.group(2).split()
            # Escaped quotes stay where they are: only plain phrasings are shuffled.
            if "\\" not in match.group(2):
                rng.shuffle(words)
            words.append(marker(copy))
            line = f'{match.group(1)}"{" ".join(words)}"{match.group(3)}'
        out.append(line)
    return "\n".join(out)


def grow(text, times, rng):
    """A qa file's text with each entry followed by `times - 1` renamed, shuffled copies."""
    head, *blocks = text.split(ENTRY)
    out = [head]
    for block in blocks:
        out.append(ENTRY + block)
        for copy in range(2, times + 1):
            renamed = ID.sub(lambda m: f'id = "{copy_id(m.group(1), copy)}"', block, count=1)
            renamed = SHORT.sub(lambda m: f'short = "{numbered(m.group(1), copy)}"', renamed)
            out.append(ENTRY + shuffled_phrasings(renamed, rng, copy).rstrip("\n") + "\n\n")
    return "".join(out)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    times, dest = int(sys.argv[1]), Path(sys.argv[2])
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(ROOT / "knowledge", dest)
    rng = random.Random(7)
    for path in sorted((dest / "qa").glob("*.toml")):
        path.write_text(grow(path.read_text(encoding="utf-8"), times, rng), encoding="utf-8")
    sizes = sum(p.stat().st_size for p in dest.rglob("*.toml"))
    print(f"{dest}: knowledge base x{times}, {sizes / 1e6:.1f} MB of TOML")


if __name__ == "__main__":
    main()
