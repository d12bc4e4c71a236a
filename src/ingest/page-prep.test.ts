import { createCanvas, Image } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { binarise, decodeGrey, DEFAULT_STEPS, grain, inspect, paperLevel, plannedSteps, preparePage, rotatePage, smooth } from './page-prep.js';

/** An 8-bit grey PGM of `width` × `height` filled with `value`. */
function pgm(width: number, height: number, value: number): Uint8Array {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
  return new Uint8Array(Buffer.concat([header, Buffer.alloc(width * height, value)]));
}

/** A 5 × 1 colour PNG: a red stamp pixel, a black print pixel, white paper, blue signature ink, grey print. */
async function stampPng(): Promise<Uint8Array> {
  const canvas = createCanvas(5, 1);
  const ctx = canvas.getContext('2d');
  for (const [x, colour] of [[0, 'rgb(220,30,35)'], [1, 'rgb(0,0,0)'], [2, 'rgb(255,255,255)'], [3, 'rgb(25,40,150)'], [4, 'rgb(90,90,90)']] as const) {
    ctx.fillStyle = colour;
    ctx.fillRect(x, 0, 1, 1);
  }
  return new Uint8Array(await canvas.encode('png'));
}

const pixelsOf = (image: Uint8Array) => [...image.subarray(image.length - inspect(image).width * inspect(image).height)];

describe('page preparation', () => {
  it('hands a grey 300-dpi page on as it is, undecoded', async () => {
    const page = pgm(4, 2, 200);
    const prepared = await preparePage(page, 300 / 72);
    expect(prepared).toEqual({ image: page, scale: 300 / 72, steps: [] });
  });

  it('turns a colour page grey by its lightest channel and colourfulness: stamp and signature ink go white, print stays', async () => {
    const png = await stampPng();
    expect(plannedSteps(png, 1)).toEqual(['dropColour', 'flatten', 'denoise']);
    const prepared = await preparePage(png, 1);
    // the paper is white already: flattening changes nothing here; nor is it grainy
    expect(prepared.steps).toEqual(['dropColour', 'flatten']);
    expect(prepared.scale).toBe(1);
    // luma would have made the stamp 90, as dark as faint print; the lightest channel alone, the signature 150
    expect(pixelsOf(prepared.image)).toEqual([255, 0, 255, 255, 90]);
  });

  it("measures a page's paper grain: 0 on flat paper, the neighbours' median difference on a photocopy's", () => {
    // 40 × 10 px, a column of ink (20) every tenth pixel; paper flat (240) or alternating 236/244
    const page = (grainy: boolean) =>
      Uint8Array.from({ length: 400 }, (_, i) => (i % 10 === 0 ? 20 : grainy ? 240 + (i % 2 ? 4 : -4) : 240));
    expect([grain(page(false), 40, 10), grain(page(true), 40, 10)]).toEqual([0, 8]);
  });

  it('smooths by the 3×3 binomial filter, keeping the edge pixels', () => {
    // a dark speck (0) on paper (240) at the centre of a 5 × 5 page is spread and lightened
    const page = new Uint8Array(25).fill(240);
    page[12] = 0;
    const out = smooth(page, 5, 5);
    // centre: 240 × 12/16; edge neighbours 240 × 14/16; corner neighbours 240 × 15/16
    expect([out[12], out[7], out[6], out[0], out[2]]).toEqual([180, 210, 225, 240, 240]);
  });

  it('smooths a colour page whose paper is grainy, after turning it grey', async () => {
    // 40 × 40 px: grey paper alternating 236/244 by pixel, a black square in the middle
    const canvas = createCanvas(40, 40);
    const ctx = canvas.getContext('2d');
    const img = ctx.createImageData(40, 40);
    for (let i = 0; i < 1600; i++) {
      const [x, y] = [i % 40, Math.floor(i / 40)];
      const v = x >= 15 && x < 25 && y >= 15 && y < 25 ? 0 : (x + y) % 2 ? 244 : 236;
      img.data.set([v, v, v, 255], i * 4);
    }
    ctx.putImageData(img, 0, 0);
    const prepared = await preparePage(new Uint8Array(await canvas.encode('png')), 1);
    expect(prepared.steps).toEqual(['dropColour', 'flatten', 'denoise']);
    const px = pixelsOf(prepared.image);
    // the grain (±4, flattened to about ±4 of 251) averaged out; the square's inside stays black
    expect(new Set(px.slice(40 * 5 + 5, 40 * 5 + 12))).toEqual(new Set([251]));
    expect(px[40 * 20 + 20]).toBe(0);
  });

  it('enlarges a page scanned below 250 dpi to 300 dpi, and its scale with it, when asked (not by default)', async () => {
    const page = pgm(10, 4, 128);
    expect(plannedSteps(page, 150 / 72)).toEqual([]);
    const prepared = await preparePage(page, 150 / 72, { ...DEFAULT_STEPS, upscale: true });
    expect(prepared.steps).toEqual(['upscale']);
    expect(inspect(prepared.image)).toMatchObject({ width: 20, height: 8, colour: false });
    expect(prepared.scale).toBe(300 / 72);
    expect(new Set(pixelsOf(prepared.image))).toEqual(new Set([128]));
  });

  it('turns a page about its centre, white where the corners come in', async () => {
    // a black bar across the middle row of a white 5 × 5 page, turned a quarter turn: a column
    const page = pgm(5, 5, 255);
    page.fill(0, page.length - 15, page.length - 10);
    const turned = await rotatePage({ image: page, scale: 1, steps: [] }, 90);
    expect(turned.steps).toEqual(['deskew']);
    const px = pixelsOf(turned.image);
    expect([0, 1, 2, 3, 4].map((y) => px[y * 5 + 2]! < 64)).toEqual([true, true, true, true, true]);
    expect(px[0]).toBe(255);
  });

  it('binarises a photocopy: a stroke faded in one half stays whole ink, grey paper and a speckle go white', () => {
    // 60 × 60 px at 300 dpi: grey paper (225, ±12 in a fixed pattern), a speckle at (45, 10), and a
    // stroke 4 px wide at x 20–23 whose lower half the toner lost (130 instead of 20)
    const width = 60;
    const height = 60;
    const grey = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const paper = 225 + (((x * 7 + y * 13) % 5) - 2) * 6;
        const stroke = x >= 20 && x <= 23;
        grey[y * width + x] = stroke ? (y < 30 ? 20 : 130) : paper;
      }
    }
    grey[10 * width + 45] = 40;
    const bw = binarise(grey, width, height, 300);
    const at = (x: number, y: number) => bw[y * width + x];
    expect([at(21, 10), at(21, 50), at(22, 45)]).toEqual([0, 0, 0]);
    expect([at(45, 10), at(5, 5), at(40, 50), at(30, 30)]).toEqual([255, 255, 255, 255]);
    expect(new Set(bw)).toEqual(new Set([0, 255]));
  });

  it("finds a page's paper level: white on a clean page, grey on a photocopy", () => {
    // nine pixels in ten are paper: white (255) or a photocopy's grey (233); one in ten is ink (20)
    const page = (paper: number) => Uint8Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 20 : paper));
    expect([paperLevel(page(255)), paperLevel(page(233))]).toEqual([255, 233]);
  });

  it('reads colour and resolution from the headers, without decoding', async () => {
    expect(inspect(pgm(3, 2, 0))).toMatchObject({ width: 3, height: 2, colour: false, dpi: null });
    expect(inspect(await stampPng())).toMatchObject({ width: 5, height: 1, colour: true });
    // an image file without a resolution tag is taken as it comes: no enlargement
    expect(plannedSteps(pgm(10, 4, 0), 1)).toEqual([]);
  });

  it('decodes a JPEG to the BT.601 luma of the pixels the canvas draws: grey print as it is, a red stamp by its luma', async () => {
    const canvas = createCanvas(4, 2);
    const ctx = canvas.getContext('2d');
    for (const [x, colour] of [[0, 'rgb(0,0,0)'], [1, 'rgb(120,120,120)'], [2, 'rgb(220,30,35)'], [3, 'rgb(255,255,255)']] as const) {
      ctx.fillStyle = colour;
      ctx.fillRect(x, 0, 1, 2);
    }
    const jpeg = new Uint8Array(await canvas.encode('jpeg', 100));
    // what the canvas reads back from the JPEG, turned to luma one channel at a time
    const img = new Image();
    const loaded = new Promise<void>((resolve) => (img.onload = () => resolve()));
    img.src = Buffer.from(jpeg);
    await loaded;
    const back = createCanvas(4, 2).getContext('2d');
    back.drawImage(img, 0, 0);
    const rgba = back.getImageData(0, 0, 4, 2).data;
    const luma = Array.from({ length: 8 }, (_, i) => Math.trunc((rgba[4 * i]! * 299 + rgba[4 * i + 1]! * 587 + rgba[4 * i + 2]! * 114) / 1000));
    const decoded = await decodeGrey(jpeg);
    expect(decoded && { width: decoded.width, height: decoded.height, grey: [...decoded.grey] }).toEqual({ width: 4, height: 2, grey: luma });
    // the stamp's pixels are not grey: their luma is a weighted sum, darker than the lightest channel
    expect(rgba[8]).toBeGreaterThan(rgba[9]!);
  });
});
