// Module hooks for code run from the sources: batch worker threads started by the tests and
// scripts (the command itself runs from the build, scripts/build.mjs). TypeScript files are stripped of their types with esbuild, and `./x.js` imports
// find `./x.ts`, as in the rest of the project. tsx does the same, but it held more memory in a
// worker (its heap grew with every module it transformed, pdf.js above all).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { stop, transform } from 'esbuild';

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (/^(\.|\/|file:)/.test(specifier) && specifier.endsWith('.js')) return next(`${specifier.slice(0, -3)}.ts`, context);
    throw error;
  }
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const file = fileURLToPath(url);
  const { code } = await transform(await readFile(file, 'utf8'), {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    supported: { 'import-attributes': true },
    sourcefile: file,
  });
  // esbuild runs as a child process; once the worker's modules are loaded it has nothing left to
  // do, so let it go (it starts again if a module is loaded later) instead of holding its memory.
  clearTimeout(idle);
  idle = setTimeout(() => void stop(), 2000);
  idle.unref();
  return { format: 'module', source: code, shortCircuit: true };
}

let idle;
