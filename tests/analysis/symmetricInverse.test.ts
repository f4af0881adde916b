import { describe, expect, it } from 'vitest';
import { symmetricInverse } from '../../src/analysis/symmetricInverse.ts';

describe('symmetricInverse', () => {
  it('inverts a positive-definite matrix: [[4, 2], [2, 3]]^-1 = [[3, -2], [-2, 4]] / 8', () => {
    const { inverse, aliased } = symmetricInverse(Float64Array.of(4, 2, 2, 3), 2);
    [0.375, -0.25, -0.25, 0.5].forEach((v, k) => {
      expect(inverse[k]).toBeCloseTo(v, 15);
    });
    expect(aliased).toEqual([false, false]);
  });

  it('leaves out a column that repeats an earlier one and inverts the rest', () => {
    // columns 0 and 1 equal (x = y), column 2 independent: a generalised inverse
    const a = Float64Array.of(2, 2, 1, 2, 2, 1, 1, 1, 3);
    const { inverse, aliased } = symmetricInverse(a, 3);
    expect(aliased).toEqual([false, true, false]);
    // [[2, 1], [1, 3]]^-1 = [[3, -1], [-1, 2]] / 5 on rows and columns 0 and 2
    const expected = [0.6, 0, -0.2, 0, 0, 0, -0.2, 0, 0.4];
    Array.from(inverse).forEach((v, k) => {
      expect(v).toBeCloseTo(expected[k]!, 14);
    });
  });
});
