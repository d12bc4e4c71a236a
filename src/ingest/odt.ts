/**
 * OpenDocument text (.odt): `content.xml` read as a DOM (jszip for the package, @xmldom/xmldom for
 * the XML), written with the DOCX reader's conventions (flow.ts): one paragraph per line, a blank
 * line between body paragraphs, a two-column header table read column by column, other tables one
 * row per line with tab-separated cells. Every piece of text is located by an XPath-like path:
 * `/body/p[12]` (text of the paragraph itself), `/body/p[12]/span[1]`, `/body/h[2]`,
 * `/body/list[1]/li[3]/p[1]`, `/body/table[1]/tr[1]/tc[2]/p[1]` (`tr`, `tc`: row and column of the
 * table's grid, counting repeated and covered cells). A span's font comes from its style (content
 * styles, then the common styles of `styles.xml`, then the paragraph's, then the default style):
 * `.VnTime…` is TCVN3, `VNI-…` VNI, as in DOCX.
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { PipelineError } from '../errors.js';
import { FlowWriter, type FlowText } from './flow.js';
import { zipBombReason } from './zip.js';

const NS = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  draw: 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  svg: 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
  manifest: 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
} as const;

/** Repetitions (`table:number-rows-repeated`, `…-columns-repeated`) written out, at most. */
const MAX_REPEAT = 1_000;
/** Elements nested deeper than this are not read (a hostile file must not exhaust the stack). */
const MAX_DEPTH = 200;

export async function readOdt(bytes: Uint8Array, file: string): Promise<FlowText> {
  const fail = (reason: string, cause?: unknown) => new PipelineError('ingest', file, reason, cause === undefined ? undefined : { cause });
  const bomb = zipBombReason(bytes);
  if (bomb) throw fail(`ODT refused: ${bomb}`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    const message = firstLine(error);
    if (/end of central directory|end of data|corrupted zip/i.test(message)) throw fail('truncated ODT (not a valid zip)', error);
    throw fail(`unreadable ODT (${message})`, error);
  }
  const part = async (name: string): Promise<string | null> => {
    const entry = zip.file(name);
    if (!entry) return null;
    try {
      return await entry.async('string');
    } catch (error) {
      throw fail(`unreadable ODT (${name}: ${firstLine(error)})`, error);
    }
  };
  // the manifest says how each part is encrypted; encrypted parts are not XML at all
  const manifest = await part('META-INF/manifest.xml');
  if (manifest !== null) {
    const doc = parseXml(manifest, 'META-INF/manifest.xml', fail);
    if (doc.getElementsByTagNameNS(NS.manifest, 'encryption-data').length > 0) throw fail('ODT is password-protected');
  }
  const content = await part('content.xml');
  if (content === null) throw fail('unreadable ODT (no content.xml)');
  const contentDoc = parseXml(content, 'content.xml', fail);
  const stylesXml = await part('styles.xml');
  const styles = new Styles();
  if (stylesXml !== null) styles.addCommon(parseXml(stylesXml, 'styles.xml', fail).documentElement!);
  styles.addContent(contentDoc.documentElement!);
  const body = child(child(contentDoc.documentElement, NS.office, 'body'), NS.office, 'text');
  if (!body) throw fail('unreadable ODT (content.xml has no office:text body)');
  const reader = new Reader(styles);
  reader.blocks(body, '/body', '\n\n', 0);
  if (reader.out.length === 0) throw fail('ODT has no text');
  return reader.out.result(reader.warnings);
}

/** A part as a DOM; entities other than XML's own are errors, never expanded or fetched. */
function parseXml(xml: string, name: string, fail: (reason: string, cause?: unknown) => PipelineError) {
  let problem: string | null = null;
  try {
    return new DOMParser({
      locator: false,
      onError: (level, message) => {
        if (level === 'warning') return;
        problem ??= message;
        throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (error) {
    throw fail(`unreadable ODT (${name} is not well-formed XML: ${firstLine(problem ?? error)})`, error);
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.trim();
}

const isElement = (node: Node | null | undefined): node is Element => node?.nodeType === 1;
const is = (node: Node, ns: string, name: string) => isElement(node) && node.namespaceURI === ns && node.localName === name;

function children(node: Node | null | undefined): Element[] {
  const out: Element[] = [];
  for (let c = node?.firstChild ?? null; c; c = c.nextSibling) if (isElement(c)) out.push(c);
  return out;
}

function child(node: Node | null | undefined, ns: string, name: string): Element | null {
  return children(node).find((c) => is(c, ns, name)) ?? null;
}

/** A whole-number attribute such as `table:number-columns-repeated`, at least 1. */
function count(el: Element, ns: string, name: string): number {
  const n = Number(el.getAttributeNS(ns, name));
  return Number.isInteger(n) && n > 1 ? n : 1;
}

/**
 * Font families by style. The text of a paragraph is set in its span's style's font, else the
 * paragraph style's, each looked up along the style's parents, then in the family's default style.
 */
class Styles {
  private styles = new Map<string, { parent: string | null; font: string | null }>();
  private defaults = new Map<string, string>();
  private faces = new Map<string, string>();

  /** styles.xml: font faces, default styles and common styles (its automatic styles serve page headers only). */
  addCommon(root: Element): void {
    this.addFaces(root);
    for (const el of children(child(root, NS.office, 'styles'))) this.addStyle(el);
  }

  /** content.xml: font faces and the automatic styles of the body. */
  addContent(root: Element): void {
    this.addFaces(root);
    for (const el of children(child(root, NS.office, 'automatic-styles'))) this.addStyle(el);
  }

  private addFaces(root: Element): void {
    for (const face of children(child(root, NS.office, 'font-face-decls'))) {
      if (!is(face, NS.style, 'font-face')) continue;
      const family = face.getAttributeNS(NS.svg, 'font-family')?.replace(/^['"]|['"]$/g, '');
      this.faces.set(face.getAttributeNS(NS.style, 'name') ?? '', family || (face.getAttributeNS(NS.style, 'name') ?? ''));
    }
  }

  private addStyle(el: Element): void {
    const family = el.getAttributeNS(NS.style, 'family') ?? '';
    const props = child(el, NS.style, 'text-properties');
    const fontName = props?.getAttributeNS(NS.style, 'font-name');
    const font = fontName ? (this.faces.get(fontName) ?? fontName) : props?.getAttributeNS(NS.fo, 'font-family')?.replace(/^['"]|['"]$/g, '') || null;
    if (is(el, NS.style, 'default-style')) {
      if (font) this.defaults.set(family, font);
    } else if (is(el, NS.style, 'style')) {
      this.styles.set(`${family}:${el.getAttributeNS(NS.style, 'name') ?? ''}`, { parent: el.getAttributeNS(NS.style, 'parent-style-name'), font });
    }
  }

  /** The font a style sets, along its parents; `fallback` when none does. */
  font(family: 'paragraph' | 'text', name: string | null, fallback: string | null): string | null {
    const seen = new Set<string>();
    for (let n = name; n && !seen.has(n); ) {
      seen.add(n);
      const style = this.styles.get(`${family}:${n}`);
      if (!style) break;
      if (style.font) return style.font;
      n = style.parent;
    }
    return family === 'paragraph' ? (this.defaults.get('paragraph') ?? fallback) : fallback;
  }
}

/** Per paragraph: nothing written yet, or the last character written was collapsible white space. */
interface Spacing {
  skip: boolean;
}

class Reader {
  readonly out = new FlowWriter();
  readonly warnings: string[] = [];
  private deep = false;

  constructor(private readonly styles: Styles) {}

  private tooDeep(depth: number): boolean {
    if (depth <= MAX_DEPTH) return false;
    if (!this.deep) this.warnings.push(`ODT nests elements more than ${MAX_DEPTH} deep; the deeper text is not read`);
    this.deep = true;
    return true;
  }

  /**
   * Paragraphs, headings, lists, tables and sections in reading order. Body paragraphs are
   * separated by a blank line, paragraphs inside a table cell by a newline (`separator`).
   */
  blocks(parent: Element, path: string, separator: string, depth: number): void {
    if (this.tooDeep(depth)) return;
    const next = counter(path);
    for (const el of children(parent)) {
      if (is(el, NS.text, 'p') || is(el, NS.text, 'h')) {
        this.out.owe(separator);
        this.paragraph(el, next(el.localName!), depth);
        this.out.owe(separator);
      } else if (is(el, NS.text, 'list')) {
        const listPath = next('list');
        const item = counter(listPath);
        for (const li of children(el)) {
          if (is(li, NS.text, 'list-item') || is(li, NS.text, 'list-header')) this.blocks(li, item('li'), separator, depth + 2);
        }
      } else if (is(el, NS.table, 'table')) {
        this.table(el, next('table'), depth + 1);
      } else if (
        is(el, NS.text, 'section') ||
        (el.namespaceURI === NS.text && /-index$|^table-of-content$|^bibliography$|^index-body$/.test(el.localName ?? ''))
      ) {
        // sections and generated indexes (a table of contents) hold paragraphs of their own
        this.blocks(el, next(el.localName!), separator, depth + 1);
      }
      // anything else at block level is not text: declarations, tracked deletions, forms
    }
  }

  paragraph(el: Element, path: string, depth: number): void {
    const font = this.styles.font('paragraph', el.getAttributeNS(NS.text, 'style-name'), null);
    this.inline(el, path, font, { skip: true }, new Map(), depth + 1);
  }

  /** The text of a paragraph or span; spans and links get paths of their own below `path`. */
  private inline(parent: Element, path: string, font: string | null, spacing: Spacing, counts: Map<string, number>, depth: number): void {
    if (this.tooDeep(depth)) return;
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3 || node.nodeType === 4) {
        // ODF white space: runs of space, tab and line ends are one space, none at the start
        let text = (node.nodeValue ?? '').replace(/[ \t\r\n]+/g, ' ');
        if (spacing.skip && text.startsWith(' ')) text = text.slice(1);
        if (text.length === 0) continue;
        this.out.push(text, path, font);
        spacing.skip = text.endsWith(' ');
        continue;
      }
      if (!isElement(node)) continue;
      const el = node;
      if (el.namespaceURI === NS.text) {
        switch (el.localName) {
          case 's':
            this.out.push(' '.repeat(Math.min(count(el, NS.text, 'c'), MAX_REPEAT)), path, font);
            spacing.skip = false;
            continue;
          case 'tab':
            this.out.push('\t');
            spacing.skip = false;
            continue;
          case 'line-break':
            this.out.owe('\n');
            spacing.skip = true;
            continue;
          case 'span': {
            const spanFont = this.styles.font('text', el.getAttributeNS(NS.text, 'style-name'), font);
            this.inline(el, nextIn(path, counts, 'span'), spanFont, spacing, new Map(), depth + 1);
            continue;
          }
          case 'a':
            this.inline(el, nextIn(path, counts, 'a'), font, spacing, new Map(), depth + 1);
            continue;
          // notes, marks and tracked-change markers are not the paragraph's running text
          case 'note':
          case 'bookmark':
          case 'bookmark-start':
          case 'bookmark-end':
          case 'reference-mark':
          case 'reference-mark-start':
          case 'reference-mark-end':
          case 'toc-mark':
          case 'toc-mark-start':
          case 'toc-mark-end':
          case 'alphabetical-index-mark':
          case 'alphabetical-index-mark-start':
          case 'alphabetical-index-mark-end':
          case 'change':
          case 'change-start':
          case 'change-end':
          case 'soft-page-break':
            continue;
        }
      }
      if (el.namespaceURI === NS.office) continue; // annotations (comments)
      if (is(el, NS.draw, 'frame')) {
        // a text box holds paragraphs of its own; images and other shapes have no text to read
        const frame = nextIn(path, counts, 'frame');
        for (const box of children(el)) {
          if (!is(box, NS.draw, 'text-box')) continue;
          this.out.owe('\n');
          this.blocks(box, `${frame}/text-box[1]`, '\n', depth + 1);
          this.out.owe('\n');
          spacing.skip = true;
        }
        continue;
      }
      if (el.namespaceURI === NS.draw) continue;
      // fields (dates, page numbers, sequences), ruby, meta: their text is the paragraph's
      this.inline(el, path, font, spacing, counts, depth + 1);
    }
  }

  private table(el: Element, path: string, depth: number): void {
    if (this.tooDeep(depth)) return;
    // a covered cell (a place of a merged cell) is written empty, keeping the row's cells at their columns
    const rows = tableGrid(el).map((row) =>
      row.cells.map((cell) => (cell.covered ? null : { el: cell.el, path: `${path}/tr[${row.index}]/tc[${cell.index}]` })),
    );
    this.out.table(
      rows,
      (cell) => this.blocks(cell.el, cell.path, '\n', depth + 1),
      (cell) => this.cellLine(cell.el, cell.path, { first: true }, depth + 1),
    );
  }

  /** The paragraphs of a table cell (also inside its lists, sections and nested tables), space-separated. */
  private cellLine(parent: Element, path: string, state: { first: boolean }, depth: number): void {
    if (this.tooDeep(depth)) return;
    const next = counter(path);
    for (const el of children(parent)) {
      if (is(el, NS.text, 'p') || is(el, NS.text, 'h')) {
        if (!state.first) this.out.owe(' ');
        const before = this.out.length;
        this.paragraph(el, next(el.localName!), depth);
        if (this.out.length > before) state.first = false;
      } else if (is(el, NS.text, 'list')) {
        const listPath = next('list');
        const item = counter(listPath);
        for (const li of children(el)) {
          if (is(li, NS.text, 'list-item') || is(li, NS.text, 'list-header')) this.cellLine(li, item('li'), state, depth + 2);
        }
      } else if (is(el, NS.table, 'table')) {
        const tablePath = next('table');
        for (const row of tableGrid(el)) {
          for (const cell of row.cells) if (!cell.covered) this.cellLine(cell.el, `${tablePath}/tr[${row.index}]/tc[${cell.index}]`, state, depth + 2);
        }
      } else if (is(el, NS.text, 'section')) {
        this.cellLine(el, next('section'), state, depth + 1);
      }
    }
  }
}

/** `next('p')` gives `${path}/p[1]`, then `${path}/p[2]`… */
function counter(path: string): (tag: string) => string {
  const counts = new Map<string, number>();
  return (tag) => nextIn(path, counts, tag);
}

function nextIn(path: string, counts: Map<string, number>, tag: string): string {
  const n = (counts.get(tag) ?? 0) + 1;
  counts.set(tag, n);
  return `${path}/${tag}[${n}]`;
}

interface GridRow {
  /** 1-based row of the table's grid. */
  index: number;
  /** `covered`: a place of a merged cell, whose text is in the cell covering it. */
  cells: { el: Element; index: number; covered?: true }[];
}

/**
 * A table's rows (also inside header-row, row and row-group elements) and their cells, with
 * repetitions written out (up to MAX_REPEAT) and covered cells (the parts of a merged cell) marked.
 */
function tableGrid(table: Element): GridRow[] {
  const rows: GridRow[] = [];
  let index = 0;
  const visit = (parent: Element, depth: number) => {
    for (const el of children(parent)) {
      if (is(el, NS.table, 'table-row')) {
        const cells: GridRow['cells'] = [];
        let col = 0;
        for (const cell of children(el)) {
          const covered = is(cell, NS.table, 'covered-table-cell');
          if (!covered && !is(cell, NS.table, 'table-cell')) continue;
          const repeat = count(cell, NS.table, 'number-columns-repeated');
          for (let k = 0; k < Math.min(repeat, MAX_REPEAT); k++) cells.push({ el: cell, index: col + k + 1, ...(covered ? { covered: true as const } : {}) });
          col += repeat;
        }
        const repeat = count(el, NS.table, 'number-rows-repeated');
        for (let k = 0; k < Math.min(repeat, MAX_REPEAT); k++) rows.push({ index: index + k + 1, cells });
        index += repeat;
      } else if (el.namespaceURI === NS.table && /^table-(header-rows|rows|row-group)$/.test(el.localName ?? '') && depth < MAX_DEPTH) {
        visit(el, depth + 1);
      }
    }
  };
  visit(table, 0);
  return rows;
}
