import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;

/** The installed command (package.json "bin"): what `npx baocao` runs. */
export const BIN = join(ROOT, 'bin/baocao');

/** Run the CLI as a user would (`npx baocao …`), from the repository root. */
export function baocao(args: string[], options: { cwd?: string } = {}) {
  const r = spawnSync(BIN, args, {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file below a folder, relative to it, sorted. */
export function filesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const rel = prefix ? join(prefix, name) : name;
    if (statSync(join(dir, rel)).isDirectory()) out.push(...filesUnder(dir, rel));
    else out.push(rel);
  }
  return out;
}

export const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** Every object with a `provenance` field, wherever it sits in a report. */
export function provenances(value: unknown, out: { span: { start: number; end: number }; text: string }[] = []) {
  if (Array.isArray(value)) for (const v of value) provenances(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'provenance') out.push(v as never);
      else provenances(v, out);
    }
  }
  return out;
}

/** A report's fields without what depends on the format: ids, spans and provenance (compared apart). */
export function formatFreeValues(report: object) {
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(strip);
    if (x && typeof x === 'object') {
      return Object.fromEntries(
        Object.entries(x)
          .filter(([k]) => !['span', 'provenance', 'content'].includes(k))
          .map(([k, v]) => [k, strip(v)]),
      );
    }
    return x;
  };
  const r = report as Record<string, unknown>;
  return {
    document: strip(r.document),
    period: strip(r.period),
    sections: strip(r.sections),
    figures: strip(r.figures),
    references: strip(r.references),
    checks: strip(r.checks),
  };
}
