import { describe, expect, it } from 'vitest';
import { normalUpperTailP } from '../../src/analysis/normalUpperTailP.ts';

// Standard normal table (Abramowitz and Stegun 1964, Table 26.1): P(Z >= 1.644853627) = 0.05.
describe('normalUpperTailP', () => {
  it('gives one-sided tail areas', () => {
    expect(normalUpperTailP(0)).toBe(0.5);
    expect(normalUpperTailP(1.6448536269514722)).toBeCloseTo(0.05, 14);
    expect(normalUpperTailP(-1.6448536269514722)).toBeCloseTo(0.95, 14);
  });

  it('makes the two tails add to 1', () => {
    for (const z of [0.3, 1.7, 3.2]) {
      expect(normalUpperTailP(z) + normalUpperTailP(-z)).toBeCloseTo(1, 15);
    }
  });
});
