/**
 * Word 97–2003 (`.doc`, MS-DOC) read from its own structures: the piece table gives the main
 * text's characters, the paragraph properties (PAPX) tell table cells and row ends apart, and the
 * character properties (CHPX, through the styles) give each run's font, which names a legacy
 * encoding (`.VnTime` is TCVN3). Headers, footers, footnotes and text boxes are other stories
 * after the main text and are left out, as docx.ts leaves them out; field codes are dropped and
 * their results kept.
 *
 * word-extractor (the npm `.doc` reader, tried and not used: docs/design.md) reads the same files
 * but returns one cleaned string: cell and row ends both turned into tabs and newlines, no fonts,
 * no character positions. Those three are what this reader needs, so it reads the structures
 * itself; the text layout is flow.ts's.
 */
import { PipelineError } from '../errors.js';
import { decodeCp1252 } from './cp1252.js';
import { layOut, type Block, type FlowText, type Paragraph, type Run } from './flow.js';
import { OleError, readOle } from './ole.js';

export type DocText = FlowText;

/** A character property run (file positions in the WordDocument stream) and its sprms. */
interface PropRun {
  start: number;
  end: number;
  sprms: Sprm[];
}

interface Sprm {
  op: number;
  /** The operand's bytes. */
  arg: Uint8Array;
}

// sprm opcodes (MS-DOC 2.6)
const SPRM_C_FTC0 = 0x4a4f; // the run's font for ASCII characters
const SPRM_C_ISTD = 0x4a30; // a character style
const SPRM_C_DELETED = 0x0800; // tracked deletion
const SPRM_P_IN_TABLE = 0x2416;
const SPRM_P_TTP = 0x2417; // this paragraph mark ends a table row
const SPRM_P_ITAP = 0x6649; // table depth (Word 2000+)
const SPRM_P_INNER_TTP = 0x244c; // row end of a nested table
const SPRM_T_DEF_TABLE = 0xd608; // its operand's length is a 2-byte count

export async function readDoc(bytes: Uint8Array, file: string): Promise<DocText> {
  try {
    return parseDoc(bytes);
  } catch (error) {
    if (error instanceof OleError) throw new PipelineError('ingest', file, `${error.kind} .doc (${error.detail})`, { cause: error });
    if (error instanceof DocError) throw new PipelineError('ingest', file, error.message, { cause: error });
    // a bounds error of a typed array on a corrupt structure: name it, do not crash with a stack
    if (error instanceof RangeError || error instanceof TypeError) {
      throw new PipelineError('ingest', file, 'corrupt .doc (a structure points outside its stream)', { cause: error });
    }
    throw error;
  }
}

class DocError extends Error {}

function parseDoc(bytes: Uint8Array): DocText {
  const ole = readOle(bytes);
  const word = ole.stream('WordDocument');
  if (!word) throw new DocError('unreadable .doc (no WordDocument stream)');
  if (word.length < 0x1aa) throw new DocError('truncated .doc (the file information block is cut short)');
  const fib = new DataView(word.buffer, word.byteOffset, word.byteLength);
  const u16 = (at: number) => fib.getUint16(at, true);
  const u32 = (at: number) => fib.getUint32(at, true);
  if (u16(0) !== 0xa5ec) throw new DocError('corrupt .doc (no Word file information block)');
  const nFib = u16(2);
  if (nFib < 101) throw new DocError('Word 6/95 .doc is not supported: save it as DOCX');
  const flags = u16(0x0a);
  // fEncrypted: the text is RC4- or XOR-encrypted with a password (fObfuscated: XOR)
  if (flags & 0x0100) throw new DocError('.doc is password-protected');
  const table = ole.stream(flags & 0x0200 ? '1Table' : '0Table');
  if (!table) throw new DocError('corrupt .doc (its table stream is missing)');
  const ccpText = u32(0x4c);
  const slice = (fc: number, lcb: number, what: string): Uint8Array => {
    if (fc + lcb > table.length) throw new DocError(`truncated .doc (the ${what} lies past the end of the table stream)`);
    return table.subarray(fc, fc + lcb);
  };

  const pieces = readPieces(slice(u32(0x1a2), u32(0x1a6), 'piece table'), word);
  const fonts = readFontNames(slice(u32(0x112), u32(0x116), 'font table'));
  const styles = readStyles(slice(u32(0xa2), u32(0xa6), 'style sheet'));
  const chpx = readFkps(slice(u32(0xfa), u32(0xfe), 'character property table'), word, 'chpx');
  const papx = readFkps(slice(u32(0x102), u32(0x106), 'paragraph property table'), word, 'papx');

  // the main text, character by character with its file position (for the property runs)
  const paragraphs: { chars: { c: string; fc: number }[]; end: string; fc: number }[] = [];
  let chars: { c: string; fc: number }[] = [];
  let seen = 0;
  for (const piece of pieces) {
    for (let k = 0; k < piece.text.length && seen < ccpText; k++, seen++) {
      const c = piece.text[k]!;
      const fc = piece.fc + k * piece.bytesPerChar;
      if (c === '\r' || c === '\x07') {
        paragraphs.push({ chars, end: c, fc });
        chars = [];
      } else {
        chars.push({ c, fc });
      }
    }
  }
  if (chars.length > 0) paragraphs.push({ chars, end: '\r', fc: chars[chars.length - 1]!.fc });
  if (seen < ccpText) throw new DocError('truncated .doc (the piece table holds less text than the document)');

  const chpxAt = lookup(chpx);
  const papxAt = lookup(papx);
  const fontOf = (fc: number, paragraphStyle: number): string | null => {
    let ftc: number | null = null;
    let charStyle: number | null = null;
    for (const s of chpxAt(fc)) {
      if (s.op === SPRM_C_FTC0) ftc = u16of(s.arg);
      if (s.op === SPRM_C_ISTD) charStyle = u16of(s.arg);
    }
    ftc ??= (charStyle !== null ? styles.font(charStyle) : null) ?? styles.font(paragraphStyle) ?? styles.defaultFont;
    return ftc === null ? null : (fonts[ftc] ?? null);
  };
  const deleted = (fc: number): boolean => chpxAt(fc).some((s) => s.op === SPRM_C_DELETED && (s.arg[0]! & 1) === 1);

  // paragraphs → blocks: table paragraphs gather into rows (a row ends at a paragraph with fTtp)
  const blocks: Block[] = [];
  const fields: ('code' | 'result')[] = [];
  let body = 0;
  let tables = 0;
  let rows: Paragraph[][][] | null = null;
  let cells: Paragraph[][] = [];
  let cell: Paragraph[] = [];
  for (const para of paragraphs) {
    const props = papxAt(para.fc, true);
    const istd = props.istd;
    let inTable = false;
    let rowEnd = false;
    let innerRowEnd = false;
    let depth = 1;
    for (const s of props.sprms) {
      if (s.op === SPRM_P_IN_TABLE) inTable = s.arg[0] === 1;
      if (s.op === SPRM_P_TTP) rowEnd = s.arg[0] === 1;
      if (s.op === SPRM_P_ITAP && s.arg.length === 4) depth = new DataView(s.arg.buffer, s.arg.byteOffset, 4).getInt32(0, true);
      if (s.op === SPRM_P_INNER_TTP) innerRowEnd = s.arg[0] === 1;
    }
    // a nested table's text stays in its outer cell, one paragraph per line
    const nested = inTable && depth > 1;
    if (nested && innerRowEnd) continue;
    if (!inTable && rows) {
      blocks.push({ kind: 'table', rows });
      rows = null;
    }
    if (inTable && !rows) {
      rows = [];
      tables++;
      cells = [];
      cell = [];
    }
    const path = rows
      ? `/body/tbl[${tables}]/tr[${rows.length + 1}]/tc[${cells.length + 1}]/p[${cell.length + 1}]`
      : `/body/p[${++body}]`;
    if (rows && rowEnd) {
      // the row-end mark holds no text: it closes the row
      rows.push(cells);
      cells = [];
      cell = [];
      continue;
    }
    const runs = toRuns(para.chars.filter((ch) => !deleted(ch.fc)), (fc) => fontOf(fc, istd), path, fields);
    if (rows) {
      cell.push(runs);
      if (para.end === '\x07' && !nested) {
        cells.push(cell);
        cell = [];
      }
    } else {
      blocks.push({ kind: 'paragraph', runs });
    }
  }
  if (rows) blocks.push({ kind: 'table', rows: cells.length > 0 ? [...rows, cells] : rows });

  const out = layOut(blocks);
  return out.result(out.length === 0 ? ['.doc has no text'] : []);
}

/**
 * A paragraph's characters as runs of one font, with Word's marks turned into text: a field's
 * instructions dropped and its result kept (`{PAGE}` → `3`), a line break (0x0B) and page or
 * section break (0x0C) a new line, a non-breaking hyphen (0x1E) a hyphen, an optional hyphen
 * (0x1F) a soft hyphen; object anchors (pictures, footnote marks) are dropped.
 */
export function toRuns(
  chars: { c: string; fc: number }[],
  fontOf: (fc: number) => string | null,
  path: string,
  /** Open fields, innermost last: carried from paragraph to paragraph, as a field may span several. */
  fields: ('code' | 'result')[] = [],
): Run[] {
  const runs: Run[] = [];
  // inside a field's instruction (before its separator 0x14) characters are dropped
  for (const { c, fc } of chars) {
    if (c === '\x13') {
      fields.push('code');
      continue;
    }
    if (c === '\x14') {
      if (fields.length > 0) fields[fields.length - 1] = 'result';
      continue;
    }
    if (c === '\x15') {
      fields.pop();
      continue;
    }
    if (fields.includes('code')) continue;
    if (c === '\x0b' || c === '\x0c') {
      runs.push({ text: '', owe: '\n' });
      continue;
    }
    // Word stores a soft hyphen as 0x1F; it stays one (U+00AD, which normalise drops) because in a
    // .VnTime font the same code is the letter ư
    const text = c === '\x1e' ? '-' : c === '\x1f' ? '\u00ad' : c === '\t' ? '\t' : c < ' ' ? '' : c;
    if (!text) continue;
    const font = fontOf(fc);
    const last = runs[runs.length - 1];
    if (last && !last.owe && last.font === font) last.text += text;
    else runs.push({ text, font, path });
  }
  return runs;
}

interface Piece {
  text: string;
  fc: number;
  bytesPerChar: 1 | 2;
}

/** The Clx: property modifiers (skipped) then the piece table, CPs and piece descriptors. */
function readPieces(clx: Uint8Array, word: Uint8Array): Piece[] {
  const v = new DataView(clx.buffer, clx.byteOffset, clx.byteLength);
  let at = 0;
  while (at < clx.length && clx[at] === 0x01) at += 3 + v.getUint16(at + 1, true);
  if (clx[at] !== 0x02) throw new DocError('corrupt .doc (no piece table)');
  const lcb = v.getUint32(at + 1, true);
  at += 5;
  if (at + lcb > clx.length || (lcb - 4) % 12 !== 0) throw new DocError('corrupt .doc (the piece table is cut short)');
  const n = (lcb - 4) / 12;
  const pieces: Piece[] = [];
  for (let k = 0; k < n; k++) {
    const cpStart = v.getUint32(at + 4 * k, true);
    const cpEnd = v.getUint32(at + 4 * (k + 1), true);
    const raw = v.getUint32(at + 4 * (n + 1) + 8 * k + 2, true);
    // fCompressed: 8-bit text in code page 1252 at half the stored offset; else UTF-16LE
    const compressed = (raw & 0x40000000) !== 0;
    const fc = compressed ? (raw & ~0x40000000) / 2 : raw;
    const bytesPerChar = compressed ? 1 : 2;
    const length = (cpEnd - cpStart) * bytesPerChar;
    if (cpEnd < cpStart || fc + length > word.length) throw new DocError('truncated .doc (its text lies past the end of the file)');
    const data = word.subarray(fc, fc + length);
    const text = compressed ? decodeCp1252(data) : Buffer.from(data).toString('utf16le');
    pieces.push({ text, fc, bytesPerChar });
  }
  return pieces;
}

/** SttbfFfn: the font names, by index (ftc). */
function readFontNames(sttb: Uint8Array): string[] {
  if (sttb.length < 4) return [];
  const v = new DataView(sttb.buffer, sttb.byteOffset, sttb.byteLength);
  const count = v.getUint16(0, true);
  const names: string[] = [];
  let at = 4;
  for (let k = 0; k < count && at < sttb.length; k++) {
    const cb = sttb[at]!;
    // FFN: ffid, wWeight, chs, ixchSzAlt, panose[10], fs[24], then the name (UTF-16, 0-terminated)
    const name = Buffer.from(sttb.subarray(at + 40, at + 1 + cb)).toString('utf16le');
    names.push(name.split('\0')[0]!);
    at += 1 + cb;
  }
  return names;
}

interface Styles {
  defaultFont: number | null;
  /** The font a style sets, through its base styles; null when none does. */
  font(istd: number): number | null;
}

/** The style sheet (STSH): each style's base and the font its character properties set. */
function readStyles(stsh: Uint8Array): Styles {
  const none: Styles = { defaultFont: null, font: () => null };
  if (stsh.length < 20) return none;
  const v = new DataView(stsh.buffer, stsh.byteOffset, stsh.byteLength);
  const cbStshi = v.getUint16(0, true);
  const count = v.getUint16(2, true);
  const cbStdBase = v.getUint16(4, true);
  const defaultFont = v.getUint16(2 + 12, true); // rgftcStandardChpStsh[0]
  const base: number[] = [];
  const fonts: (number | null)[] = [];
  let at = 2 + cbStshi;
  for (let istd = 0; istd < count && at + 2 <= stsh.length; istd++) {
    const cbStd = v.getUint16(at, true);
    const std = at + 2;
    at = std + cbStd;
    base.push(0xfff);
    fonts.push(null);
    if (cbStd === 0 || at > stsh.length) continue;
    const stk = v.getUint16(std + 2, true) & 0x000f;
    base[istd] = v.getUint16(std + 2, true) >> 4;
    const cupx = v.getUint16(std + 4, true) & 0x000f;
    // the name (a length, UTF-16 characters and a 0 terminator), then the UPXs, each padded to even
    let p = std + cbStdBase;
    p += 2 + 2 * v.getUint16(p, true) + 2;
    for (let u = 0; u < cupx && p + 2 <= at; u++) {
      if (p % 2 === 1) p++;
      const cbUpx = v.getUint16(p, true);
      const upx = stsh.subarray(p + 2, p + 2 + cbUpx);
      p += 2 + cbUpx;
      // paragraph styles: UPX 1 is the PAPX (istd, sprms), UPX 2 the CHPX; character styles: UPX 1 is the CHPX
      const isChpx = (stk === 1 && u === 1) || (stk === 2 && u === 0);
      if (!isChpx) continue;
      for (const s of sprms(upx)) if (s.op === SPRM_C_FTC0) fonts[istd] = u16of(s.arg);
    }
  }
  const font = (istd: number): number | null => {
    for (let k = istd, hops = 0; k < fonts.length && hops < 16; k = base[k]!, hops++) {
      if (fonts[k] !== null && fonts[k] !== undefined) return fonts[k]!;
      if (base[k] === 0xfff) break;
    }
    return null;
  };
  return { defaultFont, font };
}

/**
 * The formatted disk pages (FKP) a bin table points to: runs of file positions with their sprms
 * (CHPX), or with a style and sprms (PAPX).
 */
function readFkps(plc: Uint8Array, word: Uint8Array, kind: 'chpx' | 'papx'): (PropRun & { istd: number })[] {
  if (plc.length < 4) return [];
  const v = new DataView(plc.buffer, plc.byteOffset, plc.byteLength);
  const n = (plc.length - 4) / 8;
  const runs: (PropRun & { istd: number })[] = [];
  for (let k = 0; k < n; k++) {
    const pn = v.getUint32(4 * (n + 1) + 4 * k, true) & 0x3fffff;
    if ((pn + 1) * 512 > word.length) throw new DocError('truncated .doc (a property page lies past the end of the file)');
    const page = word.subarray(pn * 512, (pn + 1) * 512);
    const pv = new DataView(page.buffer, page.byteOffset, 512);
    const crun = page[511]!;
    for (let j = 0; j < crun; j++) {
      const start = pv.getUint32(4 * j, true);
      const end = pv.getUint32(4 * (j + 1), true);
      if (kind === 'chpx') {
        const offset = page[4 * (crun + 1) + j]! * 2;
        const grpprl = offset === 0 ? new Uint8Array(0) : page.subarray(offset + 1, offset + 1 + page[offset]!);
        runs.push({ start, end, sprms: sprms(grpprl), istd: 0 });
      } else {
        const offset = page[4 * (crun + 1) + 13 * j]! * 2;
        if (offset === 0) {
          runs.push({ start, end, sprms: [], istd: 0 });
          continue;
        }
        const cb = page[offset]!;
        const papx = cb !== 0 ? page.subarray(offset + 1, offset + 1 + 2 * cb - 1) : page.subarray(offset + 2, offset + 2 + 2 * page[offset + 1]!);
        const istd = papx.length >= 2 ? papx[0]! | (papx[1]! << 8) : 0;
        runs.push({ start, end, sprms: sprms(papx.subarray(2)), istd });
      }
    }
  }
  return runs.sort((a, b) => a.start - b.start);
}

/** The property run holding a file position (binary search over sorted runs). */
function lookup(runs: (PropRun & { istd: number })[]) {
  function at(fc: number): Sprm[];
  function at(fc: number, withStyle: true): { sprms: Sprm[]; istd: number };
  function at(fc: number, withStyle?: true) {
    let lo = 0;
    let hi = runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = runs[mid]!;
      if (fc < r.start) hi = mid - 1;
      else if (fc >= r.end) lo = mid + 1;
      else return withStyle ? { sprms: r.sprms, istd: r.istd } : r.sprms;
    }
    return withStyle ? { sprms: [], istd: 0 } : [];
  }
  return at;
}

/** A grpprl: opcodes with operands whose size the opcode's spra bits give. */
function sprms(grpprl: Uint8Array): Sprm[] {
  const out: Sprm[] = [];
  const v = new DataView(grpprl.buffer, grpprl.byteOffset, grpprl.byteLength);
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const op = v.getUint16(at, true);
    at += 2;
    const spra = op >> 13;
    let size: number;
    if (op === SPRM_T_DEF_TABLE) {
      if (at + 2 > grpprl.length) break;
      size = 2 + v.getUint16(at, true) - 1;
    } else if (spra === 6) {
      if (at >= grpprl.length) break;
      size = 1 + grpprl[at]!;
    } else {
      size = [1, 1, 2, 4, 2, 2, 0, 3][spra]!;
    }
    out.push({ op, arg: grpprl.subarray(at, at + size) });
    at += size;
  }
  return out;
}

function u16of(arg: Uint8Array): number {
  return (arg[0] ?? 0) | ((arg[1] ?? 0) << 8);
}
