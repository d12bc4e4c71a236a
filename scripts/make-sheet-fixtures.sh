#!/usr/bin/env bash
# Builds the spreadsheet fixtures of fixtures/formats/ from seed 002's first annex table
# (Phụ lục I: indicators, unit, target, responsible body) with LibreOffice: the table as Flat ODS
# converted to XLSX, Excel 97–2003 (.xls) and ODS, and the same table in TCVN3 (.VnTime fonts) as
# .xls. Called by make-format-fixtures.sh; runs on its own too. Fixture-build time only.
#   apt-get install -y libreoffice-calc-nogui
# Usage: scripts/make-sheet-fixtures.sh   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=fixtures/formats
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
S002=fixtures/002_6f7bb062664898b6

# The table as the seed has it (lines 272–299), cleaned of its page layout: the header repeated on
# the next page is dropped and the row broken across the page joined; `<b>` and `$\geq 95$` become
# `II.` and `≥ 95`. Numbers are numbers: the result column is a percentage (95 stored as 0.95,
# shown as 95%), except the `≥` bounds, which are text as typed. The caption's second line is
# merged across the table's five columns.
python3 - "$TMP" "$S002.txt" <<'PY'
import json, re, sys
from xml.sax.saxutils import escape, quoteattr
tmp, seed = sys.argv[1:]
tables = json.load(open('src/ingest/legacy-encodings.json', encoding='utf-8'))
lines = open(seed, encoding='utf-8').read().split('\n')
start = next(i for i, l in enumerate(lines) if l.startswith('**Phụ lục I**'))
caption = [re.sub(r'\*\*|\s+$', '', lines[start]), re.sub(r'\*\*', '', lines[start + 1]).strip()]
rows, header = [], None
for l in lines[start + 2:]:
    if l.startswith('**Phụ lục II**'):
        break
    if '\t' not in l:
        continue
    cells = [re.sub(r'</?b>', '', c).strip() for c in l.split('\t')]
    cells = [re.sub(r'^\$\\geq (\d+)\$$', r'≥ \1', c) for c in cells]
    if header is None:
        header = cells; continue
    if cells == header:
        continue  # the header repeated on the next page
    if cells[0] == '' and rows:
        rows[-1] = [f'{a} {b}'.strip() if b else a for a, b in zip(rows[-1], cells)]
        continue
    rows.append(cells)

def tcvn3(s):
    # upper-case toned letters have no code of their own: the lower-case code, as typists did
    return ''.join(tables['tcvn3'].get(c) or tables['tcvn3'].get(c.lower()) or c for c in s)

def fods(legacy):
    enc = tcvn3 if legacy else (lambda s: s)
    def text(s, style='Text'):
        return f'<table:table-cell table:style-name="{style}" office:value-type="string"><text:p>{escape(enc(s))}</text:p></table:table-cell>'
    def number(s, style):
        if re.fullmatch(r'\d+', s):
            if style == 'Percent':
                return (f'<table:table-cell table:style-name="Percent" office:value-type="percentage" '
                        f'office:value="{int(s) / 100!r}"><text:p>{s}%</text:p></table:table-cell>')
            return f'<table:table-cell table:style-name="Text" office:value-type="float" office:value="{s}"><text:p>{s}</text:p></table:table-cell>'
        return text(s)
    out = ['<table:table-row>' + text(caption[0], 'Bold') + '</table:table-row>',
           '<table:table-row><table:table-cell table:style-name="Bold" office:value-type="string" table:number-columns-spanned="5" table:number-rows-spanned="1">'
           f'<text:p>{escape(enc(caption[1]))}</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="4"/></table:table-row>',
           '<table:table-row>' + ''.join(text(c, 'Bold') for c in header) + '</table:table-row>']
    for r in rows:
        cells = [number(r[0], 'Text')] + [text(r[1]), text(r[2])] + [number(r[3], 'Percent') if r[3] else '<table:table-cell/>', text(r[4]) if r[4] else '<table:table-cell/>']
        if all(c == '' for c in r[2:]):  # a group row: `I` | `Giai đoạn 2026 - 2027`
            cells = [text(r[0], 'Bold'), text(r[1], 'Bold')]
        out.append('<table:table-row>' + ''.join(cells) + '</table:table-row>')
    font = '.VnTime' if legacy else 'Times New Roman'
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
            'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
            'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
            f'<office:font-face-decls><style:font-face style:name="{font}" svg:font-family="{font}"/></office:font-face-decls>'
            '<office:styles><number:percentage-style style:name="Pct"><number:number number:decimal-places="0" number:min-integer-digits="1"/>'
            '<number:text>%</number:text></number:percentage-style></office:styles>'
            '<office:automatic-styles>'
            '<style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="1.2cm"/></style:style>'
            '<style:style style:name="co2" style:family="table-column"><style:table-column-properties style:column-width="9cm"/></style:style>'
            '<style:style style:name="co3" style:family="table-column"><style:table-column-properties style:column-width="2.2cm"/></style:style>'
            '<style:style style:name="co4" style:family="table-column"><style:table-column-properties style:column-width="6cm"/></style:style>'
            f'<style:style style:name="Text" style:family="table-cell"><style:text-properties style:font-name="{font}" fo:font-size="12pt"/></style:style>'
            f'<style:style style:name="Bold" style:family="table-cell"><style:text-properties style:font-name="{font}" fo:font-size="12pt" fo:font-weight="bold"/></style:style>'
            f'<style:style style:name="Percent" style:family="table-cell" style:data-style-name="Pct"><style:text-properties style:font-name="{font}" fo:font-size="12pt"/></style:style>'
            '</office:automatic-styles><office:body><office:spreadsheet>'
            '<table:table table:name="Phụ lục I"><table:table-column table:style-name="co1"/><table:table-column table:style-name="co2"/>'
            '<table:table-column table:style-name="co3" table:number-columns-repeated="2"/><table:table-column table:style-name="co4"/>'
            + '\n'.join(out) + '</table:table></office:spreadsheet></office:body></office:document>\n')

open(f'{tmp}/002_6f7bb062664898b6.table.fods', 'w', encoding='utf-8').write(fods(False))
open(f'{tmp}/002_6f7bb062664898b6.table.tcvn3.fods', 'w', encoding='utf-8').write(fods(True))
PY

# Cell kinds, for src/ingest/spreadsheet.test.ts (test/data/sheets, not a report): dates, a date
# with a time, percentages with more digits than shown, grouped and long numbers, a two-line text,
# a boolean, a merged block whose covered cell keeps a hidden value, a table starting in column B,
# and an empty sheet.
mkdir -p test/data/sheets
python3 - "$TMP" <<'PY'
import sys
tmp = sys.argv[1]
def s(t, attrs=''):
    return f'<table:table-cell office:value-type="string"{attrs}>' + ''.join(f'<text:p>{p}</text:p>' for p in t.split('\n')) + '</table:table-cell>'
def n(v, style=None, shown=''):
    st = f' table:style-name="{style}"' if style else ''
    kind = 'percentage' if style and style.startswith('P') else 'float'
    return f'<table:table-cell{st} office:value-type="{kind}" office:value="{v}"><text:p>{shown}</text:p></table:table-cell>'
def d(v, style):
    return f'<table:table-cell table:style-name="{style}" office:value-type="date" office:date-value="{v}"><text:p>{v}</text:p></table:table-cell>'
row = lambda *cells: '<table:table-row>' + ''.join(cells) + '</table:table-row>'
sheet1 = [
    row(s('Ngày'), s('Tỷ lệ'), s('Số hồ sơ'), s('Ghi chú')),
    row(d('2025-03-26', 'Date'), n('0.4567', 'P0'), n('1894', 'Grouped'), s('Dòng 1\nDòng 2')),
    row(d('2025-03-26T12:30:00', 'DateTime'), n('0.456789', 'P1'), n('1234567.891', 'Grouped2'),
        '<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>'),
    row(s('Gộp', ' table:number-columns-spanned="2" table:number-rows-spanned="2"'), '<table:covered-table-cell/>', n('2026'), n('-0.1')),
    row('<table:covered-table-cell/><table:covered-table-cell office:value-type="float" office:value="5"><text:p>5</text:p></table:covered-table-cell>',
        n('0.1234567890123', 'Fixed2')),
]
sheet2 = [row(''), row('<table:table-cell/>', s('Bảng bắt đầu ở cột B'), n('12.5'))]
doc = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
       'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:styles>'
       '<number:date-style style:name="NDate"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>'
       '<number:date-style style:name="NDateTime"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>'
       '<number:percentage-style style:name="NP0"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>'
       '<number:percentage-style style:name="NP1"><number:number number:decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>'
       '<number:number-style style:name="NGrouped"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>'
       '<number:number-style style:name="NGrouped2"><number:number number:decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>'
       '<number:number-style style:name="NFixed2"><number:number number:decimal-places="2" number:min-integer-digits="1"/></number:number-style>'
       '</office:styles><office:automatic-styles>'
       + ''.join(f'<style:style style:name="{k}" style:family="table-cell" style:data-style-name="N{k}"/>' for k in ['Date', 'DateTime', 'P0', 'P1', 'Grouped', 'Grouped2', 'Fixed2'])
       + '</office:automatic-styles><office:body><office:spreadsheet>'
       '<table:table table:name="Số liệu"><table:table-column table:number-columns-repeated="4"/>' + ''.join(sheet1) + '</table:table>'
       '<table:table table:name="Sheet2"><table:table-column table:number-columns-repeated="3"/>' + ''.join(sheet2) + '</table:table>'
       '<table:table table:name="Trống"><table:table-column/><table:table-row><table:table-cell/></table:table-row></table:table>'
       '</office:spreadsheet></office:body></office:document>\n')
open(f'{tmp}/cells.fods', 'w', encoding='utf-8').write(doc)
PY

convert_with() { # <fods> <filter> <ext>
  soffice --headless --norestore --convert-to "$3:$2" --outdir "$TMP" "$1" >/dev/null
}
f=002_6f7bb062664898b6.table
convert_with "$TMP/$f.fods" "Calc MS Excel 2007 XML" xlsx
convert_with "$TMP/$f.fods" "MS Excel 97" xls
convert_with "$TMP/$f.fods" "calc8" ods
convert_with "$TMP/$f.tcvn3.fods" "MS Excel 97" xls
cp "$TMP/$f.xlsx" "$TMP/$f.xls" "$TMP/$f.ods" "$TMP/$f.tcvn3.xls" "$OUT/"
convert_with "$TMP/cells.fods" "Calc MS Excel 2007 XML" xlsx
convert_with "$TMP/cells.fods" "MS Excel 97" xls
convert_with "$TMP/cells.fods" "calc8" ods
cp "$TMP"/cells.{xlsx,xls,ods} test/data/sheets/
ls -l "$OUT"/$f.* test/data/sheets
