/**
 * Page preparation before OCR: page image bytes (JPEG, PNG, TIFF, PGM) → the image tesseract
 * reads. Each step is kept only where `npm run eval -- scans` showed it pays (docs/scans.md):
 *
 * - `dropColour`: a colour page becomes grey by its lightest channel plus its colourfulness (the
 *   lightest channel minus the darkest), not by luma, so a red or blue stamp and blue signature ink
 *   turn white while black print stays black;
 * - `upscale` (measured, not kept: it lowered accuracy on noisy 200-dpi pages, and the fast model
 *   reads clean 150-dpi pages as well as 300-dpi ones): a page scanned below 250 dpi is enlarged to
 *   300 dpi (coordinates are unchanged: the scale goes with the image);
 * - `deskew`: a page whose lines, as the OCR read them, slope by 1° or more is turned straight and
 *   read again (tesseract loses whole lines of a page skewed 3°); the OCR side decides
 *   (ocr.ts), this module turns the page (`rotatePage`);
 * - `flatten`: the background is estimated as the brightest pixel of blocks of a sixth of an inch
 *   and divided out, for phone photos and uneven light; kept for colour pages (phone photos are),
 *   which are decoded anyway, not for grey ones, where it changed nothing measured;
 * - `denoise`: a decoded page whose paper is grainy (`grain`, a photocopy's toner dust and noise) is
 *   smoothed by a 3×3 binomial filter (`smooth`) before it is turned and read; in `auto` such a page
 *   is read by the best model (ocr.ts);
 * - `binarise`: a page read with low confidence is read again as black and white by a local
 *   threshold (`binarise`), for photocopies' faded, speckled strokes; the OCR side decides (ocr.ts);
 * - `bleed`: a page whose grey histogram has a mode between ink and paper (the reverse side's print
 *   showing through) has every pixel from that mode up made white (bleed.ts), on the pixels the table
 *   grid search decodes anyway; the OCR side applies it (ocr.ts).
 *
 * A grey page is handed on as it is, without being decoded: decoding a 300-dpi page costs a tenth
 * of the fast model's time.
 */
import { tiffPages } from './tiff.js';

export interface PrepSteps {
  dropColour: boolean;
  upscale: boolean;
  deskew: boolean;
  /** `colour`: colour pages only; `all`: every page. */
  flatten: false | 'colour' | 'all';
  /** A colour page (decoded anyway) whose paper is grainy is smoothed (`grain`, `smooth`). */
  denoise: boolean;
  /** A page on grey paper read with low confidence is read again binarised (`binarise`), the surer reading kept (ocr.ts). */
  binarise: boolean;
  /** A page whose grey histogram has a bleed-through mode has it lifted to white (bleed.ts); the OCR side applies it (ocr.ts). */
  bleed: boolean;
  /** A page read with very low confidence is read upside down too, and read turned when that is far surer (ocr.ts). */
  turn: boolean;
}

/** The steps that paid (docs/scans.md). */
export const DEFAULT_STEPS: PrepSteps = { dropColour: true, upscale: false, deskew: true, flatten: 'colour', denoise: true, binarise: true, bleed: true, turn: true };

/**
 * Names the preparation of one page in OCR cache keys, from the steps `plan` chose: a page no step
 * touches has the key it has without preparation. A change of a step's rule must change the number.
 */
export const preparation = (planned: readonly (keyof PrepSteps)[]) => (planned.length === 0 ? 'none' : `page-prep 3 ${planned.join(',')}`);

export interface PreparedPage {
  image: Uint8Array;
  /** Image pixels per unit of the caller's coordinates (the `scale` given, times any enlargement). */
  scale: number;
  /** The steps applied, for tests and the eval. */
  steps: (keyof PrepSteps)[];
}

/** Resolution the OCR models read best; pages below `MIN_DPI` are enlarged to it. */
const TARGET_DPI = 300;
const MIN_DPI = 250;

/**
 * Prepare one page. `scale` is pixels per PDF point for a page of a PDF (so its resolution is
 * known: 72 × scale dpi) and 1 for an image file, whose resolution is read from its header when
 * it has one (JPEG JFIF density, PNG pHYs).
 */
export async function preparePage(image: Uint8Array, scale: number, steps: PrepSteps = DEFAULT_STEPS): Promise<PreparedPage> {
  const header = inspect(image);
  const planned = plan(header, scale, steps);
  if (planned.length === 0) return { image, scale, steps: [] };
  const dpi = resolution(header, scale);
  const enlarge = planned.includes('upscale') ? Math.min(2, TARGET_DPI / dpi!) : 1;
  const decoded = await decode(image, header, enlarge);
  if (!decoded) return { image, scale, steps: [] };
  const grey = toGrey(decoded, planned.includes('dropColour'));
  if (planned.includes('flatten')) flatten(grey, decoded.width, decoded.height, Math.round(((dpi ?? TARGET_DPI) * enlarge) / 6));
  // smoothed only when measured grainy: the step is planned from the header, applied by measurement
  const grainy = planned.includes('denoise') && grain(grey, decoded.width, decoded.height) >= GRAINY;
  const out = grainy ? smooth(grey, decoded.width, decoded.height) : grey;
  return { image: pgm(decoded.width, decoded.height, out), scale: scale * (decoded.width / header.width), steps: planned.filter((s) => s !== 'denoise' || grainy) };
}

/** The steps `preparePage` applies to this page, from its header alone (nothing decoded). */
export function plannedSteps(image: Uint8Array, scale: number, steps: PrepSteps = DEFAULT_STEPS): (keyof PrepSteps)[] {
  return plan(inspect(image), scale, steps);
}

function plan(header: Header, scale: number, steps: PrepSteps): (keyof PrepSteps)[] {
  if (header.width === 0) return [];
  const dpi = resolution(header, scale);
  const out: (keyof PrepSteps)[] = [];
  if (steps.upscale && dpi !== null && dpi < MIN_DPI) out.push('upscale');
  if (steps.dropColour && header.colour) out.push('dropColour');
  if (steps.flatten === 'all' || (steps.flatten === 'colour' && header.colour)) out.push('flatten');
  // measured on pages decoded anyway (colour ones, or any a step above decodes): a grey page is
  // handed on undecoded
  if (steps.denoise && (out.length > 0 || header.colour)) out.push('denoise');
  return out;
}

/**
 * The page turned by `degrees` (clockwise positive, about its centre), grey, the same size: corners
 * turned out of the page are lost, those turned in are white.
 */
export async function rotatePage(page: PreparedPage, degrees: number): Promise<PreparedPage> {
  const header = inspect(page.image);
  const decoded = await decode(page.image, header, 1, degrees);
  if (!decoded) return page;
  return { image: pgm(decoded.width, decoded.height, toGrey(decoded, false)), scale: page.scale, steps: [...page.steps, 'deskew'] };
}

/**
 * The image turned upside down (180°), pixel for pixel, as a page fed into a scanner the wrong way
 * round is read: a grey image as PGM, a colour one as PNG (its stamps' colour is for `dropColour`);
 * null when it cannot be decoded (`decodable`).
 */
export async function turnedImage(image: Uint8Array): Promise<Uint8Array | null> {
  const header = inspect(image);
  const pixels = decodable(image, header) ? await decode(image, header, 1) : null;
  if (!pixels) return null;
  const { width, height } = pixels;
  if (pixels.channels === 1 || !header.colour) return pgm(width, height, toGrey(pixels, false).reverse());
  // a pixel is four bytes: reversed as 32-bit words, each pixel's channels stay in order
  const rgba = new Uint8ClampedArray(width * height * 4);
  new Uint32Array(rgba.buffer).set(new Uint32Array(Uint8Array.from(pixels.data).buffer).reverse());
  const { createCanvas, ImageData } = await import('@napi-rs/canvas');
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').putImageData(new ImageData(rgba, width, height), 0, 0);
  return new Uint8Array(await canvas.encode('png'));
}

/**
 * PGM, PNG, JPEG: what preparation decodes. A TIFF is left to Leptonica (decoding tiff.test.ts's TIFF
 * with the canvas library ended the test process).
 */
function decodable(image: Uint8Array, header: Header): boolean {
  return header.pgm !== null || (image[0] === 0x89 && image[1] === 0x50) || (image[0] === 0xff && image[1] === 0xd8);
}

/** A page image's pixels, grey (BT.601 luma), as decoded for preparation; null if it cannot be decoded. */
export async function decodeGrey(image: Uint8Array): Promise<{ width: number; height: number; grey: Uint8Array } | null> {
  const header = inspect(image);
  if (!decodable(image, header)) return null;
  const decoded = await decode(image, header, 1);
  return decoded && { width: decoded.width, height: decoded.height, grey: toGrey(decoded, false) };
}


const resolution = (header: Header, scale: number) => (scale !== 1 ? scale * 72 : header.dpi);

interface Header {
  width: number;
  height: number;
  colour: boolean;
  dpi: number | null;
  pgm: { offset: number } | null;
}

/** What the file's header says: size, colour or grey, resolution. */
export function inspect(b: Uint8Array): Header {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b[0] === 0x50 && b[1] === 0x35) {
    const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(Buffer.from(b.subarray(0, 40)).toString('latin1'));
    if (m) return { width: Number(m[1]), height: Number(m[2]), colour: false, dpi: null, pgm: { offset: m[0].length } };
  }
  if (b.length >= 26 && b[0] === 0x89 && b[1] === 0x50) {
    let dpi: number | null = null;
    for (let i = 8; i + 8 <= b.length; ) {
      const length = view.getUint32(i);
      const type = Buffer.from(b.subarray(i + 4, i + 8)).toString('latin1');
      if (type === 'pHYs' && b[i + 16] === 1) dpi = Math.round(view.getUint32(i + 8) * 0.0254);
      if (type === 'IDAT' || type === 'IEND') break;
      i += 12 + length;
    }
    // colour types 2 (RGB), 3 (palette), 6 (RGBA)
    return { width: view.getUint32(16), height: view.getUint32(20), colour: [2, 3, 6].includes(b[25]!), dpi, pgm: null };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let dpi: number | null = null;
    for (let i = 2; i + 9 < b.length; ) {
      if (b[i] !== 0xff) break;
      const marker = b[i + 1]!;
      const length = view.getUint16(i + 2);
      // JFIF APP0: units 1 = dots per inch, 2 = per cm
      if (marker === 0xe0 && Buffer.from(b.subarray(i + 4, i + 9)).toString('latin1') === 'JFIF\0') {
        const units = b[i + 11];
        const x = view.getUint16(i + 12);
        if (units === 1 && x > 1) dpi = x;
        if (units === 2 && x > 1) dpi = Math.round(x * 2.54);
      }
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: view.getUint16(i + 5), width: view.getUint16(i + 7), colour: b[i + 9] === 3, dpi, pgm: null };
      }
      i += 2 + length;
    }
  }
  const tiff = tiffPages(b)?.[0];
  // a TIFF goes to tesseract as it is: its decoding is tesseract's (Leptonica's)
  return { width: tiff?.width ?? 0, height: tiff?.height ?? 0, colour: false, dpi: null, pgm: null };
}

interface Pixels {
  width: number;
  height: number;
  /** RGBA, or one byte a pixel for a PGM. */
  data: Uint8Array | Uint8ClampedArray;
  channels: 1 | 4;
}

/** Decode (and enlarge by `factor`) with @napi-rs/canvas; a PGM is read directly. Null: cannot decode. */
async function decode(image: Uint8Array, header: Header, factor: number, degrees = 0): Promise<Pixels | null> {
  if (header.width === 0) return null;
  const width = Math.round(header.width * factor);
  const height = Math.round(header.height * factor);
  // loaded when a page needs it: most runs prepare no page
  const { createCanvas, Image, ImageData } = await import('@napi-rs/canvas');
  if (header.pgm && factor === 1 && degrees === 0) {
    return { width, height, data: image.subarray(header.pgm.offset, header.pgm.offset + width * height), channels: 1 };
  }
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  // no resampling at all when the size is kept
  context.imageSmoothingEnabled = factor !== 1 || degrees !== 0;
  context.imageSmoothingQuality = 'high';
  if (degrees !== 0) {
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.translate(width / 2, height / 2);
    context.rotate((degrees * Math.PI) / 180);
    context.translate(-width / 2, -height / 2);
  }
  if (header.pgm) {
    const grey = image.subarray(header.pgm.offset);
    const rgba = new Uint8ClampedArray(header.width * header.height * 4);
    for (let i = 0, j = 0; i < header.width * header.height; i++, j += 4) {
      rgba[j] = rgba[j + 1] = rgba[j + 2] = grey[i]!;
      rgba[j + 3] = 255;
    }
    const source = createCanvas(header.width, header.height);
    source.getContext('2d').putImageData(new ImageData(rgba, header.width, header.height), 0, 0);
    context.drawImage(source, 0, 0, width, height);
  } else {
    const img = new Image();
    const loaded = new Promise<boolean>((resolve) => {
      img.onload = () => resolve(true);
      img.onerror = () => resolve(false);
    });
    const stored = storedPixels(image);
    img.src = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
    if (!(await loaded) || img.width !== header.width) return null;
    context.drawImage(img, 0, 0, width, height);
    // a JPEG drawn whole is opaque, so the canvas's own (premultiplied) pixels are getImageData's,
    // without its copy of the page: 0.02 CPU-s of a 300-dpi page (docs/scans.md)
    if (image[0] === 0xff && image[1] === 0xd8 && factor === 1 && degrees === 0) return { width, height, data: canvas.data(), channels: 4 };
  }
  return { width, height, data: context.getImageData(0, 0, width, height).data, channels: 4 };
}

/**
 * A JPEG without its EXIF segments: the canvas turns a phone photo by its EXIF orientation as it decodes,
 * tesseract reads the pixels as stored, and preparation must see what tesseract sees (a sideways photo is
 * then turned by ocr.ts's orientation rules). Other images are returned as they are.
 */
export function storedPixels(image: Uint8Array): Uint8Array {
  if (image[0] !== 0xff || image[1] !== 0xd8) return image;
  const kept: Uint8Array[] = [image.subarray(0, 2)];
  let i = 2;
  let cut = false;
  // the segments before the scan: marker, then a two-byte length that counts itself
  while (i + 4 <= image.length && image[i] === 0xff && image[i + 1] !== 0xda) {
    const end = i + 2 + ((image[i + 2]! << 8) | image[i + 3]!);
    const exif = image[i + 1] === 0xe1 && Buffer.from(image.subarray(i + 4, i + 10)).toString('latin1') === 'Exif\0\0';
    if (exif) cut = true;
    else kept.push(image.subarray(i, end));
    i = end;
  }
  return cut ? Buffer.concat([...kept, image.subarray(i)]) : image;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** One byte a pixel: the lightest channel (`dropColour`) or BT.601 luma. */
function toGrey(p: Pixels, dropColour: boolean): Uint8Array {
  if (p.channels === 1) return Uint8Array.from(p.data);
  const out = new Uint8Array(p.width * p.height);
  const d = p.data;
  if (!dropColour && d.byteOffset % 4 === 0 && LITTLE_ENDIAN) {
    // a pixel as one word read; a grey pixel (most of a scan) is its own luma, with no arithmetic
    const words = new Uint32Array(d.buffer, d.byteOffset, out.length);
    for (let j = 0; j < out.length; j++) {
      const w = words[j]!;
      const r = w & 0xff;
      const g = (w >>> 8) & 0xff;
      const b = (w >>> 16) & 0xff;
      out[j] = r === g && g === b ? r : (r * 299 + g * 587 + b * 114) / 1000;
    }
    return out;
  }
  for (let i = 0, j = 0; j < out.length; i += 4, j++) {
    const r = d[i]!;
    const g = d[i + 1]!;
    const b = d[i + 2]!;
    // lightest channel plus twice the colourfulness beyond a fifth of it: red stamp ink (220, 30, 35)
    // and blue signature ink (25, 40, 150) go white, grey and black print (r = g = b) is kept, and so
    // is a warm or cold light's cast (a phone photo's: its channels within a fifth of each other);
    // the lightest channel alone left the signature a mid-grey scrawl over the signer's name
    const max = Math.max(r, g, b);
    out[j] = dropColour ? Math.min(255, max + 2 * Math.max(0, max - Math.min(r, g, b) - max / 5)) : (r * 299 + g * 587 + b * 114) / 1000;
  }
  return out;
}

/**
 * Divide out the background: the brightest pixel of each `block`² square, interpolated between
 * block centres, is taken for white.
 */
function flatten(grey: Uint8Array, width: number, height: number, block: number): void {
  const bw = Math.ceil(width / block);
  const bh = Math.ceil(height / block);
  const bg = new Float32Array(bw * bh);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / block) * bw;
    for (let x = 0; x < width; x++) {
      const v = grey[y * width + x]!;
      const k = row + Math.floor(x / block);
      if (v > bg[k]!) bg[k] = v;
    }
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) / block - 0.5, 0), bh - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, bh - 1);
    const ty = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max((x + 0.5) / block - 0.5, 0), bw - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, bw - 1);
      const tx = fx - x0;
      const top = bg[y0 * bw + x0]! * (1 - tx) + bg[y0 * bw + x1]! * tx;
      const bottom = bg[y1 * bw + x0]! * (1 - tx) + bg[y1 * bw + x1]! * tx;
      const white = Math.max(top * (1 - ty) + bottom * ty, 32);
      const i = y * width + x;
      grey[i] = Math.min(255, (grey[i]! * 255) / white);
    }
  }
}

/**
 * Paper grain above which a page is smoothed (`denoise`): the median difference between neighbouring
 * paper pixels. The scan set's photocopies measure 8–9 (grey levels), every other page 0 (clean, JPEG
 * q30, fax, stamps, bleed-through, phone photos).
 */
const GRAINY = 4;

/**
 * A page's paper grain: the median absolute difference between horizontally neighbouring pixels that
 * are both paper (within 48 of `paperLevel`), on every other row. 0 on a clean scan, whose paper is
 * flat; a photocopy's toner dust and noise make it several grey levels.
 */
export function grain(grey: Uint8Array, width: number, height: number): number {
  const paper = paperLevel(grey);
  const counts = new Uint32Array(256);
  let n = 0;
  for (let y = 0; y < height; y += 2) {
    for (let x = 0, i = y * width; x + 1 < width; x++, i++) {
      const a = grey[i]!;
      const b = grey[i + 1]!;
      if (a > paper - 48 && b > paper - 48) {
        counts[Math.abs(a - b)]!++;
        n++;
      }
    }
  }
  return n > 0 ? levelBelow(counts, 0.5 * n) : 0;
}

/**
 * The page smoothed by a 3×3 binomial filter (weights 1 2 1 / 2 4 2 / 1 2 1, edge pixels kept): a
 * grainy 200-dpi photocopy's noise averaged out of strokes two pixels wide, which a median or a
 * threshold erodes (docs/scans.md).
 */
export function smooth(grey: Uint8Array, width: number, height: number): Uint8Array {
  const out = grey.slice();
  const rows = new Uint16Array(width * height);
  // each pixel's column of three (1 2 1), then the row of three of those
  for (let y = 1; y < height - 1; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) rows[i] = grey[i - width]! + 2 * grey[i]! + grey[i + width]!;
  }
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1, i = y * width + 1; x < width - 1; x++, i++) out[i] = (rows[i - 1]! + 2 * rows[i]! + rows[i + 1]! + 8) >> 4;
  }
  return out;
}

/**
 * Black and white by Sauvola's local threshold (a window of about a tenth of an inch, k = 0.2) applied
 * to the page smoothed by a 3×3 median: a photocopy's strokes faded in blotches and its speckled grey
 * paper come out as whole strokes on white, where tesseract's one global threshold breaks them. Not
 * for every page: it loses the grey edges the models read clean pages by, and turns strong
 * bleed-through into ink (docs/scans.md).
 */
export function binarise(grey: Uint8Array, width: number, height: number, dpi: number): Uint8Array {
  const smooth = median3(grey, width, height);
  const r = Math.max(3, Math.round((15 * dpi) / 300));
  const k = 0.2;
  const out = new Uint8Array(width * height);
  // sums of the window's pixels and squares: columns kept for the window's rows, slid along each row
  const col = new Float64Array(width);
  const col2 = new Float64Array(width);
  const addRow = (y: number, sign: number) => {
    for (let x = 0, i = y * width; x < width; x++, i++) {
      const v = grey[i]!;
      col[x] = col[x]! + sign * v;
      col2[x] = col2[x]! + sign * v * v;
    }
  };
  for (let y = 0; y <= Math.min(r, height - 1); y++) addRow(y, 1);
  for (let y = 0; y < height; y++) {
    if (y > 0) {
      if (y + r < height) addRow(y + r, 1);
      if (y - r - 1 >= 0) addRow(y - r - 1, -1);
    }
    const rows = Math.min(y + r, height - 1) - Math.max(y - r, 0) + 1;
    let sum = 0;
    let sum2 = 0;
    for (let x = 0; x <= Math.min(r, width - 1); x++) {
      sum += col[x]!;
      sum2 += col2[x]!;
    }
    for (let x = 0; x < width; x++) {
      if (x > 0) {
        if (x + r < width) {
          sum += col[x + r]!;
          sum2 += col2[x + r]!;
        }
        if (x - r - 1 >= 0) {
          sum -= col[x - r - 1]!;
          sum2 -= col2[x - r - 1]!;
        }
      }
      const n = rows * (Math.min(x + r, width - 1) - Math.max(x - r, 0) + 1);
      const mean = sum / n;
      const sd = Math.sqrt(Math.max(sum2 / n - mean * mean, 0));
      const i = y * width + x;
      out[i] = smooth[i]! > mean * (1 + k * (sd / 128 - 1)) ? 255 : 0;
    }
  }
  return out;
}

/**
 * The page's paper: the grey level nine pixels in ten are at or below. A clean scan's is white (253–255
 * on the scan set's rendered pages), a photocopy's grey (about 245 there, lower on real ones).
 */
export function paperLevel(grey: Uint8Array): number {
  const counts = new Uint32Array(256);
  for (let i = 0; i < grey.length; i++) counts[grey[i]!]!++;
  return levelBelow(counts, 0.9 * grey.length);
}

/** The least level at or below which `share` of a 256-level histogram's counts lie (255 when none reaches it). */
function levelBelow(counts: Uint32Array, share: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += counts[v]!;
    if (seen >= share) return v;
  }
  return 255;
}

/**
 * Each pixel the median of its 3×3 neighbourhood (edge pixels kept): each column's three pixels are
 * sorted once, and the median of nine is the median of the largest low, the median middle and the
 * smallest high of the three columns.
 */
function median3(grey: Uint8Array, width: number, height: number): Uint8Array {
  const out = grey.slice();
  const lo = new Uint8Array(width);
  const mid = new Uint8Array(width);
  const hi = new Uint8Array(width);
  for (let y = 1; y < height - 1; y++) {
    const above = (y - 1) * width;
    for (let x = 0; x < width; x++) {
      let a = grey[above + x]!;
      let b = grey[above + width + x]!;
      let c = grey[above + 2 * width + x]!;
      if (a > b) [a, b] = [b, a];
      if (b > c) [b, c] = [c, b];
      if (a > b) [a, b] = [b, a];
      lo[x] = a;
      mid[x] = b;
      hi[x] = c;
    }
    for (let x = 1; x < width - 1; x++) {
      const maxLo = Math.max(lo[x - 1]!, lo[x]!, lo[x + 1]!);
      const minHi = Math.min(hi[x - 1]!, hi[x]!, hi[x + 1]!);
      const m0 = mid[x - 1]!;
      const m1 = mid[x]!;
      const m2 = mid[x + 1]!;
      const medMid = Math.max(Math.min(m0, m1), Math.min(Math.max(m0, m1), m2));
      out[y * width + x] = Math.max(Math.min(maxLo, medMid), Math.min(Math.max(maxLo, medMid), minHi));
    }
  }
  return out;
}

/** 8-bit grey PGM: tesseract reads it without decoding. */
export function pgm(width: number, height: number, grey: Uint8Array): Uint8Array {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
  const out = new Uint8Array(header.length + grey.length);
  out.set(header, 0);
  out.set(grey, header.length);
  return out;
}
