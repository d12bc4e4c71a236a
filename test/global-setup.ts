// Before any test: the build the command and the package run from (dist/), from these sources.
// @ts-expect-error: a plain JavaScript module without type declarations
import { build } from '../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await build({ types: true });
}
