#!/bin/sh
# Real-prose PDFs for a quality check, made from ../shared/corpora (CC0) into /tmp/realpdf only
# (never copy these documents into the project): Markdown → DOCX (pandoc) → PDF (LibreOffice),
# plus pandoc's plain text as the reference. Check with ../check_quality.py.
set -e
C=${1:-/work/shared/corpora/wh-statements}
mkdir -p /tmp/realpdf && cd /tmp/realpdf
for f in $(ls -S "$C"/*.md | head -4); do
  b=$(basename "$f" .md)
  pandoc "$f" -o "$b.docx"
  pandoc "$f" -t plain --wrap=none -o "$b.plain.txt"
done
soffice --headless --convert-to pdf ./*.docx >/dev/null 2>&1
ls -la /tmp/realpdf/*.pdf
