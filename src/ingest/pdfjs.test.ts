import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';

it('leaves Array.prototype.push, JSON and Function.prototype.toString native once pdf.js is loaded', async () => {
  await import('./pdfjs.js');
  // another realm's toString shows the source of any function written in JavaScript
  const toString = runInNewContext('Function.prototype.toString') as (this: unknown) => string;
  for (const f of [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString]) {
    expect(toString.call(f)).toMatch(/\{\s*\[native code\]\s*\}$/);
  }
});
