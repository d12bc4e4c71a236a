/**
 * Windows-1252, decoded by hand: Node 20's `TextDecoder('windows-1252')` decodes it as Latin-1
 * (0x92 comes back as U+0092, not the apostrophe ’), so the 0x80–0x9F block is mapped here. Word's
 * 8-bit text pieces and RTF's default code page are this one.
 */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeCp1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/gu, (c) => HIGH[c.charCodeAt(0) - 0x80]!);
}
