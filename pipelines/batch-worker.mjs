// The worker's entry when run from the sources (tests, scripts, a CLI that could not write its
// bundle): threads do not inherit the parent's module hooks, so register ts-hooks, then load it.
import { register } from 'node:module';

register('../bin/ts-hooks.mjs', import.meta.url);
await import('./batch-worker.ts');
