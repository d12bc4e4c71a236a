#!/usr/bin/env bash
# Builds test/data/headers/**: short real excerpts (header, title, the first lines, the closing) of
# three development documents of ../shared/documents/, each in the layouts the header reader must
# read: the web rendering as stored (.md: header as a pipe table, no blank lines), a DOCX with the
# header and the signature as two-column tables (.docx), the same as a text-layer PDF (.pdf), and
# that PDF's text with the two columns merged on one line, as PDF text extraction and OCR give it
# (.merged.txt). Fixture-build time only (tests use the committed files). Needs Debian packages:
#   apt-get install -y libreoffice-writer-nogui poppler-utils fonts-dejavu
# Usage: scripts/make-header-fixtures.sh   (from the repository root, with ../shared beside it)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=test/data/headers
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

python3 scripts/header-layouts.py "$TMP" "$OUT" \
  09daab284f92e2dd=1-32,405-421 \
  a12a41bbbe518be8=1-38,83-96 \
  8fe888e498bceabd=1-35,51-67
# (a Kế hoạch of Bắc Ninh, a Công văn of Thành phố Hồ Chí Minh, a Quyết định of Cao Bằng)

for f in "$TMP"/*.fodt; do
  soffice --headless --norestore --convert-to "docx:MS Word 2007 XML" --outdir "$TMP" "$f" >/dev/null
  soffice --headless --norestore --convert-to "pdf:writer_pdf_Export" --outdir "$TMP" "$f" >/dev/null
done
for f in "$TMP"/*.docx; do b=$(basename "$f" .docx); cp "$f" "$OUT/$b.docx"; cp "$TMP/$b.pdf" "$OUT/$b.pdf"; pdftotext -layout "$TMP/$b.pdf" "$OUT/$b.merged.txt"; done
ls -la "$OUT"
