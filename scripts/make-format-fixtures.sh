#!/usr/bin/env bash
# Builds fixtures/formats/**, test/data/broken/** and test/data/word/** from the seed texts in fixtures/.
# Fixture-build time only (tests use the committed files). Needs Debian packages:
#   apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils imagemagick qpdf fonts-dejavu img2pdf
# Usage: scripts/make-format-fixtures.sh   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=fixtures/formats
BROKEN=test/data/broken
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT" "$BROKEN"
S000=fixtures/000_df22d471c82bd4e0.txt
S003=fixtures/003_4b7321f46e9814a7.txt

# 1. Seeds as Flat ODT laid out like a real report (Decree 30/2020 style: A4, Times 13 pt,
#    two-column header table, first-line indent, page number at the top from page 2).
#    Seed 003 also gets the issuer / national-motto header lines its text conversion lost, so the
#    PDF has a true two-column header block; seed 000 keeps exactly its own lines (its .txt, .docx
#    and .pdf must give the same structured data).
python3 - "$TMP" "$S000" "$S003" <<'PY'
import json, re, sys
from xml.sax.saxutils import escape
tmp, s000, s003 = sys.argv[1:]
tables = json.load(open('src/ingest/legacy-encodings.json', encoding='utf-8'))

def tcvn3_runs(text):
    """TCVN3 text as (string, font) runs: upper-case toned letters use the lower-case code in the
    upper-case font .VnTimeH, as typists did."""
    runs = []
    for ch in text:
        if ch in tables['tcvn3']:
            runs.append((tables['tcvn3'][ch], '.VnTime'))
        elif ch.lower() in tables['tcvn3'] and ch != ch.lower():
            runs.append((tables['tcvn3'][ch.lower()], '.VnTimeH'))
        elif ord(ch) < 128:
            runs.append((ch, '.VnTime'))
        else:
            raise SystemExit(f'no TCVN3 code for {ch!r}')
    merged = []
    for s, f in runs:
        if merged and merged[-1][1] == f: merged[-1] = (merged[-1][0] + s, f)
        else: merged.append((s, f))
    return merged

STYLES = '''
<office:font-face-decls>
 <style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" style:font-family-generic="roman"/>
 <style:font-face style:name=".VnTime" svg:font-family=".VnTime"/>
 <style:font-face style:name=".VnTimeH" svg:font-family=".VnTimeH"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:line-height="115%"/>
  <style:text-properties style:font-name="{font}" fo:font-size="13pt" fo:language="vi" fo:country="VN"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Header" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="2cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.3cm"/></style:header-style>
 </style:page-layout>
 <style:style style:name="HeadTable" style:family="table" style:master-page-name="First_20_Page"><style:table-properties style:width="16cm" table:align="left"/></style:style>
 <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1cm" fo:margin-bottom="6pt"/></style:style>
 <style:style style:name="BodyTight" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1cm" fo:margin-bottom="0pt"/></style:style>
 <style:style style:name="Heading" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1cm" fo:margin-bottom="6pt"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Center" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0pt"/></style:style>
 <style:style style:name="CenterGap" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="8pt"/></style:style>
 <style:style style:name="CenterBold" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0pt"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="CenterItalic" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0pt"/><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="12pt" fo:margin-bottom="6pt"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Subtitle" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-left="1cm" fo:margin-right="1cm" fo:margin-bottom="12pt"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Small" style:family="paragraph"><style:paragraph-properties fo:text-align="left" fo:margin-bottom="0pt"/><style:text-properties fo:font-size="11pt"/></style:style>
 <style:style style:name="SmallGap" style:family="paragraph"><style:paragraph-properties fo:text-align="left" fo:margin-bottom="8pt"/><style:text-properties fo:font-size="11pt"/></style:style>
 <style:style style:name="Sign" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-left="8cm" fo:margin-bottom="0pt"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="SignName" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-left="8cm" fo:margin-top="48pt"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="H" style:family="text"><style:text-properties style:font-name=".VnTimeH"/></style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Header"><text:page-number text:select-page="current">2</text:page-number></text:p></style:header>
 </style:master-page>
 <style:master-page style:name="First_20_Page" style:page-layout-name="pm1" style:next-style-name="Standard"/>
</office:master-styles>
'''

def build(seed, out, extra_left=(), extra_right=(), legacy=False):
    lines = open(seed, encoding='utf-8').read().split('\n')
    def para(style, text):
        if not legacy:
            return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'
        body = ''.join(escape(s) if f == '.VnTime' else f'<text:span text:style-name="H">{escape(s)}</text:span>'
                       for s, f in tcvn3_runs(text))
        return f'<text:p text:style-name="{style}">{body}</text:p>'
    # header block: the lines before the title
    title_at = next(i for i, l in enumerate(lines) if l.strip() == 'BÁO CÁO')
    head = [l.strip() for l in lines[:title_at] if l.strip()]
    left = list(extra_left) + [l for l in head if l.startswith('Số')]
    right = list(extra_right) + [l for l in head if not l.startswith('Số')]
    def cell(items, styles):
        return '<table:table-cell office:value-type="string">' + ''.join(
            para(styles(i, t), t) for i, t in enumerate(items)) + '</table:table-cell>'
    lstyle = lambda i, t: 'CenterGap' if t.startswith('Số') else 'CenterBold'
    rstyle = lambda i, t: 'CenterItalic' if ', ngày' in t else ('CenterBold' if i < len(extra_right) else 'Center')
    body = ['<table:table table:name="Header" table:style-name="HeadTable"><table:table-column table:number-columns-repeated="2"/>'
            '<table:table-row>' + cell(left, lstyle) + cell(right, rstyle) + '</table:table-row></table:table>']
    rest = lines[title_at:]
    n = len(rest)
    i = 0
    mode = 'body'
    seen_title = False
    while i < n:
        text = rest[i].strip()
        nxt_blank = i + 1 >= n or rest[i + 1].strip() == ''
        i += 1
        if not text:
            continue
        if text == 'BÁO CÁO':
            body.append(para('Title', text)); seen_title = True; continue
        if seen_title:
            body.append(para('Subtitle', text)); seen_title = False; continue
        if text.startswith('Kính gửi'):
            body.append(para('CenterGap', text)); continue
        if text.startswith('Nơi nhận'):
            mode = 'recipients'; body.append(para('Small', text)); continue
        if mode == 'recipients' and not text.startswith('-'):
            mode = 'sign'
        if mode == 'recipients':
            body.append(para('SmallGap' if nxt_blank else 'Small', text)); continue
        if mode == 'sign':
            last = all(not l.strip() for l in rest[i:])
            body.append(para('SignName' if last else 'Sign', text)); continue
        if re.match(r'^([IVX]+|\d+(\.\d+)*)\.\s', text) and len(text) < 100 and not text.endswith(';'):
            body.append(para('Heading', text)); continue
        body.append(para('Body' if nxt_blank else 'BodyTight', text))
    font = '.VnTime' if legacy else 'Times New Roman'
    doc = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
           'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
           + STYLES.replace('{font}', font) + '<office:body><office:text>' + '\n'.join(body) + '</office:text></office:body></office:document>\n')
    open(f'{tmp}/{out}.fodt', 'w', encoding='utf-8').write(doc)

build(s000, '000_df22d471c82bd4e0')
build(s003, '003_4b7321f46e9814a7', extra_left=['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HẢI PHÒNG'],
      extra_right=['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'])
build(s000, '000_df22d471c82bd4e0.tcvn3', legacy=True)

# 2. Legacy-encoded plain text of seed 000: TCVN3 and VNI as 8-bit bytes, VIQR as ASCII.
text = open(s000, encoding='utf-8').read()
def tcvn3(s):
    return ''.join(tables['tcvn3'].get(c) or tables['tcvn3'].get(c.lower()) or c for c in s)
def vni(s):
    return ''.join(tables['vni'].get(c, c) for c in s)
import unicodedata
VIQR_SHAPE = {'\u0302': '^', '\u0306': '(', '\u031b': '+'}
VIQR_TONE = {'\u0301': "'", '\u0300': '`', '\u0309': '?', '\u0303': '~', '\u0323': '.'}
def viqr(s):
    out = []
    for k, c in enumerate(s):
        if c in 'đĐ':
            out.append('dd' if c == 'đ' else 'DD'); continue
        d = unicodedata.normalize('NFD', c)
        base, marks = d[0], d[1:]
        out.append(base + ''.join(VIQR_SHAPE[m] for m in marks if m in VIQR_SHAPE) + ''.join(VIQR_TONE[m] for m in marks if m in VIQR_TONE))
        # a literal mark character right after a vowel is escaped, as VIQR requires
        nxt = s[k + 1] if k + 1 < len(s) else ''
        has_tone = any(m in VIQR_TONE for m in marks)
        if base.lower() in 'aeiouy' and nxt and ((not has_tone and nxt in "'`?~.") or (not marks and nxt in "^(+")):
            out.append('\\')
        if base.lower() == 'd' and not marks and nxt.lower() == 'd':
            out.append('\\')
    return ''.join(out)
# Windows-1258 writes a tone as a combining mark after its letter: the base letter keeps its shape
# mark (â ă ê ô ơ ư đ and their capitals have codes of their own), the tone is one of the bytes
# CC EC D2 DE F2. Python's cp1258 codec does not decompose, so each character is split here.
CP1258_TONES = '\u0300\u0301\u0303\u0309\u0323'
def cp1258(s):
    out = []
    for c in s:
        d = unicodedata.normalize('NFD', c)
        out.append(unicodedata.normalize('NFC', ''.join(m for m in d if m not in CP1258_TONES)) + ''.join(m for m in d if m in CP1258_TONES))
    return ''.join(out).encode('cp1258')
open(f'{tmp}/000_df22d471c82bd4e0.tcvn3.txt', 'wb').write(tcvn3(text).encode('latin-1'))
open(f'{tmp}/000_df22d471c82bd4e0.vni.txt', 'wb').write(vni(text).encode('latin-1'))
open(f'{tmp}/000_df22d471c82bd4e0.viqr.txt', 'wb').write(viqr(text).encode('ascii'))
open(f'{tmp}/000_df22d471c82bd4e0.cp1258.txt', 'wb').write(cp1258(text))
PY

convert_with() { # <fodt> <filter> <ext>
  soffice --headless --norestore --convert-to "$3:$2" --outdir "$TMP" "$1" >/dev/null
}
for f in 000_df22d471c82bd4e0 003_4b7321f46e9814a7; do
  convert_with "$TMP/$f.fodt" "MS Word 2007 XML" docx
  convert_with "$TMP/$f.fodt" "writer_pdf_Export" pdf
  convert_with "$TMP/$f.fodt" "writer8" odt
  cp "$TMP/$f.docx" "$TMP/$f.pdf" "$TMP/$f.odt" "$OUT/"
done
convert_with "$TMP/000_df22d471c82bd4e0.tcvn3.fodt" "MS Word 2007 XML" docx
convert_with "$TMP/000_df22d471c82bd4e0.tcvn3.fodt" "writer8" odt
cp "$TMP"/000_df22d471c82bd4e0.tcvn3.{docx,odt} "$OUT/"
cp "$TMP"/000_df22d471c82bd4e0.{tcvn3,vni,viqr,cp1258}.txt "$OUT/"
# Word 97–2003 and RTF from the same Flat ODT (the TCVN3 one keeps its .VnTime/.VnTimeH fonts,
# the Normal style's font and the capitals' run font, in the .doc)
for f in 000_df22d471c82bd4e0 003_4b7321f46e9814a7; do
  convert_with "$TMP/$f.fodt" "MS Word 97" doc
  convert_with "$TMP/$f.fodt" "Rich Text Format" rtf
  cp "$TMP/$f.doc" "$TMP/$f.rtf" "$OUT/"
done
convert_with "$TMP/000_df22d471c82bd4e0.tcvn3.fodt" "MS Word 97" doc
cp "$TMP/000_df22d471c82bd4e0.tcvn3.doc" "$OUT/"
# a three-column table (one cell of two paragraphs) as .doc and RTF, for the readers' unit tests
mkdir -p test/data/word
cat > "$TMP/table.fodt" <<'FODT'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
<text:p>Kết quả giải quyết hồ sơ:</text:p>
<table:table table:name="T"><table:table-column table:number-columns-repeated="3"/>
<table:table-row><table:table-cell><text:p>TT</text:p></table:table-cell><table:table-cell><text:p>Lĩnh vực</text:p></table:table-cell><table:table-cell><text:p>Số hồ sơ</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>1</text:p></table:table-cell><table:table-cell><text:p>Hộ tịch</text:p><text:p>(cấp xã)</text:p></table:table-cell><table:table-cell><text:p>1.779</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>2</text:p></table:table-cell><table:table-cell><text:p>Đất đai</text:p></table:table-cell><table:table-cell><text:p>115</text:p></table:table-cell></table:table-row>
</table:table>
<text:p>Tổng số: 1.894 hồ sơ.</text:p>
</office:text></office:body></office:document>
FODT
convert_with "$TMP/table.fodt" "MS Word 97" doc
convert_with "$TMP/table.fodt" "Rich Text Format" rtf
cp "$TMP/table.doc" "$TMP/table.rtf" test/data/word/

# 3. Seed 000 as a scan: 300 dpi grey, each page turned by a slight, different angle, a little
#    blur and noise, JPEG-compressed; one page (the one with the 1.894 figures) also as PNG.
pdftoppm -r 300 -gray "$OUT/000_df22d471c82bd4e0.pdf" "$TMP/page"
angles=(0.6 -0.4 0.8 -0.7 0.5 -0.6 0.7 -0.5 0.4)
k=0
scans=()
for p in "$TMP"/page-*.pgm; do
  a=${angles[$((k % ${#angles[@]}))]}
  convert "$p" -background white -rotate "$a" -gravity center -extent 2480x3508 \
    -blur 0x0.7 -colorspace Gray -density 300 -units PixelsPerInch -quality 40 "$TMP/scan-$k.jpg"
  scans+=("$TMP/scan-$k.jpg")
  k=$((k + 1))
done
img2pdf --pagesize A4 -o "$OUT/000_df22d471c82bd4e0.scan.pdf" "${scans[@]}"
# the PNG is the page holding "Tổng số hồ sơ yêu cầu giải quyết: 1.894 hồ sơ" (page 4)
convert "$TMP/page-4.pgm" -background white -rotate -0.7 -gravity center -extent 2480x3508 -blur 0x0.7 \
  -posterize 8 -colorspace Gray -depth 4 -density 300 -units PixelsPerInch "PNG:$OUT/000_df22d471c82bd4e0.page4.png"

# a PDF whose first page has a text layer and whose second is a scan (page 4 of the scan): the
# reader must OCR that page alone
qpdf --empty --pages "$OUT/000_df22d471c82bd4e0.pdf" 1 "$OUT/000_df22d471c82bd4e0.scan.pdf" 4 -- "$OUT/000_df22d471c82bd4e0.mixed.pdf"

# 4. Bad inputs (test/data/broken, never under fixtures/: `baocao run fixtures` must succeed).
mkdir -p "$BROKEN"
printf '%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R' > "$BROKEN/corrupt.pdf"
head -c 3000 /dev/urandom | base64 >> "$BROKEN/corrupt.pdf"
qpdf --encrypt user-secret owner-secret 256 -- "$OUT/003_4b7321f46e9814a7.pdf" "$BROKEN/encrypted.pdf"
head -c $(( $(stat -c %s "$OUT/003_4b7321f46e9814a7.docx") / 2 )) "$OUT/003_4b7321f46e9814a7.docx" > "$BROKEN/truncated.docx"
: > "$BROKEN/empty.png"
# No password-protected DOCX: neither LibreOffice 7.4 (its OOXML export ignores a password when
# run headless) nor Debian's msoffcrypto-tool 5.0 (decrypt only) can write one here. The reader's
# check for one (an OLE container with an EncryptedPackage stream) has a unit test instead.
rm -f "$BROKEN/password.docx"
# .doc and RTF: cut in half (the OLE directory and the RTF's closing braces are lost), and a .doc
# marked encrypted. LibreOffice headless writes no password-protected .doc either, so the copy has
# the FIB's fEncrypted flag set by hand: the FIB stays unencrypted in a real one, and that flag is
# what the reader checks.
head -c $(( $(stat -c %s "$OUT/003_4b7321f46e9814a7.doc") / 2 )) "$OUT/003_4b7321f46e9814a7.doc" > "$BROKEN/truncated.doc"
head -c $(( $(stat -c %s "$OUT/003_4b7321f46e9814a7.rtf") / 2 )) "$OUT/003_4b7321f46e9814a7.rtf" > "$BROKEN/unbalanced.rtf"
python3 - "$OUT/003_4b7321f46e9814a7.doc" "$BROKEN/password.doc" <<'PY'
import sys
d = bytearray(open(sys.argv[1], 'rb').read())
# the WordDocument stream, which starts with the FIB (0xA5EC), begins at a sector boundary
i = next(i for i in range(512, len(d), 512) if d[i:i + 2] == b'\xec\xa5')
d[i + 0x0B] |= 0x01  # fEncrypted: bit 0x0100 of the flags word at 0x0A
open(sys.argv[2], 'wb').write(d)
PY
# a PDF that arrives named .docx: a good input, read as a PDF by its content
cp "$OUT/003_4b7321f46e9814a7.pdf" "$OUT/003_4b7321f46e9814a7.pdf-named.docx"

# 5. Spreadsheets: seed 002's Phụ lục I as XLSX, XLS, ODS and TCVN3 XLS, and test/data/sheets.
scripts/make-sheet-fixtures.sh

ls -l "$OUT" "$BROKEN"
du -sh "$OUT" "$BROKEN"
