#!/usr/bin/env bash
# One document that is a single very long line: `cordiale find` and `cordiale summary` on it.
#
#   benches/long_line.sh             # 50 MB and 200 MB
#   SIZES="5 10 20" benches/long_line.sh
#   CORDIALE_BIN=/tmp/cordiale_before benches/long_line.sh   # another build
#
# The file is realistic prose (the seed documents, with figures, dates and "will" sentences,
# their line breaks turned into spaces, repeated with varied figures) with no newline at all,
# written to /tmp/cordiale_long_line/<size>mb/doc.txt, never into the repository. Both commands
# run under GNU time (`/usr/bin/time -v`; on Debian/Ubuntu: apt-get install time), which gives
# the wall time and the peak resident memory. `find` runs with --no-cache so every run loads,
# extracts, indexes and matches the whole document.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${SIZES:-50 200}"
root=/tmp/cordiale_long_line

if [ ! -x /usr/bin/time ]; then
  echo "GNU time is missing: apt-get install time" >&2
  exit 1
fi

for size in $SIZES; do
  dir="$root/${size}mb"
  [ -f "$dir/doc.txt" ] && continue
  mkdir -p "$dir"
  python3 - "$dir/doc.txt" "$size" seeds <<'PY'
import glob, os, re, sys
out, megabytes, seeds = sys.argv[1], int(sys.argv[2]), sys.argv[3]
prose = " ".join(
    " ".join(open(p, encoding="utf-8").read().split())
    for p in sorted(glob.glob(os.path.join(seeds, "*.txt")))
)
target = megabytes * 1_000_000
with open(out, "w", encoding="utf-8") as f:
    written, round_ = 0, 0
    while written < target:
        # Vary the figures from one copy to the next, so values are not all the same.
        chunk = re.sub(r"\d+", lambda m: str(int(m.group()) + round_ % 7), prose) + " "
        f.write(chunk)
        written += len(chunk.encode("utf-8"))
        round_ += 1
PY
done

# CORDIALE_BIN=/path/to/an/older/cordiale measures another build (a before/after comparison).
bin="${CORDIALE_BIN:-}"
if [ -z "$bin" ]; then
  cargo build --release --quiet
  bin=target/release/cordiale
fi

measure() {
  local label=$1
  shift
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; rm -f "$log"; return 1; }
  local secs rss
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  printf '%-28s %10s wall  %8d MB peak RSS\n' "$label" "$secs" $((rss / 1024))
  rm -f "$log"
}

for size in $SIZES; do
  doc="$root/${size}mb/doc.txt"
  echo "$doc: $(stat -c %s "$doc") bytes, $(tr -cd '\n' <"$doc" | wc -c) newlines"
  measure "${size} MB summary" "$bin" summary "$doc"
  measure "${size} MB find 'will'" "$bin" find --no-cache will "$doc"
  measure "${size} MB find '10m'" "$bin" find --no-cache 10m "$doc"
done
