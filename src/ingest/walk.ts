import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { PipelineError } from '../errors.js';

export interface InputFile {
  /** Path to read. */
  file: string;
  /** Path relative to the input it was found under (the file name for a file given directly). */
  relative: string;
}

/**
 * Every file under the given files and folders, recursively, in a stable order. Hidden files and
 * folders are skipped, and so is `exclude` (the output folder, when it sits inside an input).
 */
export async function listInputs(inputs: readonly string[], exclude?: string): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const skip = exclude ? resolve(exclude) : null;
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      throw new PipelineError('ingest', input, 'no such file or folder');
    }
    if (info.isFile()) {
      out.push({ file: input, relative: basename(input) });
      continue;
    }
    const walk = async (dir: string): Promise<void> => {
      if (skip && resolve(dir) === skip) return;
      const entries = await readdir(dir, { withFileTypes: true });
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        if (e.name.startsWith('.')) continue;
        const path = join(dir, e.name);
        if (e.isDirectory()) await walk(path);
        else if (e.isFile()) out.push({ file: path, relative: relative(input, path) });
      }
    };
    await walk(input);
  }
  return out;
}
