#!/usr/bin/env bash
# Real documents in every format: each Markdown document of ../shared/corpora/wh-statements
# is made into a web page (pandoc, standalone), a Word file (pandoc) and a PDF (LibreOffice,
# from the Word file) in /tmp/cordiale_real_formats (never in the repository), then cordiale
# extracts each, and benches/formats_agree.py compares every format's figures, dates and
# commitments with the Markdown's: how much of what cordiale finds in the published text it
# still finds in the PDF, the page and the Word file.
# Usage: benches/formats_real.sh   (needs pandoc and LibreOffice; from the project root)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/wh-statements}
out=/tmp/cordiale_real_formats
mkdir -p "$out"/{md,html,docx,pdf}
for f in "$corpus"/*.md; do
  b=$(basename "$f" .md)
  cp "$f" "$out/md/$b.md"
  [ -s "$out/html/$b.html" ] || pandoc -s "$f" -o "$out/html/$b.html" 2>/dev/null
  [ -s "$out/docx/$b.docx" ] || pandoc "$f" -o "$out/docx/$b.docx"
done
if [ "$(ls "$out/pdf" | wc -l)" -lt "$(ls "$out/docx" | wc -l)" ]; then
  soffice --headless --convert-to pdf --outdir "$out/pdf" "$out"/docx/*.docx > /dev/null 2>&1
fi
cargo build --release --quiet
for kind in md html docx pdf; do
  CORDIALE_CACHE_DIR= target/release/cordiale extract --json "$out/$kind" > "$out/$kind.jsonl"
done
python3 benches/formats_agree.py "$out"
