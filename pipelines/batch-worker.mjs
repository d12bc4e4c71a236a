// Worker threads do not inherit the TypeScript loader the CLI registered on the main thread:
// register the same one, then load the worker itself.
import { register } from 'node:module';

register('../bin/ts-hooks.mjs', import.meta.url);
await import('./batch-worker.ts');
