#!/bin/sh
# Word-like PDFs (Type0/Identity-H fonts, as Word and LibreOffice write them) from our DOCX
# fixtures. Needs: apt-get install --no-install-recommends libreoffice-writer-nogui
set -e
cd "$(dirname "$0")/out"
mkdir -p lo
soffice --headless --convert-to pdf --outdir lo declaration.docx long.docx >/dev/null 2>&1
mv lo/declaration.pdf lo_declaration.pdf
mv lo/long.pdf lo_long.pdf
rmdir lo
ls -la lo_*.pdf
