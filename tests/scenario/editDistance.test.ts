import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/scenario/editDistance.ts';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions (Levenshtein)', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3); // k -> s, e -> i, insert g
    expect(editDistance('qouta', 'quota')).toBe(2); // a swap is two substitutions
    expect(editDistance('', 'tau')).toBe(3);
    expect(editDistance('tau', '')).toBe(3);
    expect(editDistance('quota', 'quota')).toBe(0);
  });

  it('is symmetric', () => {
    expect(editDistance('reversion', 'reversoin')).toBe(editDistance('reversoin', 'reversion'));
  });
});
