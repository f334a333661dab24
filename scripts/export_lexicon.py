#!/usr/bin/env python3
"""Export general-language word frequencies for English and Russian from wordfreq.

usage: pip install wordfreq==3.1.1 && python3 scripts/export_lexicon.py

Writes lexicon/en.tsv and lexicon/ru.tsv: one `word<TAB>zipf*10` a line, sorted by word, for
every word at or above the language's Zipf floor. Words are normalised the way the engine
tokenises (NFKC, lower case, apostrophes dropped, ё read as е); forms that meet are merged by
adding their frequencies. Only words made of letters are kept. The files are embedded into the
binary at build time (engine/build.rs); nothing is downloaded at build or run time.

Data: wordfreq by Robyn Speer, https://github.com/rspeer/wordfreq, data licensed CC-BY-SA 4.0
(see lexicon/README.md for the attribution).
"""
import math
import unicodedata
from pathlib import Path

from wordfreq import get_frequency_dict

# Zipf floors: a word below this is too rare to tell a real word from a misspelling (wordfreq
# lists common misspellings such as "lenght" at Zipf 2.0).
FLOORS = {"en": 2.0, "ru": 2.5}
APOSTROPHES = "'\u2019\u2018\u02bb\u02bc`\u00b4\u2032"


def normalise(word):
    word = unicodedata.normalize("NFKC", word).lower().replace("ё", "е")
    return "".join(c for c in word if c not in APOSTROPHES)


def main():
    out_dir = Path(__file__).resolve().parent.parent / "lexicon"
    out_dir.mkdir(exist_ok=True)
    for lang, floor in FLOORS.items():
        merged = {}
        for word, freq in get_frequency_dict(lang).items():
            word = normalise(word)
            if not word or not all(c.isalpha() for c in word):
                continue
            merged[word] = merged.get(word, 0.0) + freq
        rows = []
        for word, freq in merged.items():
            zipf = math.log10(freq) + 9
            if zipf >= floor:
                rows.append((word, round(zipf * 10)))
        rows.sort()
        with open(out_dir / f"{lang}.tsv", "w", encoding="utf-8") as f:
            for word, zipf10 in rows:
                f.write(f"{word}\t{zipf10}\n")
        print(f"{lang}: {len(rows)} words")


if __name__ == "__main__":
    main()
