/**
 * The JPEG of a scanned PDF page, as stored in the file, for the commonest shape of scan: a page
 * whose content is one upright image (`q a 0 0 d e f cm /Im0 Do Q`) stored as a plain
 * DCTDecode grey or RGB image. tesseract then decodes the JPEG in its worker (native code)
 * instead of pdf.js decoding it in JavaScript on the main thread, which would cost as much as a
 * fifth of the recognition itself.
 *
 * This reads just enough PDF syntax for that shape and answers null for anything else
 * (compressed object streams holding the page, several images, masks, decode arrays, other
 * filters…); the caller then uses pdf.js. What it returns is checked: a JPEG whose own header
 * gives the image size the PDF declares.
 */
import { inflateSync } from 'node:zlib';
import { imageSize } from './image.js';

export interface ScanImage {
  jpeg: Uint8Array;
  width: number;
  height: number;
  /** The image matrix `[a, b, c, d, e, f]` of the `cm` operator. */
  matrix: number[];
}

export class RawPdf {
  private readonly latin: string;

  constructor(private readonly bytes: Uint8Array) {
    this.latin = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  }

  /** The page's only image as stored, or null when the page is not that simple. */
  scanImage(page: { num: number; gen: number }): ScanImage | null {
    try {
      const pageDict = this.object(page.num, page.gen)?.dict;
      if (!pageDict || !/\/Type\s*\/Page\b/.test(pageDict)) return null;
      const contents = ref(value(pageDict, 'Contents'));
      const resources = this.resolveDict(value(pageDict, 'Resources'));
      const xobjects = resources && this.resolveDict(value(resources, 'XObject'));
      if (!contents || !xobjects) return null;
      const entries = [...xobjects.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+(\d+)\s+R/g)];
      if (entries.length !== 1) return null;
      const [, name, num, gen] = entries[0]!;
      const content = this.streamData(contents.num, contents.gen, true);
      if (!content) return null;
      const ops = Buffer.from(content).toString('latin1').trim();
      const m = /^(?:q\s+)?((?:-?[\d.]+\s+){6})cm\s+\/([^\s/]+)\s+Do(?:\s+Q)?$/.exec(ops);
      if (!m || m[2] !== name) return null;
      const matrix = m[1]!.trim().split(/\s+/).map(Number);
      const image = this.object(Number(num), Number(gen));
      if (!image?.stream) return null;
      const d = image.dict;
      if (!/\/Subtype\s*\/Image/.test(d) || /\/(SMask|Mask|Decode|ImageMask)\b/.test(d)) return null;
      if (!/\/Filter\s*(?:\[\s*)?\/DCTDecode\s*\]?/.test(d) || /\/DecodeParms/.test(d)) return null;
      if (!/\/ColorSpace\s*\/Device(Gray|RGB)\b/.test(d)) return null;
      const width = Number(value(d, 'Width'));
      const height = Number(value(d, 'Height'));
      const jpeg = this.streamData(Number(num), Number(gen), false);
      const size = jpeg && imageSize(jpeg);
      if (!jpeg || !size || size.width !== width || size.height !== height) return null;
      return { jpeg, width, height, matrix };
    } catch {
      return null;
    }
  }

  /** The dictionary text of object `num gen` and where its stream starts, from its last definition. */
  private object(num: number, gen: number): { dict: string; stream: number | null } | null {
    const re = new RegExp(`(?:^|[\\s>])${num}\\s+${gen}\\s+obj\\b`, 'g');
    let at = -1;
    for (let m = re.exec(this.latin); m; m = re.exec(this.latin)) at = m.index + m[0].length;
    if (at < 0) return null;
    const end = this.latin.indexOf('endobj', at);
    const streamAt = this.latin.indexOf('stream', at);
    const body = this.latin.slice(at, end < 0 ? undefined : end);
    if (streamAt >= 0 && (end < 0 || streamAt < end)) {
      const eol = this.latin.startsWith('\r\n', streamAt + 6) ? 2 : this.latin[streamAt + 6] === '\n' ? 1 : -1;
      if (eol < 0) return null;
      return { dict: this.latin.slice(at, streamAt), stream: streamAt + 6 + eol };
    }
    return { dict: body, stream: null };
  }

  private streamData(num: number, gen: number, inflate: boolean): Uint8Array | null {
    const obj = this.object(num, gen);
    if (!obj || obj.stream === null) return null;
    const lengthValue = value(obj.dict, 'Length');
    const lengthRef = ref(lengthValue);
    const length = lengthRef ? Number(this.object(lengthRef.num, lengthRef.gen)?.dict.trim()) : Number(lengthValue);
    if (!Number.isInteger(length) || length <= 0 || obj.stream + length > this.bytes.length) return null;
    const data = this.bytes.subarray(obj.stream, obj.stream + length);
    if (!inflate) return data;
    const filter = value(obj.dict, 'Filter');
    if (!filter) return data;
    if (!/^\[?\s*\/FlateDecode\s*\]?$/.test(filter) || /\/DecodeParms/.test(obj.dict)) return null;
    return new Uint8Array(inflateSync(data));
  }

  /** A dictionary written in place (`<< … >>`) or through a reference. */
  private resolveDict(v: string | null): string | null {
    if (!v) return null;
    const r = ref(v);
    if (r) return this.object(r.num, r.gen)?.dict ?? null;
    return v.startsWith('<<') ? v : null;
  }
}

/** The value of `/Key` in a dictionary's text: a balanced `<<…>>`, an array, a reference or a token. */
function value(dict: string, key: string): string | null {
  const m = new RegExp(`/${key}(?![A-Za-z])\\s*`).exec(dict);
  if (!m) return null;
  const at = m.index + m[0].length;
  if (dict.startsWith('<<', at)) {
    let depth = 0;
    for (let i = at; i < dict.length - 1; i++) {
      if (dict.startsWith('<<', i)) {
        depth++;
        i++;
      } else if (dict.startsWith('>>', i)) {
        depth--;
        i++;
        if (depth === 0) return dict.slice(at, i + 1);
      }
    }
    return null;
  }
  if (dict[at] === '[') {
    const end = dict.indexOf(']', at);
    return end < 0 ? null : dict.slice(at, end + 1);
  }
  const r = /^\d+\s+\d+\s+R/.exec(dict.slice(at));
  if (r) return r[0];
  return /^\/[^\s/<>[\]]+|^[^\s/<>[\]]+/.exec(dict.slice(at))?.[0] ?? null;
}

function ref(v: string | null): { num: number; gen: number } | null {
  const m = v ? /^(\d+)\s+(\d+)\s+R$/.exec(v.trim()) : null;
  return m ? { num: Number(m[1]), gen: Number(m[2]) } : null;
}
