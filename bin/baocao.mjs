#!/usr/bin/env node
// Runs the TypeScript CLI with no build step between `npm ci` and use: bundle.mjs turns it into
// JavaScript on first use (and after every change to the sources).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle } from './bundle.mjs';

await import(pathToFileURL(join(await bundle(), 'src/cli.js')).href);
