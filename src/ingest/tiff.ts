/**
 * Multi-page TIFF: archive scanners write a whole document as one TIFF, a page per image file
 * directory (IFD). tesseract reads the first page of a TIFF only, so each page is handed to it as
 * a TIFF of its own: the same bytes with the header pointing at that page's IFD and the IFD's link
 * to the next one cleared (every offset in a TIFF is absolute, so nothing else moves).
 */

export interface TiffPage {
  /** Byte offset of the page's IFD. */
  ifd: number;
  width: number;
  height: number;
}

/** Pages beyond this are a malformed chain, not a document. */
const MAX_PAGES = 10_000;

/** The pages of a TIFF, in order, or null when it is not a readable TIFF. */
export function tiffPages(bytes: Uint8Array): TiffPage[] | null {
  if (bytes.length < 8 || !((bytes[0] === 0x49 && bytes[1] === 0x49) || (bytes[0] === 0x4d && bytes[1] === 0x4d))) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = bytes[0] === 0x49;
  const pages: TiffPage[] = [];
  const seen = new Set<number>();
  for (let ifd = view.getUint32(4, le); ifd !== 0; ) {
    // a chain that loops or runs off the file ends the pages read so far
    if (seen.has(ifd) || ifd + 2 > bytes.length || pages.length >= MAX_PAGES) break;
    seen.add(ifd);
    const entries = view.getUint16(ifd, le);
    const end = ifd + 2 + entries * 12;
    if (end + 4 > bytes.length) break;
    let width = 0;
    let height = 0;
    for (let k = 0; k < entries; k++) {
      const e = ifd + 2 + k * 12;
      const tag = view.getUint16(e, le);
      const value = view.getUint16(e + 2, le) === 3 ? view.getUint16(e + 8, le) : view.getUint32(e + 8, le);
      if (tag === 256) width = value;
      if (tag === 257) height = value;
    }
    if (width > 0 && height > 0) pages.push({ ifd, width, height });
    ifd = view.getUint32(end, le);
  }
  return pages.length > 0 ? pages : null;
}

/** Page `page` of a multi-page TIFF as a TIFF of its own (see the module comment). */
export function tiffPage(bytes: Uint8Array, page: TiffPage): Uint8Array {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  const le = copy[0] === 0x49;
  view.setUint32(4, page.ifd, le);
  view.setUint32(page.ifd + 2 + view.getUint16(page.ifd, le) * 12, 0, le);
  return copy;
}
