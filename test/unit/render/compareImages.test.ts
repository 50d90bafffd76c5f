import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { compareImages, RENDER_TOLERANCE } from '../../render/compareImages';
import { readRenderCase } from '../../render/renderCase';

/** A width×height PNG filled with one colour, with `paint` pixels (index order) in another. */
function png(width: number, height: number, fill: [number, number, number], paint: { count: number; colour: [number, number, number] } = { count: 0, colour: fill }): Buffer {
  const image = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) image.data.set([...(i < paint.count ? paint.colour : fill), 255], i * 4);
  return PNG.sync.write(image);
}

const LAND: [number, number, number] = [0xfb, 0xf8, 0xf1];

describe('compareImages', () => {
  it('compareImages(a, a) finds no differing pixel and passes', () => {
    const a = png(100, 100, LAND);
    expect(compareImages(a, a)).toMatchObject({ differing: 0, pass: true, sizeMismatch: null });
  });

  it('compareImages fails a tint of the whole land by a few units (#fbf8f1 → #f4efe2)', () => {
    const r = compareImages(png(100, 100, LAND), png(100, 100, [0xf4, 0xef, 0xe2]));
    expect(r.differing).toBe(100 * 100);
    expect(r.pass).toBe(false);
  });

  it('compareImages passes a rounding step of one unit in every channel', () => {
    expect(compareImages(png(100, 100, LAND), png(100, 100, [0xfc, 0xf9, 0xf2])).differing).toBe(0);
  });

  it('compareImages passes differing pixels up to maxDifferingShare and fails one more', () => {
    const size = 200;
    const allowed = Math.floor(size * size * RENDER_TOLERANCE.maxDifferingShare);
    const red: [number, number, number] = [255, 0, 0];
    expect(compareImages(png(size, size, LAND), png(size, size, LAND, { count: allowed, colour: red })).pass).toBe(true);
    const over = compareImages(png(size, size, LAND), png(size, size, LAND, { count: allowed + 1, colour: red }));
    expect(over.differing).toBe(allowed + 1);
    expect(over.pass).toBe(false);
  });

  it('compareImages fails images of different sizes and says which', () => {
    const r = compareImages(png(10, 10, LAND), png(10, 12, LAND));
    expect(r.pass).toBe(false);
    expect(r.sizeMismatch).toBe('expected 10×10, drawn 10×12');
  });
});

describe('readRenderCase', () => {
  function caseDir(json: unknown): string {
    const dir = join(mkdtempSync(join(tmpdir(), 'render-case-')), 'c');
    mkdirSync(dir);
    writeFileSync(join(dir, 'case.json'), JSON.stringify(json));
    return dir;
  }

  it('readRenderCase fills the defaults of a minimal case', () => {
    const c = readRenderCase(caseDir({ why: 'w', issue: 'issue 8', url: 'index.html', viewport: { width: 390, height: 844 } }), 'c');
    expect(c).toMatchObject({ url: 'index.html', deviceScaleFactor: 1, frame: null, ready: 'map', webgl2: true, fixtures: {}, steps: [] });
  });

  it('readRenderCase names the file and field of a case without a viewport', () => {
    const dir = caseDir({ why: 'w', issue: 'issue 8', url: 'index.html' });
    expect(() => readRenderCase(dir, 'c')).toThrow(`${join(dir, 'case.json')}: "viewport" is missing or has the wrong type`);
  });

  it('readRenderCase refuses another origin, a device scale other than 1 and an unknown step', () => {
    const base = { why: 'w', issue: 'issue 8', url: 'index.html', viewport: { width: 1, height: 1 } };
    expect(() => readRenderCase(caseDir({ ...base, url: 'https://example.org/' }), 'c')).toThrow(/"url"/);
    expect(() => readRenderCase(caseDir({ ...base, deviceScaleFactor: 2 }), 'c')).toThrow(/"deviceScaleFactor"/);
    expect(() => readRenderCase(caseDir({ ...base, steps: [{ action: 'hover' }] }), 'c')).toThrow(/"steps"/);
  });
});
