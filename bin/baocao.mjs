#!/usr/bin/env node
// Runs the TypeScript CLI with no build step between `npm ci` and use: ts-hooks.mjs strips the
// types as modules load (the batch's worker threads use the same hooks).
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
await import('../src/cli.ts');
