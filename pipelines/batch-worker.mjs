// Worker threads do not inherit the TypeScript loader the CLI registered on the main thread:
// register a lean one (ts-hooks.mjs), then load the worker itself.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
await import('./batch-worker.ts');
