/**
 * RTF, read by hand: the syntax is small (groups, control words, control symbols, text) and what
 * baocao needs of it is the text, its paragraphs and table cells, and each run's font (a
 * `.VnTime` font means TCVN3 bytes, `VNI-…` VNI). The text follows flow.ts's conventions, as
 * the DOCX and .doc readers do.
 *
 * - Bytes: text and `\'hh` are bytes in the document's code page (`\ansicpg`), or the font's
 *   (`\fcharset`), decoded with TextDecoder (Windows-1252 by cp1252.ts); consecutive `\'hh` are
 *   decoded together (a double-byte code page needs both bytes). In a legacy Vietnamese font the bytes are kept as Latin-1, the
 *   form legacy.ts converts from.
 * - `\uN` is a UTF-16 code unit (negative N for units above 0x7FFF), followed by `\ucN` (default 1)
 *   fallback characters for old readers, which are skipped.
 * - Destinations that are not body text are skipped: `{\*\…}` (ignorable by definition), the font,
 *   colour and style tables, document info, pictures, objects, shapes, headers, footers, footnotes,
 *   annotations, and field instructions (a field's result is kept).
 * - `\par` ends a paragraph, `\line` breaks a line, `\tab` is a tab; in a table (`\intbl`) `\cell`
 *   ends a cell and `\row` a row; a nested table's cells (`\nestcell`) stay in their outer cell.
 */
import { PipelineError } from '../errors.js';
import { decodeCp1252 } from './cp1252.js';
import { layOut, legacyFont, type Block, type FlowText, type Paragraph } from './flow.js';

export type RtfText = FlowText;

/** Group state: RTF scopes character and paragraph properties to the enclosing group. */
interface State {
  /** What the group's text is: body text, a font table entry, or skipped. */
  dest: 'body' | 'fonttbl' | 'skip';
  font: number | null;
  /** Fallback characters after `\uN`. */
  uc: number;
  inTable: boolean;
  /** Table depth (`\itap`): 2 and more is a nested table. */
  depth: number;
}

interface Font {
  name: string;
  codePage: number | null;
}

/** Destinations whose text is not body text (without `\*`, so a reader must know them). */
const SKIPPED = new Set([
  'colortbl', 'stylesheet', 'info', 'pict', 'nonshppict', 'object', 'shp', 'shpinst', 'shptxt',
  'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf',
  'footnote', 'annotation', 'atnid', 'atnauthor', 'fldinst', 'xe', 'tc', 'txe', 'revtbl',
  'filetbl', 'listtable', 'listoverridetable', 'rsidtbl', 'xmlnstbl', 'template', 'docvar',
  'bkmkstart', 'bkmkend', 'private', 'datafield', 'themedata', 'colorschememapping',
  'latentstyles', 'datastore', 'generator', 'pgdsctbl', 'mmathPr', 'listpicture',
]);

/** Deeper nesting than any editor writes: a hostile file, refused before it costs memory. */
const MAX_DEPTH = 10_000;

/** Control words that stand for a character. */
const SYMBOLS: Record<string, string> = {
  emdash: '\u2014', endash: '\u2013', bullet: '\u2022', lquote: '\u2018', rquote: '\u2019',
  ldblquote: '\u201c', rdblquote: '\u201d', emspace: '\u2003', enspace: '\u2002', qmspace: '\u2005',
};

/** `\fcharset` → Windows code page (the ones TextDecoder knows). */
const CHARSET_CODE_PAGES: Record<number, number> = {
  0: 1252, 128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258, 177: 1255,
  178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250,
};

const decoders = new Map<string, TextDecoder>();
function decoder(label: string): TextDecoder {
  let d = decoders.get(label);
  if (!d) {
    d = new TextDecoder(label);
    decoders.set(label, d);
  }
  return d;
}

function codePageLabel(cp: number): string {
  if (cp === 932) return 'shift_jis';
  if (cp === 936) return 'gbk';
  if (cp === 949) return 'euc-kr';
  if (cp === 950) return 'big5';
  if (cp === 874) return 'windows-874';
  if (cp >= 1250 && cp <= 1258) return `windows-${cp}`;
  return 'windows-1252';
}

export async function readRtf(bytes: Uint8Array, file: string): Promise<RtfText> {
  try {
    return parseRtf(bytes);
  } catch (error) {
    if (error instanceof RtfError) throw new PipelineError('ingest', file, error.message, { cause: error });
    throw error;
  }
}

class RtfError extends Error {}

export function parseRtf(bytes: Uint8Array): RtfText {
  const src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const fonts = new Map<number, Font>();
  let codePage = 1252;
  let defaultFont: number | null = null;

  // the document being built: blocks of paragraphs and tables
  const blocks: Block[] = [];
  let paragraph: Paragraph = [];
  let table: Paragraph[][][] | null = null;
  let row: Paragraph[][] = [];
  let cell: Paragraph[] = [];
  let bodyCount = 0;
  let tableCount = 0;
  const path = () =>
    table
      ? `/body/tbl[${tableCount}]/tr[${table.length + 1}]/tc[${row.length + 1}]/p[${cell.length + 1}]`
      : `/body/p[${bodyCount + 1}]`;

  // text waiting to be added to the paragraph: bytes (decoded together) or UTF-16 units
  let pendingBytes: number[] = [];
  let pendingFont: number | null = null;
  let fontEntry: { id: number; name: string; charset: number | null } | null = null;

  let state: State = { dest: 'body', font: null, uc: 1, inTable: false, depth: 1 };
  const stack: State[] = [];
  let skipFallback = 0; // fallback characters of a `\uN` still to skip
  let badEscapes = 0;

  const fontOf = (f: number | null) => (f === null ? undefined : fonts.get(f));
  const addText = (text: string, font: number | null) => {
    if (state.dest === 'fonttbl') {
      if (fontEntry) fontEntry.name += text;
      return;
    }
    if (state.dest !== 'body' || text.length === 0) return;
    const name = fontOf(font)?.name ?? null;
    const last = paragraph[paragraph.length - 1];
    if (last && !last.owe && last.font === name) last.text += text;
    else paragraph.push({ text, font: name, path: path() });
  };
  const flushBytes = () => {
    if (pendingBytes.length === 0) return;
    const font = fontOf(pendingFont);
    const data = Uint8Array.from(pendingBytes);
    let text: string;
    if (font && legacyFont(font.name)) {
      // legacy Vietnamese fonts: the bytes as Latin-1, what legacy.ts converts
      text = Buffer.from(data).toString('latin1');
    } else {
      const label = codePageLabel(font?.codePage ?? codePage);
      text = label === 'windows-1252' ? decodeCp1252(data) : decoder(label).decode(data);
    }
    pendingBytes = [];
    addText(text, pendingFont);
  };
  const addByte = (b: number) => {
    if (state.dest === 'body') placeParagraph();
    if (pendingBytes.length > 0 && pendingFont !== state.font) flushBytes();
    pendingFont = state.font;
    pendingBytes.push(b);
  };
  const text = (t: string) => {
    if (state.dest === 'body') placeParagraph();
    flushBytes();
    addText(t, state.font);
  };

  const endParagraph = () => {
    flushBytes();
    const runs = paragraph;
    paragraph = [];
    if (table) cell.push(runs);
    else {
      blocks.push({ kind: 'paragraph', runs });
      bodyCount++;
    }
  };
  const closeTable = () => {
    if (!table) return;
    if (cell.length > 0) row.push(cell);
    if (row.length > 0) table.push(row);
    blocks.push({ kind: 'table', rows: table });
    table = null;
    row = [];
    cell = [];
  };
  /** Text in a table paragraph opens a table; text outside one closes it. */
  const placeParagraph = () => {
    if (state.dest !== 'body') return;
    if (state.inTable && !table) {
      flushBytes();
      // text before `\intbl` in the same paragraph belongs to the body
      if (paragraph.length > 0) endParagraph();
      table = [];
      tableCount++;
      row = [];
      cell = [];
    } else if (!state.inTable && table && paragraph.length === 0) {
      closeTable();
    }
  };

  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (c === '{') {
      flushBytes();
      skipFallback = 0;
      if (stack.length >= MAX_DEPTH) throw new RtfError(`corrupt RTF (groups nested more than ${MAX_DEPTH} deep)`);
      stack.push(state);
      state = { ...state };
      i++;
      // `{\*\dest …}`: a destination a reader may skip when it does not know it
      if (src.startsWith('\\*', i)) state.dest = 'skip';
      continue;
    }
    if (c === '}') {
      flushBytes();
      skipFallback = 0;
      if (state.dest === 'fonttbl') finishFont();
      const outer = stack.pop();
      if (!outer) throw new RtfError(`RTF has unbalanced groups (a "}" with no "{" at byte ${i})`);
      state = outer;
      i++;
      if (stack.length === 0) break; // the document's group is closed: anything after is not RTF
      continue;
    }
    if (c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c !== '\\') {
      i++;
      if (skipFallback > 0) {
        skipFallback--;
        continue;
      }
      if (state.dest === 'fonttbl' && c === ';') {
        finishFont();
        continue;
      }
      if (state.dest !== 'skip') {
        if (c === '\t') text('\t');
        else addByte(c.charCodeAt(0));
      }
      continue;
    }
    // a control symbol or word
    const next = src[i + 1];
    if (next === undefined) break;
    if (next === "'") {
      const hex = src.slice(i + 2, i + 4);
      i += 4;
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
        // Word skips a malformed escape; so does this reader, and says so
        badEscapes++;
        i -= 2;
        continue;
      }
      if (skipFallback > 0) {
        skipFallback--;
        continue;
      }
      if (state.dest !== 'skip') addByte(parseInt(hex, 16));
      continue;
    }
    if (!/[a-zA-Z]/.test(next)) {
      i += 2;
      if (skipFallback > 0 && next !== '\n' && next !== '\r') {
        skipFallback--;
        continue;
      }
      if (next === '\\' || next === '{' || next === '}') {
        if (state.dest !== 'skip') addByte(next.charCodeAt(0));
      } else if (next === '~') text('\u00a0');
      else if (next === '-') text('\u00ad');
      else if (next === '_') text('-');
      else if (next === '\n' || next === '\r') {
        if (state.dest === 'body') endParagraph(); // `\` before a newline is `\par`
      }
      continue;
    }
    const m = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(src.slice(i + 1, i + 48))!;
    i += 1 + m[0].length;
    const word = m[1]!;
    const arg = m[2] === undefined ? null : Number(m[2]);
    if (word === 'bin') {
      // binary data of `arg` bytes: never text
      i += Math.max(0, arg ?? 0);
      continue;
    }
    if (skipFallback > 0) {
      skipFallback--;
      continue;
    }
    control(word, arg);
  }
  if (stack.length > 0) throw new RtfError(`RTF has unbalanced groups (${stack.length} not closed: the file is cut short)`);
  flushBytes();
  if (paragraph.length > 0) endParagraph();
  closeTable();

  const out = layOut(blocks);
  const warnings: string[] = [];
  if (badEscapes > 0) warnings.push(`RTF has ${badEscapes} malformed \\' escape${badEscapes === 1 ? '' : 's'} (skipped)`);
  if (out.length === 0) warnings.push('RTF has no text');
  return out.result(warnings);

  function finishFont(): void {
    if (!fontEntry) return;
    flushBytes(); // the name's last bytes
    const name = fontEntry.name.replace(/;$/, '').trim();
    const cp = fontEntry.charset === null ? null : (CHARSET_CODE_PAGES[fontEntry.charset] ?? null);
    fonts.set(fontEntry.id, { name, codePage: fontEntry.charset === 0 ? null : cp });
    fontEntry = null;
  }

  function control(word: string, arg: number | null): void {
    if (state.dest === 'fonttbl') {
      if (word === 'f' && arg !== null) fontEntry = { id: arg, name: '', charset: null };
      else if (word === 'fcharset' && fontEntry && arg !== null) fontEntry.charset = arg;
      else if (SKIPPED.has(word) || word === 'panose' || word === 'falt') state.dest = 'skip';
      return;
    }
    if (state.dest === 'skip') return;
    if (word === 'fonttbl') {
      state.dest = 'fonttbl';
      return;
    }
    if (SKIPPED.has(word)) {
      flushBytes();
      state.dest = 'skip';
      return;
    }
    switch (word) {
      case 'ansicpg':
        if (arg !== null) codePage = arg;
        return;
      case 'deff':
        defaultFont = arg;
        state.font = arg;
        return;
      case 'f':
        flushBytes();
        state.font = arg;
        return;
      case 'plain':
        flushBytes();
        state.font = defaultFont;
        return;
      case 'uc':
        state.uc = Math.max(0, arg ?? 1);
        return;
      case 'u': {
        if (arg === null) return;
        // a UTF-16 code unit; two in a row make a surrogate pair, joined when the run is read
        text(String.fromCharCode(arg < 0 ? arg + 0x10000 : arg));
        skipFallback = state.uc;
        return;
      }
      case 'pard':
        state.inTable = false;
        state.depth = 1;
        return;
      case 'intbl':
        state.inTable = true;
        return;
      case 'itap':
        state.depth = arg ?? 1;
        if (state.depth === 0) state.inTable = false;
        else state.inTable = true;
        return;
      case 'par':
      case 'sect':
      case 'page':
        if (state.dest !== 'body') return;
        placeParagraph();
        endParagraph();
        return;
      case 'line':
        flushBytes();
        paragraph.push({ text: '', owe: '\n' });
        return;
      case 'tab':
        text('\t');
        return;
      case 'cell':
        if (state.depth > 1) return void endParagraph(); // a nested cell stays in its outer cell
        if (!table) placeParagraph();
        if (!table) return; // a `\cell` outside a table: take it for a paragraph end
        endParagraph();
        row.push(cell);
        cell = [];
        return;
      case 'nestcell':
        endParagraph();
        return;
      case 'row':
        if (!table) return;
        flushBytes();
        if (paragraph.length > 0) endParagraph();
        if (cell.length > 0) row.push(cell);
        table.push(row);
        row = [];
        cell = [];
        return;
      default:
        if (word in SYMBOLS) text(SYMBOLS[word]!);
    }
  }
}
