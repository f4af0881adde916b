import { describe, expect, it } from 'vitest';
import { checkGroupedBinomial } from '../../src/analysis/checkGroupedBinomial.ts';

describe('checkGroupedBinomial', () => {
  it('accepts valid grouped data, including typed arrays and empty groups', () => {
    expect(() =>
      checkGroupedBinomial('f', 'x', new Float64Array([0, 1]), [0, 2], new Uint32Array([0, 2])),
    ).not.toThrow();
  });

  it('names the caller, the array and the index of the first problem, and what is valid', () => {
    expect(() => checkGroupedBinomial('f', 'x', [0, 1], [1, 3], [2, 2])).toThrow(
      'f: successes[1] must be in [0, trials[1]] = [0, 2]; got 3.',
    );
    expect(() => checkGroupedBinomial('f', 'x', [0, Number.NaN], [1, 1], [2, 2])).toThrow(
      'f: x[1] must be a finite number; got NaN.',
    );
    expect(() => checkGroupedBinomial('f', 'x', [0, 1], [0, 0], [-1, 2])).toThrow(
      'f: trials[0] must be a finite number >= 0; got -1.',
    );
  });
});
