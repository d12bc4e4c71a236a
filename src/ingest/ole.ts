/**
 * The streams of an OLE compound file (MS-CFB), the container of Word and Excel 97–2003 files.
 * Small and strict on purpose: every sector chain is bounded and checked against the file's
 * length, so a truncated or looping file is an error naming it, never a hang or a read of zeros
 * (word-extractor's container reader follows chains without a bound and reads missing sectors as
 * zeros, which is why baocao reads the container itself).
 */

/** `kind` and `detail` make the reason: `truncated .doc (a sector lies past the end of the file)`. */
export class OleError extends Error {
  constructor(
    readonly kind: 'truncated' | 'corrupt',
    readonly detail: string,
  ) {
    super(`${kind} OLE compound file (${detail})`);
  }
}

const FREE = -1;
const END_OF_CHAIN = -2;
const NO_STREAM = -1;

export interface OleFile {
  /** The names of the streams directly under the root storage (`WordDocument`, `1Table`, `Data`…). */
  names: string[];
  /** A root stream's bytes, read when asked for; undefined when there is none of that name. */
  stream(name: string): Uint8Array | undefined;
}

export function readOle(bytes: Uint8Array): OleFile {
  if (bytes.length < 512) throw new OleError('truncated', 'shorter than its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const i32 = (at: number) => view.getInt32(at, true);
  const sectorShift = u16(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) throw new OleError('corrupt', `sector size 2^${sectorShift}`);
  const sectorSize = 1 << sectorShift;
  const miniSectorSize = 1 << u16(0x20);
  const miniCutoff = view.getUint32(0x38, true);
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize);

  const sector = (id: number): Uint8Array => {
    const start = (id + 1) * sectorSize;
    if (id < 0 || start + sectorSize > bytes.length) throw new OleError('truncated', 'a sector lies past the end of the file');
    return bytes.subarray(start, start + sectorSize);
  };

  // the FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors
  const fatSectors: number[] = [];
  for (let k = 0; k < 109; k++) {
    const id = i32(0x4c + 4 * k);
    if (id >= 0) fatSectors.push(id);
  }
  let difat = i32(0x44);
  for (let hops = 0; difat >= 0; hops++) {
    if (hops > sectorCount) throw new OleError('corrupt', 'the sector table chain loops');
    const s = sector(difat);
    const sv = new DataView(s.buffer, s.byteOffset, s.byteLength);
    for (let k = 0; k < sectorSize / 4 - 1; k++) {
      const id = sv.getInt32(4 * k, true);
      if (id >= 0) fatSectors.push(id);
    }
    difat = sv.getInt32(sectorSize - 4, true);
  }
  const fat = int32s(fatSectors.map(sector));

  /** The sectors of a chain, in order; a loop or a sector past the table is corruption. */
  const chain = (table: Int32Array, start: number, limit: number): number[] => {
    const ids: number[] = [];
    for (let id = start; id !== END_OF_CHAIN && id !== FREE; id = table[id]!) {
      if (id < 0 || id >= table.length || ids.length > limit) throw new OleError('corrupt', 'a sector chain is broken or loops');
      ids.push(id);
    }
    return ids;
  };
  const read = (ids: number[], size: number, unit: (id: number) => Uint8Array, unitSize: number): Uint8Array => {
    if (ids.length * unitSize < size) throw new OleError('truncated', 'a stream is shorter than its directory entry says');
    const out = new Uint8Array(ids.length * unitSize);
    ids.forEach((id, k) => out.set(unit(id), k * unitSize));
    return out.subarray(0, size);
  };

  const dirIds = chain(fat, i32(0x30), sectorCount);
  const dir = read(dirIds, dirIds.length * sectorSize, sector, sectorSize);
  const dv = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  const entries = Array.from({ length: dir.length / 128 }, (_, k) => {
    const at = k * 128;
    const nameLength = Math.min(64, dv.getUint16(at + 0x40, true));
    const name = Buffer.from(dir.subarray(at, at + Math.max(0, nameLength - 2))).toString('utf16le');
    return {
      name,
      type: dir[at + 0x42]!,
      left: dv.getInt32(at + 0x44, true),
      right: dv.getInt32(at + 0x48, true),
      child: dv.getInt32(at + 0x4c, true),
      start: dv.getInt32(at + 0x74, true),
      size: dv.getUint32(at + 0x78, true),
    };
  });
  const root = entries[0];
  if (!root || root.type !== 5) throw new OleError('corrupt', 'no root storage');

  // small streams live in the mini stream (the root entry's data), in 64-byte sectors
  let miniStream: Uint8Array | null = null;
  let miniFat: Int32Array | null = null;
  const miniSector = (id: number): Uint8Array => {
    miniStream ??= read(chain(fat, root.start, sectorCount), root.size, sector, sectorSize);
    const start = id * miniSectorSize;
    if (start + miniSectorSize > miniStream.length) throw new OleError('truncated', 'a mini sector lies past the mini stream');
    return miniStream.subarray(start, start + miniSectorSize);
  };

  // the root's children: a red-black tree linked by left/right siblings, walked with a stack of
  // its own (a hostile directory can be one long branch)
  const children = new Map<string, (typeof entries)[number]>();
  const seen = new Set<number>();
  const todo = [root.child];
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (id === NO_STREAM) continue;
    const entry = entries[id];
    if (!entry || seen.has(id)) throw new OleError('corrupt', 'the directory tree is broken');
    seen.add(id);
    todo.push(entry.left, entry.right);
    if (entry.type === 2) children.set(entry.name, entry);
  }
  const stream = (name: string): Uint8Array | undefined => {
    const entry = children.get(name);
    if (!entry) return undefined;
    if (entry.size === 0) return new Uint8Array(0);
    if (entry.size < miniCutoff) {
      miniFat ??= int32s(chain(fat, i32(0x3c), sectorCount).map(sector));
      return read(chain(miniFat, entry.start, miniFat.length), entry.size, miniSector, miniSectorSize);
    }
    return read(chain(fat, entry.start, sectorCount), entry.size, sector, sectorSize);
  };
  return { names: [...children.keys()], stream };
}

function int32s(parts: Uint8Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((n, p) => n + p.length / 4, 0));
  let k = 0;
  for (const p of parts) {
    const v = new DataView(p.buffer, p.byteOffset, p.byteLength);
    for (let at = 0; at < p.length; at += 4) out[k++] = v.getInt32(at, true);
  }
  return out;
}
