#!/usr/bin/env bash
# Converting and extracting a 100-page PDF and a 1 MB web page end to end with the release
# binary (a fresh process per run, no cache: every run converts in its worker process),
# beside pdftotext and html2text on the same files in the same run.
# Usage: benches/convert.sh   (from the project root; GNU time; pdftotext/html2text if present)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/cordiale
fx=tests/fixtures/formats
big=/tmp/cordiale_big1mb.html
python3 - "$big" <<'PY'
import sys
page = open("tests/fixtures/formats/same.html", encoding="utf-8").read()
head, rest = page.split('<p class="dateline">', 1)
body, tail = rest.split("</article>", 1)
out, n = [head], 0
while sum(map(len, out)) < 1_000_000:
    n += 1
    out.append(f'<h2>Section {n}</h2><p class="dateline">' + body)
open(sys.argv[1], "w", encoding="utf-8").write("".join(out) + "</article>" + tail)
PY
export CORDIALE_CACHE_DIR=
t() { /usr/bin/time -f "%e s wall  %U s user  %M KB peak  $*" "$@" > /dev/null; }
for run in 1 2 3 4 5; do
  for f in "$fx/long100.pdf" "$fx/lo_long.pdf"; do
    t "$bin" extract --json "$f"
    t "$bin" text "$f"
    command -v pdftotext > /dev/null && t pdftotext "$f" -
  done
  t "$bin" extract --json "$big"
  t "$bin" text "$big"
  command -v html2text > /dev/null && t html2text "$big"
done 2>&1 | sort -k10
