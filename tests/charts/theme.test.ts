import { describe, expect, it } from 'vitest';
import {
  figureFrame,
  figureSize,
  OUTCOME_COLORS,
  OUTCOME_SHAPES,
  SERIES_DASHES,
  themeConfig,
} from '../../src/charts/theme.ts';
import { OUTCOMES } from '../../src/negotiation/record.ts';

/** CIELAB L* of a #rrggbb colour (sRGB, D65). */
function lightness(hex: string): number {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = [1, 3, 5].map((i) => lin(parseInt(hex.slice(i, i + 2), 16) / 255));
  const y = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return y > 0.008856 ? 116 * Math.cbrt(y) - 16 : 903.3 * y;
}

describe('figureSize', () => {
  it('is 3.5 in (252 pt) and 7 in (504 pt) wide on paper, 6 and 12 in on slides', () => {
    expect(figureSize({ theme: 'paper', columns: 1 })).toMatchObject({ width: 252, height: 180 });
    expect(figureSize({ theme: 'paper', columns: 2 })).toMatchObject({ width: 504, height: 216 });
    expect(figureSize({ theme: 'slides', columns: 1 }).width).toBe(432);
    expect(figureSize({ theme: 'slides', columns: 2 }).width).toBe(864);
  });

  it('names the bad option and the valid values', () => {
    expect(() => figureSize({ theme: 'poster' as 'paper', columns: 1 })).toThrow(
      `figure options.theme: expected 'paper' or 'slides', got "poster"`,
    );
    expect(() => figureSize({ theme: 'paper', columns: 3 as 1 })).toThrow(
      'figure options.columns: expected 1 or 2, got 3',
    );
  });
});

describe('themeConfig', () => {
  it('sets IBM Plex Sans with 8 pt labels and 9 pt titles on paper, 14/16 on slides', () => {
    const paper = themeConfig({ theme: 'paper', columns: 1 });
    expect(paper.font).toBe('IBM Plex Sans');
    expect(paper.axis).toMatchObject({ labelFontSize: 8, titleFontSize: 9 });
    expect(themeConfig({ theme: 'slides', columns: 2 }).axis).toMatchObject({
      labelFontSize: 14,
      titleFontSize: 16,
    });
  });

  it('fits the whole figure, legends included, to its size', () => {
    expect(figureFrame({ theme: 'paper', columns: 2, title: 'T' })).toMatchObject({
      width: 504,
      height: 216,
      title: 'T',
      config: { autosize: { type: 'fit', contains: 'padding' } },
    });
  });
});

describe('outcome palette', () => {
  it('keeps the five outcomes in a fixed order with distinct colours and shapes', () => {
    expect(OUTCOMES).toEqual([
      'agreement',
      'no_agreement',
      'involuntary_defection',
      'voluntary_defection',
      'aborted',
    ]);
    expect(new Set(Object.values(OUTCOME_COLORS)).size).toBe(5);
    expect(new Set(Object.values(OUTCOME_SHAPES)).size).toBe(5);
  });

  it('separates stack neighbours by at least 20 L* so stacks survive grayscale', () => {
    const l = OUTCOMES.map((o) => lightness(OUTCOME_COLORS[o]));
    // L* of #0072B2, #E69F00, #000000, #009E73, #C8C8C8 = 46.0, 70.6, 0, 57.7, 80.6
    expect(l[0]).toBeCloseTo(46.0, 0);
    expect(l[1]).toBeCloseTo(70.6, 0);
    for (let i = 1; i < l.length; i++) expect(Math.abs(l[i]! - l[i - 1]!)).toBeGreaterThan(20);
  });
});

describe('SERIES_DASHES', () => {
  it('starts solid ([]) and has only positive dash lengths, as PDF requires', () => {
    // PDF 1.7 (ISO 32000-1) section 8.4.3.6: dash array elements must not all be 0; PDFKit
    // refuses any 0, so the solid line is the empty pattern rather than [1, 0].
    expect(SERIES_DASHES[0]).toEqual([]);
    for (const dash of SERIES_DASHES) for (const length of dash) expect(length).toBeGreaterThan(0);
  });
});
