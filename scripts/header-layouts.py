"""
Excerpts of web renderings of ../shared/documents/ (header, title, the first lines, the closing) in the layouts the
header reader must read: the rendering as stored (OUT/<name>.md) and, for LibreOffice to convert to DOCX and PDF, an
OpenDocument text with the header and the signature as two-column tables (TMP/<name>.fodt). Used by
scripts/make-header-fixtures.sh (three development documents, ranges by hand) and eval/header-layouts.ts (every
document but the test part's, ranges found here). Usage:
  python3 scripts/header-layouts.py TMP OUT NAME[=FROM-TO,FROM-TO] ...
A name without ranges takes the opening up to a few lines into the body and the closing from `Nơi nhận`; a document
whose parts are not found is skipped with a line on stderr.
"""
import re, sys
from xml.sax.saxutils import escape
tmp, out = sys.argv[1:3]
KIND = re.compile(r'^(KẾ HOẠCH|QUYẾT ĐỊNH|BÁO CÁO|CHỈ THỊ)$')
LEVEL = re.compile(r'\b(TỈNH|THÀNH PHỐ|QUẬN|HUYỆN|XÃ|PHƯỜNG|ĐẶC KHU)\b')
plain = lambda s: re.sub(r'\*+', '', s).strip()

def found_ranges(src):
    """The opening (to six lines past the first line of the body) and the closing (`Nơi nhận` to the end of its cell)."""
    body = next((i for i, l in enumerate(src) if re.match(r'^(Căn cứ|Thực hiện|Điều 1)', plain(l))), None)
    start = next((i for i, l in enumerate(src) if plain(l).startswith('Nơi nhận')), None)
    if body is None or start is None: return None
    end, bars = start + 1, 0
    for k in range(start + 1, min(len(src), start + 60)):
        if plain(src[k]) == '|':
            bars += 1
            if bars == 2: end = k + 1; break
    return [(1, body + 6), (start + 1, end)]

EXCERPTS = {}
for arg in sys.argv[3:]:
    name, _, given = arg.partition('=')
    EXCERPTS[name] = [tuple(int(x) for x in r.split('-')) for r in given.split(',')] if given else None

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

def excerpt(name, ranges):
    src = open(f'../shared/documents/{name}.md', encoding='utf-8').read().split('\n')
    ranges = ranges or found_ranges(src)
    if ranges is None: raise ValueError('no body or no Nơi nhận')
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
        title_end = next(i for i, l in enumerate(rest[1:], 1) if plain(l) and (not plain(l).isupper() or re.match(r'^(CHỦ TỊCH |ỦY BAN NHÂN)', plain(l))))
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

for name, ranges in EXCERPTS.items():
    try:
        excerpt(name, ranges)
    except (ValueError, StopIteration, AttributeError) as e:
        print(f'{name}: skipped ({e!r})', file=sys.stderr)
