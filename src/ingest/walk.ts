import type { Dirent } from 'node:fs';
import { readdir, readlink, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';

export interface InputFile {
  /** Path to read. */
  file: string;
  /** Path relative to the input it was found under (the file name for a file given directly). */
  relative: string;
  /** Where its bytes are when `file` is not a path on disk: an archive's entry, extracted (archive.ts). */
  source?: string;
  /** Why it is not processed, decided before it is read: an archive refused whole, an entry too large. */
  refused?: string;
}

/** A symbolic link the walk did not follow, and why. */
export interface SkippedInput {
  path: string;
  reason: string;
}

export interface Inputs {
  files: InputFile[];
  /** Links that were not followed (broken, or leading back into a folder being walked), and unreadable folders. */
  skipped: SkippedInput[];
  /** Symbolic links followed (to files and to folders). */
  links: number;
  /** Folders that could not be read (also in `skipped`): what their files are now is unknown. */
  unreadable: string[];
}

/**
 * Every file under the given files and folders, recursively, in a stable order. Hidden files and
 * folders are skipped, and so is `exclude` (the output folder, when it sits inside an input).
 *
 * Symbolic links are followed, to files and to folders, and a file found through one is named by
 * the link's path: an archive put together from links (a folder per unit linking into a folder
 * per month) is read whole. A copy reached twice costs nothing (its report is reused by content
 * hash, the tables hold it once). A broken link, and a link to a folder that is already being
 * walked (a loop), is skipped and listed in `skipped`.
 */
export async function walkInputs(inputs: readonly string[], exclude?: string, options: WalkOptions = {}): Promise<Inputs> {
  const files: InputFile[] = [];
  const skipped: SkippedInput[] = [];
  const unreadable: string[] = [];
  let links = 0;
  const readDirectory = options.readDirectory ?? ((dir: string) => readdir(dir, { withFileTypes: true }));
  // the output folder by its real path: reached through a link it is still the output
  const skip = exclude ? await realpath(exclude).catch(() => resolve(exclude)) : null;
  const target = async (path: string) => readlink(path).catch(() => '?');
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      throw new UsageError(input, 'no such file or folder');
    }
    if (info.isFile()) {
      files.push({ file: input, relative: basename(input) });
      continue;
    }
    if (!info.isDirectory()) throw new UsageError(input, 'not a file or folder');
    // real paths of the folders from the input down to the current one: a link back into one is a loop
    const walk = async (dir: string, ancestors: readonly string[]): Promise<void> => {
      if (skip && ancestors.at(-1) === skip) return;
      let entries;
      try {
        entries = await readDirectory(dir);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        if (dir === input) throw new UsageError(input, `cannot read the folder (${code})`);
        // one unreadable folder of an archive is its own line; the rest of the archive goes on
        skipped.push({ path: dir, reason: `unreadable folder (${code})` });
        unreadable.push(dir);
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        if (e.name.startsWith('.')) continue;
        const path = join(dir, e.name);
        let isDirectory = e.isDirectory();
        let isFile = e.isFile();
        if (e.isSymbolicLink()) {
          const to = await stat(path).catch(() => null);
          if (!to) {
            skipped.push({ path, reason: `broken symbolic link (to ${await target(path)})` });
            continue;
          }
          if (to.isDirectory() && ancestors.includes(await realpath(path))) {
            skipped.push({ path, reason: `symbolic link to a folder that contains it (${await target(path)}): a loop` });
            continue;
          }
          links++;
          isDirectory = to.isDirectory();
          isFile = to.isFile();
        }
        if (isDirectory) await walk(path, [...ancestors, await realpath(path)]);
        else if (isFile) files.push({ file: path, relative: relative(input, path) });
      }
    };
    await walk(input, [await realpath(input)]);
  }
  return { files, skipped, links, unreadable };
}

export interface WalkOptions {
  /** How a folder is listed (tests stand in for a folder the process may not read). */
  readDirectory?: (dir: string) => Promise<Dirent[]>;
}

/** The files of `walkInputs`. */
export async function listInputs(inputs: readonly string[], exclude?: string): Promise<InputFile[]> {
  return (await walkInputs(inputs, exclude)).files;
}
