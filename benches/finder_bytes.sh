#!/usr/bin/env bash
# Bytes a finder writes per key, cordiale's finder pane beside fzf 0.74's, on the same
# 100k lines and the same steps (../shared/bench/finder.json: type a query, move the
# selection ten times, clear, type another, idle).
#
#   benches/finder_bytes.sh            # sizes 80x24 and 120x40
#
# fzf's default layout puts its first match at the bottom, under the prompt: the script's
# ctrl-n there moves nothing (BASELINE.md's 43 B "sel_down" is that no-op). Here fzf moves
# up (ctrl-p), which moves its selection, once without and once with a preview pane (a
# preview of the line), as cordiale's finder always has one.
#
# Needs: python3, /tmp/fzfvenv/bin/fzf (see ../shared/bench/README.md), /tmp/corpus_100k and
# /tmp/lines_100k.txt (benches/find.sh makes them).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/bench
fzf=/tmp/fzfvenv/bin/fzf
cargo build --release --quiet
up=$(mktemp)
trap 'rm -f "$up"' EXIT
sed 's/"<C-n>"/"<C-p>"/' "$shared/finder.json" >"$up"
sizes=(--size 80x24 --size 120x40)
python3 "$shared/ttybytes.py" --script benches/finder.json "${sizes[@]}"
python3 "$shared/ttybytes.py" --script "$up" "${sizes[@]}" -- \
  sh -c "exec $fzf < /tmp/lines_100k.txt"
python3 "$shared/ttybytes.py" --script "$up" "${sizes[@]}" -- \
  sh -c "exec $fzf --preview 'echo {}' --preview-window=wrap < /tmp/lines_100k.txt"
