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

python3 - "$TMP" "$OUT" <<'PY'
import re, sys
from xml.sax.saxutils import escape
tmp, out = sys.argv[1:]
# file, line ranges kept (1-based, inclusive): the opening and the closing
EXCERPTS = {
    '09daab284f92e2dd': [(1, 32), (405, 421)],  # Kế hoạch, Bắc Ninh
    'a12a41bbbe518be8': [(1, 38), (83, 96)],    # Công văn, Thành phố Hồ Chí Minh
    '8fe888e498bceabd': [(1, 35), (51, 67)],    # Quyết định, Cao Bằng
}
KIND = re.compile(r'^(KẾ HOẠCH|QUYẾT ĐỊNH|BÁO CÁO|CHỈ THỊ)$')
LEVEL = re.compile(r'\b(TỈNH|THÀNH PHỐ|QUẬN|HUYỆN|XÃ|PHƯỜNG|ĐẶC KHU)\b')
plain = lambda s: re.sub(r'\*+', '', s).strip()

def para(style, text):
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'

def cell(paras):
    return '<table:table-cell office:value-type="string">' + ''.join(paras) + '</table:table-cell>'

def table(left, right):
    return ('<table:table table:name="T" table:style-name="Tab"><table:table-column table:number-columns-repeated="2"/>'
            '<table:table-row>' + cell(left) + cell(right) + '</table:table-row></table:table>')

def paragraphs(lines):
    """Wrapped lines of a web rendering back into paragraphs."""
    out, cur = [], []
    for l in lines:
        t = plain(l)
        if not t or t == '|':
            if cur: out.append(' '.join(cur)); cur = []
            continue
        if cur and (t.startswith('- ') or re.match(r'^(?:[IVX]+|\d+)\.\s', t)):
            out.append(' '.join(cur)); cur = []
        cur.append(t)
        if re.search(r'[.;:]$', t):
            out.append(' '.join(cur)); cur = []
    if cur: out.append(' '.join(cur))
    return out

for name, ranges in EXCERPTS.items():
    src = open(f'../shared/documents/{name}.md', encoding='utf-8').read().split('\n')
    opening = src[ranges[0][0] - 1:ranges[0][1]]
    closing = src[ranges[1][0] - 1:ranges[1][1]]
    open(f'{out}/{name}.md', 'w', encoding='utf-8').write('\n'.join(opening + closing) + '\n')

    # header cells: runs of lines between `|` lines, before the kind word or `Kính gửi`
    end = next(i for i, l in enumerate(opening) if KIND.match(plain(l)) or plain(l).startswith('Kính gửi'))
    cells, cur = [], []
    for l in opening[:end] + ['|']:
        t = plain(l)
        if t == '|' or re.fullmatch(r'-{3,}', t):
            if cur: cells.append(' '.join(cur)); cur = []
        elif t:
            cur.append(t)
    left, right = [], []
    for c in cells:
        if 'CỘNG HÒA' in c or 'Độc lập' in c:
            i = c.index('Độc lập')
            right += [para('CenterBold', c[:i].strip()), para('Center', c[i:].strip())]
        elif ', ngày' in c:
            right.append(para('CenterItalic', c))
        elif c.startswith('Số'):
            m = re.match(r'^(Số:\s*\S+)\s*(V/v.*)?$', c)
            left.append(para('Center', m.group(1)))
            if m.group(2): left.append(para('Center', m.group(2)))
        else:
            m = LEVEL.search(c)
            left += [para('CenterBold', c[:m.start()].strip()), para('CenterBold', c[m.start():].strip())]
    body = [table(left, right)]
    rest = opening[end:]
    if KIND.match(plain(rest[0])):
        title_end = next(i for i, l in enumerate(rest[1:], 1) if plain(l) and not plain(l).isupper())
        body.append(para('Title', plain(rest[0])))
        body.append(para('Subtitle', ' '.join(plain(l) for l in rest[1:title_end] if plain(l))))
        rest = rest[title_end:]
    body += [para('Body', p) for p in paragraphs(rest)]
    n = next(i for i, l in enumerate(closing) if plain(l) == '|')
    sign_lines, cur = [], ''
    for l in closing[n + 1:]:
        t = plain(l)
        if not t or t == '|': continue
        if cur and not re.match(r'^(?:TM|KT)\.', t) and t.isupper() and len(t.split()) == 1:
            cur += ' ' + t; continue  # `TM. ỦY BAN NHÂN` / `DÂN`
        if cur: sign_lines.append(cur)
        cur = t
    if cur: sign_lines.append(cur)
    recipients = [plain(l) for l in closing[:n] if plain(l)]
    body.append(table([para('Small', r) for r in recipients], [para('CenterBold', s) for s in sign_lines]))
    doc = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
           'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
           '<office:styles><style:default-style style:family="paragraph"><style:text-properties style:font-name="DejaVu Serif" fo:font-size="11pt" fo:language="vi" fo:country="VN"/></style:default-style></office:styles>'
           '<office:automatic-styles>'
           '<style:style style:name="Tab" style:family="table"><style:table-properties style:width="17cm" table:align="left"/></style:style>'
           '<style:style style:name="Center" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>'
           '<style:style style:name="CenterBold" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>'
           '<style:style style:name="CenterItalic" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-style="italic"/></style:style>'
           '<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="12pt"/><style:text-properties fo:font-weight="bold"/></style:style>'
           '<style:style style:name="Subtitle" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="12pt"/><style:text-properties fo:font-weight="bold"/></style:style>'
           '<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1cm" fo:margin-bottom="6pt"/></style:style>'
           '<style:style style:name="Small" style:family="paragraph"><style:text-properties fo:font-size="9pt"/></style:style>'
           '</office:automatic-styles><office:body><office:text>' + '\n'.join(body) + '</office:text></office:body></office:document>\n')
    open(f'{tmp}/{name}.fodt', 'w', encoding='utf-8').write(doc)
PY

for f in "$TMP"/*.fodt; do
  soffice --headless --norestore --convert-to "docx:MS Word 2007 XML" --outdir "$TMP" "$f" >/dev/null
  soffice --headless --norestore --convert-to "pdf:writer_pdf_Export" --outdir "$TMP" "$f" >/dev/null
done
for f in "$TMP"/*.docx; do b=$(basename "$f" .docx); cp "$f" "$OUT/$b.docx"; cp "$TMP/$b.pdf" "$OUT/$b.pdf"; pdftotext -layout "$TMP/$b.pdf" "$OUT/$b.merged.txt"; done
ls -la "$OUT"
