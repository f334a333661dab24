#!/usr/bin/env python3
"""Try synonym proposals one at a time on a copy of knowledge/ and keep those that turn no
question of ../shared/eval and tests/data from right to wrong.

Usage (from the repository root): scripts/try_synonyms.py BINARY PROPOSALS LOG

PROPOSALS has one line per proposal: "ADD <a term of an existing group> | t1, t2",
"NEW t1, t2" or "STOP en|ru | w1, w2" (stop words). LOG gets KEEP/REJECT lines with the
questions gained or lost; the synonyms and stop-word files with every kept proposal are written
to LOG.synonyms.toml and LOG.stopwords.toml (copy them over those in knowledge/).
Each proposal costs one `eval --knowledge` pass over every question file (about 10 s).
"""
import subprocess, sys, re, glob, os, shutil, json, tempfile
from concurrent.futures import ThreadPoolExecutor
BIN = sys.argv[1]; PROPOSALS = sys.argv[2]; OUT = sys.argv[3]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
files = sorted(glob.glob(os.path.join(ROOT, "../shared/eval/*.jsonl")) + glob.glob(os.path.join(ROOT, "tests/data/*.jsonl")))
work = tempfile.mkdtemp(prefix="try-synonyms-")
work = os.path.join(work, "knowledge"); shutil.copytree(os.path.join(ROOT, "knowledge"), work)
def run(f, kb):
    r = subprocess.run([BIN, "eval", "--knowledge", kb, f], capture_output=True, text=True)
    if "total:" not in r.stdout: return None
    return {m[1]: line for line in r.stdout.splitlines() if (m := re.match(r"\s+(\S+) \[(\w+) (\w+)\]", line))}
def fails(kb):
    with ThreadPoolExecutor(2) as ex:
        res = list(ex.map(lambda f: run(f, kb), files))
    if any(r is None for r in res): return None
    out = {}
    for f, r in zip(files, res):
        for k, v in r.items(): out[os.path.basename(f) + ":" + k] = v
    return out
base = fails(work)
syn = os.path.join(work, "synonyms.toml")
stop = os.path.join(work, "stopwords.toml")
log = open(OUT, "w")
for line in open(PROPOSALS):
    line = line.strip()
    if not line: continue
    target_file = stop if line.startswith("STOP ") else syn
    text = open(target_file).read()
    if line.startswith("STOP "):
        lang, terms = line[5:].split("|", 1)
        lang = lang.strip(); terms = [t.strip() for t in terms.split(",") if t.strip()]
        head = f"\n{lang} = [\n"
        if head not in text: log.write(f"SKIP (lang) {line}\n"); log.flush(); continue
        at = text.index(head) + len(head)
        new = text[:at] + "  " + ", ".join(json.dumps(t, ensure_ascii=False) for t in terms) + ",\n" + text[at:]
    elif line.startswith("ADD "):
        target, terms = line[4:].split("|", 1)
        target = target.strip(); terms = [t.strip() for t in terms.split(",") if t.strip()]
        rows = text.split("\n")
        idx = [i for i, r in enumerate(rows) if r.startswith("terms = [") and f'"{target}"' in r]
        if len(idx) != 1: log.write(f"SKIP (target) {line}\n"); log.flush(); continue
        r = rows[idx[0]]
        add = ", ".join(json.dumps(t, ensure_ascii=False) for t in terms)
        rows[idx[0]] = r[:r.rindex("]")] + ", " + add + "]"
        new = "\n".join(rows)
    elif line.startswith("NEW "):
        terms = [t.strip() for t in line[4:].split(",") if t.strip()]
        new = text.rstrip("\n") + "\n[[group]]\nterms = [" + ", ".join(json.dumps(t, ensure_ascii=False) for t in terms) + "]\n"
    else:
        continue
    open(target_file, "w").write(new)
    f = fails(work)
    if f is None:
        open(target_file, "w").write(text); log.write(f"ERROR {line}\n"); log.flush(); continue
    gained = sorted(set(base) - set(f)); lost = sorted(set(f) - set(base))
    if lost:
        open(target_file, "w").write(text)
        log.write(f"REJECT +{len(gained)} -{len(lost)} {line}\n")
        for k in lost: log.write(f"    lost {f[k].strip()[:160]}\n")
    else:
        base = f
        log.write(f"KEEP +{len(gained)} {line}\n")
        for k in gained: log.write(f"    gained {k}\n")
    log.flush()
shutil.copy(syn, OUT + ".synonyms.toml")
shutil.copy(stop, OUT + ".stopwords.toml")
print("done")
