#!/usr/bin/env bash
# Growth benchmark (issue 7): start-up, batch and memory (scripts/bench_process.py) and the
# per-question distribution (`cargo bench --bench matching`) for the real knowledge base and for
# one TIMES larger (scripts/grow_knowledge.py), each embedded in its own build, over every
# question of ../shared/eval and tests/data. The larger base's builds go to target/grown (a full
# release build: minutes on two cores).
#
# Usage (from the repository root): scripts/bench_growth.sh [TIMES] [RUNS]
set -euo pipefail
times="${1:-10}"
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
grown="$work/knowledge-x${times}"
files=(../shared/eval/*.jsonl tests/data/*.jsonl)

python3 scripts/grow_knowledge.py "$times" "$grown"
per_question() {
  cargo bench --locked --quiet --bench matching "$@" -- --noplot 2>/dev/null \
    | grep -E "^(per question|slowest)"
}

echo "== knowledge base as it is"
cargo build --release --locked --quiet
python3 scripts/bench_process.py --runs "$runs" --no-reference "${files[@]}"
per_question

echo "== knowledge base x${times}"
export KAZUZ_EMBED_KNOWLEDGE="$grown"
cargo build --release --locked --quiet --target-dir target/grown
python3 scripts/bench_process.py --runs "$runs" --no-reference \
  --binary target/grown/release/kazuz-bot "${files[@]}"
per_question --target-dir target/grown
