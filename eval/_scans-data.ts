/**
 * The scanned evaluation set of `npm run eval -- scans`: text pages rendered as an A4 page, then
 * degraded as real archives are, each degradation at a few levels. Nothing here is in git: the
 * pages are made again (the same bytes: every random draw is seeded) into `eval/.scans/` when
 * missing. `node --import tsx eval/_scans-data.ts` makes them and prints the list.
 *
 * Texts, drawn by name (salted hash) and never used to tune anything else:
 * - `eval`: 4 documents of `../shared/documents/` in none of the annotated parts
 *   (`eval/data/documents/split.json`, `dev-extra/`, `dev-periods*`) — the reported pages;
 * - `dev`: 2 seeds of `../shared/seeds/` other than seed 000 (the OCR fixtures' text) — the pages
 *   the auto model choice and page preparation were tuned on.
 *
 * Each page: its first ~330 words (Markdown emphasis, tables and rules dropped) in DejaVu Serif
 * 12.5 pt, then a signature block (`TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / <signer>`), as one PDF page
 * holding one JPEG (what scanners write) at the page's resolution.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { mulberry32 } from '../scripts/random.js';
import { createCanvas, GlobalFonts, Image, type SKRSContext2D, type Canvas } from '@napi-rs/canvas';

const SHARED = '../shared';
export const SCANS_DIR = 'eval/.scans';
const SALT = 'baocao-scans-2026-12-05';
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf';
const FONT_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf';

export interface Condition {
  /** Degradation and level, e.g. `skew 3°`, `jpeg q30`. */
  name: string;
  degradation: string;
  dpi: number;
  /** What is done to the clean page (drawn at `dpi`). */
  apply: (page: RenderedPage, rng: () => number) => Canvas;
  /** JPEG quality of the stored scan; colour pages are stored in colour. */
  quality: number;
  colour: boolean;
}

export interface ScanPage {
  part: 'eval' | 'dev' | 'extra';
  source: string;
  /** The words on the page, as typed. */
  text: string;
}

export interface ScanCase {
  page: ScanPage;
  condition: Condition;
  /** The one-page PDF. */
  file: string;
}

const hash = (s: string) => createHash('sha256').update(SALT).update(s).digest('hex');

/** Documents in any annotated part: never drawn. */
function annotated(): Set<string> {
  const split = JSON.parse(readFileSync('eval/data/documents/split.json', 'utf8')) as { dev: string[]; test: string[] };
  const used = new Set([...split.dev, ...split.test]);
  for (const part of readdirSync('eval/data/documents')) {
    const dir = join('eval/data/documents', part);
    if (part === 'test' || !existsSync(dir) || !part.startsWith('dev')) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      used.add((JSON.parse(readFileSync(join(dir, f), 'utf8')) as { file: string }).file);
    }
  }
  return used;
}

/** Markdown → plain paragraphs: emphasis, headings, table bars and rules dropped, lines joined. */
function paragraphs(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n/u)
    .map((p) =>
      p
        .split('\n')
        .filter((l) => !/^\s*\|?\s*[-|: ]*\s*$/u.test(l) && !l.trim().startsWith('|'))
        .join(' ')
        .replace(/[*#_`>]/gu, '')
        .replace(/\\/gu, '')
        .replace(/\s+/gu, ' ')
        .trim(),
    )
    .filter((p) => p.length > 0 && /\p{L}/u.test(p));
}

/** The last short line that looks like a person's name (two to five capitalised words). */
function signer(markdown: string): string {
  const lines = markdown.split('\n').map((l) => l.replace(/[*#|]/gu, '').trim());
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^(\p{Lu}\p{Ll}*\s){1,4}\p{Lu}\p{Ll}*$/u.test(lines[i]!)) return lines[i]!;
  }
  return 'Nguyễn Văn An';
}

const WORDS_PER_PAGE = 330;

export function pages(): ScanPage[] {
  const used = annotated();
  const docs = readdirSync(join(SHARED, 'documents'))
    .filter((f) => f.endsWith('.md') && !used.has(`documents/${f}`))
    .sort((a, b) => hash(a).localeCompare(hash(b)))
    .slice(0, 4)
    .map((f) => ({ part: 'eval' as const, source: `documents/${f}` }));
  const seeds = readdirSync(join(SHARED, 'seeds'))
    .filter((f) => f.endsWith('.txt') && !f.startsWith('000_'))
    .sort((a, b) => hash(a).localeCompare(hash(b)))
    .slice(0, 2)
    .map((f) => ({ part: 'dev' as const, source: `seeds/${f}` }));
  return [...docs, ...seeds].map(({ part, source }) => page(part, source));
}

/**
 * More development pages (`SCANS_PART=extra`): seed 001 (the dev part takes 002 and 003; seed 000 is
 * the OCR fixtures' text, seed 004's text is OCR output stripped of its tones, not what a page says)
 * and the first 7 documents of the documents eval's dev split by salted hash, none of them in the
 * reported part (which takes documents in no annotated part). Their texts hold tables and
 * headers whose words the page's truth keeps in another order than OCR, so every condition's level is
 * lower than on the seed pages: only differences between settings count.
 */
export function extraPages(): ScanPage[] {
  const dev = new Set(pages().map((p) => p.source));
  const seeds = readdirSync(join(SHARED, 'seeds'))
    .filter((f) => f.endsWith('.txt') && !f.startsWith('000_') && !f.startsWith('004_'))
    .map((f) => `seeds/${f}`)
    .filter((s) => !dev.has(s));
  const split = JSON.parse(readFileSync('eval/data/documents/split.json', 'utf8')) as { dev: string[] };
  const docs = [...split.dev].sort((a, b) => hash(a).localeCompare(hash(b))).slice(0, 7);
  return [...seeds, ...docs].map((source) => page('extra', source));
}

/** A page's text: its first ~330 words, then the signature block. */
function page(part: ScanPage['part'], source: string): ScanPage {
  const markdown = readFileSync(join(SHARED, source), 'utf8');
  const kept: string[] = [];
  let n = 0;
  for (const p of paragraphs(markdown)) {
    if (n >= WORDS_PER_PAGE) break;
    const words = p.split(' ');
    const take = words.slice(0, Math.max(0, WORDS_PER_PAGE + 20 - n));
    kept.push(take.join(' '));
    n += take.length;
  }
  kept.push('TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', signer(markdown));
  return { part, source, text: kept.join('\n') };
}

export interface RenderedPage {
  canvas: Canvas;
  dpi: number;
  /** Where the signer's name and the signature block are, in pixels. */
  name: { x: number; y: number; width: number; height: number };
  block: { x: number; y: number };
  /** A different page's text, for bleed-through. */
  back: () => Canvas;
}

let fontsLoaded = false;
function loadFonts() {
  if (fontsLoaded) return;
  GlobalFonts.registerFromPath(FONT, 'ScanSerif');
  GlobalFonts.registerFromPath(FONT_BOLD, 'ScanSerifBold');
  fontsLoaded = true;
}

const A4 = { width: 8.27, height: 11.69 };

/**
 * Draw the page's paragraphs (wrapped), then the signature block at the right. A body too long
 * for the page above the block is drawn with tighter line spacing (the block had been drawn over
 * its last lines, whose words then no reading could see).
 */
export function render(page: ScanPage, dpi: number, other?: ScanPage): RenderedPage {
  loadFonts();
  const width = Math.round(A4.width * dpi);
  const height = Math.round(A4.height * dpi);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#111';
  const pt = dpi / 72;
  const size = 12.5 * pt;
  const left = 0.95 * dpi;
  const right = width - 0.75 * dpi;
  const blockTop = height - 1.9 * dpi;
  const lines = page.text.split('\n');
  const body = lines.slice(0, -3);
  const [tm, role, name] = lines.slice(-3) as [string, string, string];
  ctx.font = `${size}px ScanSerif`;
  const layout = (spacing: number) => {
    const lineHeight = size * spacing;
    const placed: { text: string; y: number }[] = [];
    let y = 0.8 * dpi + size;
    for (const p of body) {
      let line = '';
      for (const word of p.split(' ')) {
        const next = line ? `${line} ${word}` : word;
        if (ctx.measureText(next).width > right - left && line) {
          placed.push({ text: line, y });
          y += lineHeight;
          line = word;
        } else line = next;
      }
      if (line) placed.push({ text: line, y });
      y += lineHeight * 1.25;
    }
    return { placed, y, lineHeight };
  };
  const spacings = [1.45, 1.35, 1.25, 1.15];
  let laid = layout(spacings[0]!);
  for (const s of spacings.slice(1)) {
    if (laid.y + laid.lineHeight <= blockTop) break;
    laid = layout(s);
  }
  for (const l of laid.placed) ctx.fillText(l.text, left, l.y);
  const { y, lineHeight } = laid;
  const bx = width * 0.56;
  const by = Math.min(y + lineHeight, blockTop);
  ctx.font = `${size}px ScanSerifBold`;
  ctx.fillText(tm, bx, by);
  ctx.fillText(role, bx + 0.45 * dpi, by + lineHeight);
  const ny = by + lineHeight * 5;
  ctx.fillText(name, bx + 0.2 * dpi, ny);
  const nameWidth = ctx.measureText(name).width;
  return {
    canvas,
    dpi,
    name: { x: bx + 0.2 * dpi, y: ny - size, width: nameWidth, height: size * 1.3 },
    block: { x: bx, y: by },
    back: () => render(other ?? page, dpi).canvas,
  };
}

/** Deterministic random numbers (mulberry32), seeded by a string. */
export const random = (seed: string): (() => number) => mulberry32(Number.parseInt(hash(seed).slice(0, 8), 16));

/** The page turned 90°, clockwise (its top to the right) or not: its width and height swapped. */
function turnedSideways(src: Canvas, clockwise: boolean): Canvas {
  const out = createCanvas(src.height, src.width);
  const ctx = out.getContext('2d');
  ctx.translate(clockwise ? src.height : 0, clockwise ? 0 : src.width);
  ctx.rotate(clockwise ? Math.PI / 2 : -Math.PI / 2);
  ctx.drawImage(src, 0, 0);
  return out;
}

function copy(src: Canvas, rotate = 0, background = '#fff'): Canvas {
  const out = createCanvas(src.width, src.height);
  const ctx = out.getContext('2d');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, src.width, src.height);
  ctx.save();
  ctx.translate(src.width / 2, src.height / 2);
  ctx.rotate((rotate * Math.PI) / 180);
  ctx.drawImage(src, -src.width / 2, -src.height / 2);
  ctx.restore();
  return out;
}

/** Apply `f` to every pixel (RGBA bytes, index of the pixel). */
function pixels(c: Canvas, f: (d: Uint8ClampedArray, i: number, x: number, y: number) => void): Canvas {
  const ctx = c.getContext('2d');
  const img = ctx.getImageData(0, 0, c.width, c.height);
  const d = img.data;
  for (let y = 0, i = 0; y < c.height; y++) for (let x = 0; x < c.width; x++, i += 4) f(d, i, x, y);
  ctx.putImageData(img, 0, 0);
  return c;
}

/**
 * Photocopy: grey paper, toner speckles, and toner loss in blotches (a smooth random field lifts
 * the ink where it is high). `level` 1 light, 2 heavy.
 */
function photocopy(c: Canvas, rng: () => number, level: number): Canvas {
  const cell = Math.round(c.width / 40);
  const gw = Math.ceil(c.width / cell) + 1;
  const field = Array.from({ length: gw * (Math.ceil(c.height / cell) + 1) }, () => rng());
  const loss = level === 1 ? 0.75 : 0.62;
  const speckle = level === 1 ? 0.0015 : 0.004;
  return pixels(c, (d, i, x, y) => {
    const fx = x / cell;
    const fy = y / cell;
    const x0 = Math.floor(fx);
    const y0 = Math.floor(fy);
    const tx = fx - x0;
    const ty = fy - y0;
    const v =
      field[y0 * gw + x0]! * (1 - tx) * (1 - ty) + field[y0 * gw + x0 + 1]! * tx * (1 - ty) + field[(y0 + 1) * gw + x0]! * (1 - tx) * ty + field[(y0 + 1) * gw + x0 + 1]! * tx * ty;
    const r = rng();
    for (let k = 0; k < 3; k++) {
      let p = d[i + k]!;
      if (v > loss && p < 128) p = Math.min(255, p + (v - loss) * 900 * (0.5 + r)); // toner loss
      p = p * 0.86 + 14; // grey paper, weaker black
      if (r < speckle) p = 40;
      d[i + k] = p + (r - 0.5) * 30;
    }
  });
}

/** A round stamp in `colour` (RGB) over the signature block, its ring text and a star. */
function stamp(c: Canvas, page: RenderedPage, colour: string): Canvas {
  const ctx = c.getContext('2d');
  const r = 0.8 * page.dpi;
  const cx = page.block.x + 0.35 * page.dpi;
  const cy = page.block.y + 2.2 * (page.dpi / 72) * 18;
  ctx.save();
  ctx.globalAlpha = 0.8;
  ctx.globalCompositeOperation = 'multiply';
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = r * 0.05;
  for (const k of [1, 0.72]) {
    ctx.beginPath();
    ctx.arc(cx, cy, r * k, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.font = `${r * 0.16}px ScanSerifBold`;
  const ring = 'ỦY BAN NHÂN DÂN * HUYỆN AN BÌNH * ';
  for (let k = 0; k < ring.length; k++) {
    const a = (k / ring.length) * Math.PI * 2;
    ctx.save();
    ctx.translate(cx + Math.cos(a) * r * 0.86, cy + Math.sin(a) * r * 0.86);
    ctx.rotate(a + Math.PI / 2);
    ctx.fillText(ring[k]!, -r * 0.05, r * 0.05);
    ctx.restore();
  }
  ctx.beginPath();
  for (let k = 0; k < 10; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const rr = k % 2 ? r * 0.12 : r * 0.3;
    ctx.lineTo(cx + Math.cos(a) * rr, cy + Math.sin(a) * rr);
  }
  ctx.fill();
  ctx.restore();
  return c;
}

/** A signature in blue ink: loops drawn across the signer's name. */
function signature(c: Canvas, page: RenderedPage, rng: () => number): Canvas {
  const ctx = c.getContext('2d');
  const { x, y, width, height } = page.name;
  ctx.save();
  ctx.strokeStyle = 'rgb(25,40,150)';
  ctx.lineWidth = page.dpi / 100;
  ctx.beginPath();
  ctx.moveTo(x - 0.1 * page.dpi, y + height * 0.2);
  for (let k = 0; k <= 14; k++) {
    const px = x + (width * 1.1 * k) / 14;
    const py = y - height * 1.2 + rng() * height * 2.6;
    ctx.quadraticCurveTo(px - width / 20, py - height, px, py);
  }
  ctx.stroke();
  ctx.restore();
  return c;
}

/** Another page seen through the paper: mirrored and faint. */
function bleed(c: Canvas, page: RenderedPage, strength: number): Canvas {
  const ctx = c.getContext('2d');
  ctx.save();
  ctx.globalAlpha = strength;
  ctx.globalCompositeOperation = 'multiply';
  ctx.translate(c.width, 0);
  ctx.scale(-1, 1);
  ctx.drawImage(page.back(), 0, 0);
  ctx.restore();
  return c;
}

/** Fax: noise, then a hard threshold (no grey), as fax machines send. */
function fax(c: Canvas, rng: () => number): Canvas {
  return pixels(c, (d, i) => {
    const v = (d[i]! + d[i + 1]! + d[i + 2]!) / 3 + (rng() - 0.5) * 90;
    d[i] = d[i + 1] = d[i + 2] = v < 150 ? 0 : 255;
  });
}

/**
 * A phone photo: the page drawn as a trapezoid (camera tilted), on a dark table, under light
 * falling off from one corner, slightly warm.
 */
function phone(c: Canvas, strength: number): Canvas {
  const out = createCanvas(c.width, c.height);
  const ctx = out.getContext('2d') as SKRSContext2D;
  ctx.fillStyle = 'rgb(70,60,50)';
  ctx.fillRect(0, 0, c.width, c.height);
  const rows = 200;
  const slice = c.height / rows;
  for (let k = 0; k < rows; k++) {
    const t = k / rows;
    // the top is farther from the camera: narrower
    const w = c.width * (1 - strength * 0.12 * (1 - t)) * 0.96;
    ctx.drawImage(c, 0, k * slice, c.width, slice + 1, (c.width - w) / 2, c.height * 0.02 + k * slice * 0.96, w, slice * 0.96 + 1);
  }
  return pixels(out, (d, i, x, y) => {
    const light = 1 - strength * 0.45 * Math.min(1, Math.hypot(x / out.width, y / out.height) / 1.2);
    d[i] = d[i]! * light;
    d[i + 1] = d[i + 1]! * light * 0.96;
    d[i + 2] = d[i + 2]! * light * 0.88;
  });
}

const plain = (p: RenderedPage) => p.canvas;

/** Every degradation at its levels. */
export const CONDITIONS: Condition[] = [
  ...[300, 200, 150].map((dpi) => ({ name: `clean ${dpi} dpi`, degradation: 'clean', dpi, apply: plain, quality: 90, colour: false })),
  ...[1.5, 3].map((deg) => ({ name: `skew ${deg}° 300 dpi`, degradation: 'skew', dpi: 300, apply: (p: RenderedPage) => copy(p.canvas, deg), quality: 90, colour: false })),
  // a sheet fed into the scanner the wrong way round, or sideways (its top to the right, or to the left)
  { name: 'upside down 300 dpi', degradation: 'orientation', dpi: 300, apply: (p) => copy(p.canvas, 180), quality: 90, colour: false },
  ...([true, false] as const).map((clockwise) => ({
    name: `sideways ${clockwise ? 'right' : 'left'} 300 dpi`,
    degradation: 'orientation',
    dpi: 300,
    apply: (p: RenderedPage) => turnedSideways(p.canvas, clockwise),
    quality: 90,
    colour: false,
  })),
  ...[75, 50, 30].map((q) => ({ name: `jpeg q${q} 200 dpi`, degradation: 'jpeg', dpi: 200, apply: plain, quality: q, colour: false })),
  ...[1, 2].map((level) => ({
    name: `photocopy ${level === 1 ? 'light' : 'heavy'} 300 dpi`,
    degradation: 'photocopy',
    dpi: 300,
    apply: (p: RenderedPage, rng: () => number) => photocopy(copy(p.canvas), rng, level),
    quality: 85,
    colour: false,
  })),
  ...[0.15, 0.3].map((s) => ({ name: `bleed-through ${s * 100} % 300 dpi`, degradation: 'bleed-through', dpi: 300, apply: (p: RenderedPage) => bleed(copy(p.canvas), p, s), quality: 85, colour: false })),
  ...(
    [
      ['red', 'rgb(220,30,35)'],
      ['blue', 'rgb(40,60,190)'],
    ] as const
  ).map(([name, colour]) => ({ name: `${name} stamp 300 dpi`, degradation: 'stamp', dpi: 300, apply: (p: RenderedPage) => stamp(copy(p.canvas), p, colour), quality: 85, colour: true })),
  { name: 'signature over name 300 dpi', degradation: 'signature', dpi: 300, apply: (p, rng) => signature(copy(p.canvas), p, rng), quality: 85, colour: true },
  { name: 'fax 200 dpi', degradation: 'fax', dpi: 200, apply: (p, rng) => fax(copy(p.canvas), rng), quality: 92, colour: false },
  ...[1, 2].map((s) => ({ name: `phone photo ${s === 1 ? 'mild' : 'strong'} 200 dpi`, degradation: 'phone', dpi: 200, apply: (p: RenderedPage) => phone(p.canvas, s), quality: 80, colour: true })),
  {
    name: 'skewed photocopy + red stamp + signature 200 dpi',
    degradation: 'combined',
    dpi: 200,
    apply: (p, rng) => signature(stamp(photocopy(copy(p.canvas, 2), rng, 1), p, 'rgb(220,30,35)'), p, rng),
    quality: 80,
    colour: true,
  },
];

interface StoredImage {
  data: Uint8Array;
  width: number;
  height: number;
  /** A colour JPEG, or grey pixels deflated (the canvas writes no grey JPEG). */
  filter: 'DCTDecode' | 'FlateDecode';
}

/** One page holding one image at `dpi`, as scanners and img2pdf write. */
export function onePagePdf({ data, width, height, filter }: StoredImage, dpi: number): Uint8Array {
  const w = (width * 72) / dpi;
  const h = (height * 72) / dpi;
  const content = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`,
    null,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, k) => {
    offsets.push(at);
    const chunk =
      body === null
        ? Buffer.concat([
            Buffer.from(
              `${k + 1} 0 obj\n<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /Device${filter === 'DCTDecode' ? 'RGB' : 'Gray'} /BitsPerComponent 8 /Filter /${filter} /Length ${data.length} >>\nstream\n`,
              'latin1',
            ),
            Buffer.from(data),
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ])
        : Buffer.from(`${k + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    parts.push(chunk);
    at += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * The page as stored: a colour page as its JPEG; a grey page JPEG-encoded too (its artefacts are
 * part of the degradation), then decoded and stored as deflated grey pixels.
 */
async function store(c: Canvas, quality: number, colour: boolean): Promise<StoredImage> {
  const jpeg = new Uint8Array(await c.encode('jpeg', quality));
  if (colour) return { data: jpeg, width: c.width, height: c.height, filter: 'DCTDecode' };
  const img = new Image();
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = reject;
    img.src = Buffer.from(jpeg);
  });
  const back = createCanvas(c.width, c.height);
  back.getContext('2d').drawImage(img, 0, 0);
  const rgba = back.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const grey = new Uint8Array(c.width * c.height);
  for (let i = 0, j = 0; j < grey.length; i += 4, j++) grey[j] = (rgba[i]! * 299 + rgba[i + 1]! * 587 + rgba[i + 2]! * 114) / 1000;
  return { data: new Uint8Array(deflateSync(grey)), width: c.width, height: c.height, filter: 'FlateDecode' };
}

/** The conditions the extra development pages are made in: the combined page and those its steps serve. */
export const EXTRA_CONDITIONS = [
  'clean 300 dpi',
  'clean 200 dpi',
  'photocopy light 300 dpi',
  'photocopy heavy 300 dpi',
  'bleed-through 30 % 300 dpi',
  'red stamp 300 dpi',
  'signature over name 300 dpi',
  'fax 200 dpi',
  'phone photo strong 200 dpi',
  'skewed photocopy + red stamp + signature 200 dpi',
];

/** Make every case's PDF that is missing; the list of cases (the extra development pages' with `extra`). */
export async function makeScanSet(extra = false): Promise<ScanCase[]> {
  const all = extra ? extraPages() : pages();
  const conditions = extra ? CONDITIONS.filter((c) => EXTRA_CONDITIONS.includes(c.name)) : CONDITIONS;
  const cases: ScanCase[] = [];
  for (const [k, page] of all.entries()) {
    const id = hash(page.source).slice(0, 8);
    for (const condition of conditions) {
      const file = join(SCANS_DIR, page.part, `${id}-${condition.name.replace(/[^\p{L}\p{N}]+/gu, '-')}.pdf`);
      cases.push({ page, condition, file });
      if (existsSync(file)) continue;
      mkdirSync(join(SCANS_DIR, page.part), { recursive: true });
      const rendered = render(page, condition.dpi, all[(k + 1) % all.length]);
      const canvas = condition.apply(rendered, random(`${page.source} ${condition.name}`));
      writeFileSync(file, onePagePdf(await store(canvas, condition.quality, condition.colour), condition.dpi));
    }
  }
  return cases;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cases = await makeScanSet();
  for (const c of cases) console.log(`${c.page.part} ${c.page.source} ${c.condition.name}: ${c.file}`);
}
