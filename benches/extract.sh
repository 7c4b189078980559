#!/usr/bin/env bash
# Extraction speed and memory on the 100k-line corpus and on pathological inputs.
# Usage: benches/extract.sh   (from the project root; needs python3 and GNU time)
# Corpora go to /tmp, never into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/bench
corpus=/tmp/corpus_100k
patho=/tmp/cordiale_patho

[ -d "$corpus" ] || python3 "$shared/gen_corpus.py" --lines 100000 --out "$corpus"
mkdir -p "$patho"
python3 - "$patho" <<'PY'
import sys, os
d = sys.argv[1]
cases = {
    "line_10mb.txt": "word " * 2_000_000,                      # one 10 MB line
    "dates_100k.txt": "20 August 2015, " * 100_000,            # 100k dates
    "markers.txt": "by the end of within between from to " * 30_000,
    "digits.txt": "1,000,000,000,000,000," * 50_000,
    "cues.txt": "we will that \u201c said agreed that signed agreement to " * 50_000,
}
for name, text in cases.items():
    path = os.path.join(d, name)
    if not os.path.exists(path):
        open(path, "w").write(text)
PY

cargo build --release --quiet
bin=target/release/cordiale
bytes=$(du -sb "$corpus" | cut -f1)
echo "corpus: $corpus, $bytes bytes, $(ls "$corpus" | wc -l) documents"
for threads in 1 2; do
  for run in 1 2 3; do
    RAYON_NUM_THREADS=$threads /usr/bin/time -f "threads=$threads summary (load+extract): %e s wall, %M KB peak" \
      "$bin" "$corpus" > /dev/null
  done
done
for run in 1 2 3; do
  /usr/bin/time -f "extract --json (load+extract+print): %e s wall, %M KB peak" "$bin" extract --json "$corpus" > /dev/null
done
for f in "$patho"/*.txt; do
  /usr/bin/time -f "$(basename "$f") ($(du -b "$f" | cut -f1) bytes): %e s, %M KB" "$bin" extract --json "$f" > /dev/null
done
echo "criterion (extraction only, seeds on one thread and the corpus on all cores):"
CORDIALE_BENCH_CORPUS="$corpus" cargo bench --bench extract 2>&1 | grep -E "^extract|time:|thrpt:"
