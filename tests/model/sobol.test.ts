import { describe, expect, it } from 'vitest';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from '../../src/model/sobol.ts';

/** Column `d` of a row-major point set with `dims` coordinates per point. */
function column(points: Float64Array, dims: number, d: number): number[] {
  const out: number[] = [];
  for (let i = d; i < points.length; i += dims) out.push(points[i]!);
  return out;
}

describe('sobolPoints', () => {
  const first8 = sobolPoints(8, 3);

  it('dimension 1 is the van der Corput sequence in Gray-code order', () => {
    expect(column(first8, 3, 0)).toEqual([0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125]);
  });

  it('dimension 2 (x + 1, m = 1) matches the published values', () => {
    expect(column(first8, 3, 1)).toEqual([0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625]);
  });

  it('dimension 3 (x^2 + x + 1, m = 1, 3) matches Joe-Kuo: v = 1/2, 3/4, 3/8', () => {
    // x1 = v1, x2 = x1 ^ v2, x3 = x2 ^ v1, x4 = x3 ^ v3 (binary .110 ^ .011 = .101), ...
    expect(column(first8, 3, 2)).toEqual([0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375]);
  });

  it('point 1000 in 16 dimensions equals SciPy qmc.Sobol(16, scramble=False)', () => {
    expect(Array.from(sobolPoints(1, 16, 1000))).toEqual([
      0.2197265625, 0.0966796875, 0.5185546875, 0.6767578125, 0.2802734375, 0.9072265625,
      0.0458984375, 0.8994140625, 0.5009765625, 0.0693359375, 0.0849609375, 0.2548828125,
      0.1611328125, 0.3837890625, 0.1435546875, 0.3701171875,
    ]);
  });

  it('skip starts the sequence at that index', () => {
    const all = sobolPoints(47, 5);
    expect(sobolPoints(10, 5, 37)).toEqual(all.slice(37 * 5));
  });

  it('the first 2^k points put one point in each of 2^k bins of every coordinate', () => {
    const dims = SOBOL_MAX_DIMENSIONS;
    for (let k = 0; k <= 10; k++) {
      const n = 2 ** k;
      const points = sobolPoints(n, dims);
      for (let d = 0; d < dims; d++) {
        const bins = new Uint8Array(n);
        for (const x of column(points, dims, d)) bins[Math.floor(x * n)]!++;
        expect(bins.every((b) => b === 1)).toBe(true);
      }
    }
  });

  it('integrates prod x_d over [0,1]^5 to within 1e-3 of 2^-5 with 2^12 points', () => {
    const dims = 5;
    const n = 2 ** 12;
    const points = sobolPoints(n, dims);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let product = 1;
      for (let d = 0; d < dims; d++) product *= points[i * dims + d]!;
      sum += product;
    }
    expect(Math.abs(sum / n - 2 ** -5)).toBeLessThan(1e-3);
  });

  it('supports 32 dimensions and rejects invalid arguments', () => {
    expect(SOBOL_MAX_DIMENSIONS).toBe(32);
    expect(sobolPoints(0, 2)).toHaveLength(0);
    expect(() => sobolPoints(4, 0)).toThrow(/dims must be an integer from 1 to 32, got 0/);
    expect(() => sobolPoints(4, 33)).toThrow(/got 33/);
    expect(() => sobolPoints(-1, 2)).toThrow(/count must be an integer >= 0, got -1/);
    expect(() => sobolPoints(2, 2, 2 ** 32 - 1)).toThrow(/skip \+ count <= 2\^32/);
  });
});
