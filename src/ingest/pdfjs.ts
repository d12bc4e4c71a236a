/**
 * pdf.js for Node (the legacy build), loaded with the built-ins it replaces put back.
 *
 * The legacy build carries core-js, which swaps `Array.prototype.push`, `JSON.parse`,
 * `JSON.stringify` and `Function.prototype.toString` for JavaScript versions wherever the native
 * ones lack a newer proposal (Node 20 has no `JSON.rawJSON`). Every later push and every report
 * written then went through them: in a batch worker, restoration after one PDF ran six times
 * slower. pdf.js needs none of those proposals, so once it and its worker module are loaded the
 * natives go back.
 */
const natives = {
  push: Array.prototype.push,
  parse: JSON.parse,
  stringify: JSON.stringify,
  toString: Function.prototype.toString,
};

// The minified builds: the same code, and each batch worker that reads a PDF holds some 11 MB less
// (V8 keeps a module's source). Neither ships type declarations: the types are pdf.mjs's.
const MODULE: string = 'pdfjs-dist/legacy/build/pdf.min.mjs';
const WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.min.mjs';
const pdfjs = (await import(MODULE)) as typeof import('pdfjs-dist/legacy/build/pdf.mjs');
// Given here, pdf.js runs its "worker" in this thread without importing it (and core-js) again.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(WORKER_MODULE);

const put = (target: object, key: string, value: unknown) => Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
put(Array.prototype, 'push', natives.push);
put(JSON, 'parse', natives.parse);
put(JSON, 'stringify', natives.stringify);
put(Function.prototype, 'toString', natives.toString);

export const { getDocument, ImageKind, OPS } = pdfjs;
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
