import { describe, expect, it } from 'vitest';
import { parameterAt } from '../../../src/engine/designs/parameterAt.ts';

describe('parameterAt', () => {
  it('maps u linearly onto a range', () => {
    expect(parameterAt({ path: 'q', range: [0, 2] }, 0.25)).toBe(0.5);
    expect(parameterAt({ path: 'q', range: [-1, 1] }, 0)).toBe(-1);
  });

  it('maps u uniformly in log x on a log scale', () => {
    expect(parameterAt({ path: 'n', range: [1, 100], scale: 'log' }, 0.5)).toBeCloseTo(10, 12);
    expect(parameterAt({ path: 'n', range: [0.01, 1], scale: 'log' }, 0.5)).toBeCloseTo(0.1, 12);
  });

  it('gives each integer of [lo, hi] an equal share of the unit interval', () => {
    // [1, 4] widened to [0.5, 4.5]: u in [0, 1/4) -> 1, [1/4, 1/2) -> 2, ...
    const p = { path: 'k', range: [1, 4] as [number, number], integer: true };
    expect([0, 0.2, 0.25, 0.3, 0.5, 0.74, 0.75, 0.999].map((u) => parameterAt(p, u))).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4,
    ]);
  });

  it('chooses among values by equal shares when there is no range', () => {
    const p = { path: 'protocol', values: ['alternating', 'ultimatum', 'nash'] };
    expect([0, 0.33, 0.34, 0.66, 0.67, 0.99].map((u) => parameterAt(p, u))).toEqual([
      'alternating',
      'alternating',
      'ultimatum',
      'ultimatum',
      'nash',
      'nash',
    ]);
  });
});
