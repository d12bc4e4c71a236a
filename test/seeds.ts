/** The seed reports as tests read them: `seed('000')` is `fixtures/000_*.txt`, NFC. */
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../fixtures/', import.meta.url);

export function seed(id: string): string {
  const name = readdirSync(dir).find((f) => f.startsWith(`${id}_`) && f.endsWith('.txt'));
  if (!name) throw new Error(`no seed ${id} in fixtures/`);
  return readFileSync(new URL(name, dir), 'utf8').normalize('NFC');
}

/** Line `n` (1-based) of a text. */
export const line = (text: string, n: number): string => text.split('\n')[n - 1]!;
