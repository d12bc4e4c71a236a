#!/usr/bin/env node
// Runs the TypeScript CLI with no build step between `npm ci` and use: bundle.mjs turns it into
// JavaScript on first use (and after every change to the sources).
import { register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle } from './bundle.mjs';

const dir = await bundle();
if (dir) {
  await import(pathToFileURL(join(dir, 'src/cli.js')).href);
} else {
  // node_modules is read-only: the types are stripped as modules load (same CLI, more memory)
  register('./ts-hooks.mjs', import.meta.url);
  await import('../src/cli.ts');
}
