import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { randomDesign } from '../../../src/engine/designs/random.ts';
import { cellsOf } from '../../../src/engine/designs/table.ts';

/** The design's cells as objects. */
const randomCells = (...args: Parameters<typeof randomDesign>) => cellsOf(randomDesign(...args));

describe('randomCells', () => {
  const parameters = [
    { path: 'q', range: [0.5, 0.75] as [number, number] },
    { path: 'k', range: [1, 5] as [number, number], integer: true },
    { path: 'tau', range: [0.01, 10] as [number, number], scale: 'log' as const },
    { path: 'protocol', values: ['alternating', 'ultimatum'] },
  ];
  const n = 4000;
  const cells = randomCells(parameters, n, seedrandom.alea('random-test'));

  it('stays within each range and values list', () => {
    expect(cells).toHaveLength(n);
    const outside = cells.filter(
      ({ values: v }) =>
        !(
          (v.q as number) >= 0.5 &&
          (v.q as number) < 0.75 &&
          [1, 2, 3, 4, 5].includes(v.k as number) &&
          (v.tau as number) >= 0.01 &&
          (v.tau as number) < 10 &&
          ['alternating', 'ultimatum'].includes(v.protocol as string)
        ),
    );
    expect(outside).toEqual([]);
  });

  it('is uniform: means and shares within 4 standard errors', () => {
    const mean = (f: (v: Record<string, unknown>) => number) =>
      cells.reduce((s, c) => s + f(c.values), 0) / n;
    // q ~ U(0.5, 0.75): mean 0.625, sd 0.25 / sqrt(12).
    expect(Math.abs(mean((v) => v.q as number) - 0.625)).toBeLessThan(
      (4 * 0.25) / Math.sqrt(12 * n),
    );
    // k uniform on 1..5: mean 3, sd sqrt(2).
    expect(Math.abs(mean((v) => v.k as number) - 3)).toBeLessThan((4 * Math.SQRT2) / Math.sqrt(n));
    // log10 tau ~ U(-2, 1): mean -0.5, sd 3 / sqrt(12).
    expect(Math.abs(mean((v) => Math.log10(v.tau as number)) + 0.5)).toBeLessThan(
      (4 * 3) / Math.sqrt(12 * n),
    );
    // share of 'ultimatum' 1/2, sd 1/2.
    expect(Math.abs(mean((v) => (v.protocol === 'ultimatum' ? 1 : 0)) - 0.5)).toBeLessThan(
      (4 * 0.5) / Math.sqrt(n),
    );
  });
});
