/**
 * The layout of the restorer's binary model files (the language model's arrays, the candidate table):
 * a magic line, the byte length of a JSON header (uint32, little-endian), the header, padding to
 * `align` bytes, then typed arrays back to back, so a reader can view each one in place.
 */
export function writeSectionsFile(magic: string, header: unknown, align: number, sections: readonly ArrayBufferView[]): Uint8Array {
  const head = new TextEncoder().encode(JSON.stringify(header));
  const start = magic.length + 4 + head.length;
  const pad = (align - (start % align)) % align;
  const out = new Uint8Array(start + pad + sections.reduce((n, a) => n + a.byteLength, 0));
  out.set(new TextEncoder().encode(magic));
  new DataView(out.buffer).setUint32(magic.length, head.length, true);
  out.set(head, magic.length + 4);
  let at = start + pad;
  for (const a of sections) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += a.byteLength;
  }
  return out;
}
