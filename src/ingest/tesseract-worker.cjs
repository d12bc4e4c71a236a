/**
 * tesseract.js's worker thread for Node, with one more output: `recognize` asked for `{ lines: true }`
 * gives the page's text lines as ocr.ts's `TessLine`s, read from tesseract's result iterator here,
 * the same values its hOCR carries (bbox, baseline, x_size of a line; bbox, x_wconf, text of a word).
 *
 * Why: tesseract's hOCR writer asks its iterator, word by word, whether the word begins or ends a
 * line, a paragraph, a block; each answer walks the page from its first word (`restart_row`), so the
 * hOCR of a page costs in the square of its words (0.05–0.09 CPU-s of a 300-dpi page, docs/scans.md).
 * This walk asks one such question a word, plus the iterator's step to the next word.
 *
 * Every other action (and a `recognize` asking for other outputs) is tesseract.js's own. This file
 * reaches into tesseract.js's worker script (its module, its message shape); the version of
 * tesseract.js is in every OCR cache key, and ocr-lines.test.ts compares the two readings of a page.
 */
'use strict';

const { parentPort } = require('node:worker_threads');
const worker = require('tesseract.js/src/worker-script');
const getCore = require('tesseract.js/src/worker-script/node/getCore');
const gunzip = require('tesseract.js/src/worker-script/node/gunzip');
const cache = require('tesseract.js/src/worker-script/node/cache');

/** The Emscripten module and the TessBaseAPI tesseract.js made in it (one of each per worker). */
let tess = null;
let api = null;

/** tesseract.js's core loader, keeping the module it loads and the API object it creates. */
async function keepingCore(...args) {
  const Core = await getCore(...args);
  return (options) =>
    Core(options).then((module) => {
      const Base = module.TessBaseAPI;
      function Kept() {
        api = new Base();
        return api;
      }
      Kept.prototype = Base.prototype;
      module.TessBaseAPI = Kept;
      tess = module;
      return module;
    });
}

const RIL_BLOCK = 0;
const RIL_TEXTLINE = 2;
const RIL_WORD = 3;
const ORIENTATION_PAGE_UP = 0;

/** A number as hOCR prints it (a stream of precision 8) and ocr.ts reads it back. */
const printed = (x) => Number(x.toPrecision(8));
/** hOCR's `round(x * 1000) / 1000`: C++'s `round` takes halves away from zero. */
const roundedTo3 = (x) => (Math.sign(x) * Math.round(Math.abs(x) * 1000)) / 1000;

/** A word's text: the iterator's string, freed (tesseract.js's binding would leave it in the heap). */
function wordText(it) {
  const ptr = tess._emscripten_bind_ResultIterator_GetUTF8Text_1(tess.getPointer(it), RIL_WORD);
  if (!ptr) return '';
  const bytes = [];
  for (let k = ptr; ; k++) {
    const b = tess.getValue(k, 'i8') & 0xff;
    if (b === 0) break;
    bytes.push(b);
  }
  tess._free(ptr);
  return Buffer.from(bytes).toString('utf8');
}

/** The recognised page's lines, as hOCR gives them and ocr.ts's `hocrLines` reads them. */
function pageLines() {
  const it = api.GetIterator();
  const out = tess._malloc(16);
  const int = (k) => tess.getValue(out + 4 * k, 'i32');
  const box = (level) => {
    it.BoundingBox(level, out, out + 4, out + 8, out + 12);
    return { x0: int(0), y0: int(1), x1: int(2), y1: int(3) };
  };
  const lines = [];
  let line = null;
  try {
    if (tess.getPointer(it) === 0) return lines;
    // hOCR's walk: a block of an image or a ruling line is passed over whole (an `ocr_photo` or
    // `ocr_separator` without lines), an empty word skipped
    const passed = new Set(['FLOWING_IMAGE', 'HEADING_IMAGE', 'PULLOUT_IMAGE', 'HORZ_LINE', 'VERT_LINE'].map((t) => tess[`_emscripten_enum_PolyBlockType_PT_${t}`]()));
    while (!it.Empty(RIL_BLOCK)) {
      if (passed.has(it.BlockType())) {
        it.Next(RIL_BLOCK);
        continue;
      }
      if (it.Empty(RIL_WORD)) {
        it.Next(RIL_WORD);
        continue;
      }
      if (it.IsAtBeginningOf(RIL_TEXTLINE)) {
        const bbox = box(RIL_TEXTLINE);
        // hOCR: the baseline as slope and offset from the box's bottom-left corner, each rounded to
        // 3 decimals; none for a line of a turned block (a text angle instead, and then no x_size read)
        let slope = 0;
        let offset = 0;
        it.Orientation(out, out + 4, out + 8, out + 12);
        const upright = int(0) === ORIENTATION_PAGE_UP;
        if (upright && it.Baseline(RIL_TEXTLINE, out, out + 4, out + 8, out + 12) && int(0) !== int(2)) {
          const [x1, y1, x2, y2] = [int(0) - bbox.x0, int(1) - bbox.y1, int(2) - bbox.x0, int(3) - bbox.y1];
          const p1 = (y2 - y1) / (x2 - x1);
          slope = printed(roundedTo3(p1));
          offset = printed(roundedTo3(y1 - p1 * x1));
        }
        const y0 = bbox.y1 + offset;
        const baseline = { x0: bbox.x0, y0, x1: bbox.x1, y1: y0 + slope * (bbox.x1 - bbox.x0) };
        line = { bbox, baseline, words: [] };
        if (upright) {
          it.RowAttributes(out, out + 4, out + 8);
          const rowHeight = printed(tess.getValue(out, 'float'));
          if (Number.isFinite(rowHeight) && rowHeight >= 0) line.rowAttributes = { rowHeight };
        }
        lines.push(line);
      }
      // x_wconf: the confidence cut to an integer (a word before any line is hOCR's too, but not read)
      if (line) line.words.push({ text: wordText(it), confidence: Math.trunc(it.Confidence(RIL_WORD)), bbox: box(RIL_WORD) });
      it.Next(RIL_WORD);
    }
    return lines;
  } finally {
    tess._free(out);
    tess.destroy(it);
  }
}

function recognizeLines(packet) {
  const reply = (status, data) => parentPort.postMessage({ jobId: packet.jobId, workerId: packet.workerId, action: packet.action, status, data });
  try {
    // as tesseract.js's setImage for a JPEG, PNG, PNM or TIFF: no EXIF turn, no angle
    tess.FS.writeFile('/input', packet.payload.image);
    if (api.SetImageFile(1, 0) === 1) throw Error('Error attempting to read image.');
    api.Recognize(null);
    reply('resolve', { lines: pageLines() });
  } catch (err) {
    reply('reject', String(err));
  }
}

parentPort.on('message', (packet) => {
  if (packet.action === 'recognize' && packet.payload.output?.lines) recognizeLines(packet);
  else worker.dispatchHandlers(packet, (obj) => parentPort.postMessage(obj));
});

worker.setAdapter({ getCore: keepingCore, gunzip, fetch: globalThis.fetch, ...cache });
