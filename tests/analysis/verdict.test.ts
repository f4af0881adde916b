import { describe, expect, it } from 'vitest';
import { verdict } from '../../src/analysis/verdict.ts';

// The rule documented in src/analysis/verdict.ts: supported when adjusted p < alpha and the sign
// matches, contradicted when adjusted p < alpha and the sign is opposite, else inconclusive.
describe('verdict', () => {
  it('supports a significant effect in the expected direction', () => {
    expect(verdict(0.4, 'increasing', 0.001)).toBe('supported');
    expect(verdict(-0.4, 'decreasing', 0.049)).toBe('supported');
  });

  it('contradicts a significant effect in the opposite direction', () => {
    expect(verdict(-0.4, 'increasing', 0.001)).toBe('contradicted');
    expect(verdict(Number.POSITIVE_INFINITY, 'decreasing', 0.01)).toBe('contradicted');
  });

  it('is inconclusive at or above alpha, for a zero or NaN estimate, and for a NaN p', () => {
    expect(verdict(0.4, 'increasing', 0.05)).toBe('inconclusive');
    expect(verdict(0.4, 'increasing', 0.2)).toBe('inconclusive');
    expect(verdict(0, 'increasing', 0.001)).toBe('inconclusive');
    expect(verdict(Number.NaN, 'increasing', 0.001)).toBe('inconclusive');
    expect(verdict(0.4, 'increasing', Number.NaN)).toBe('inconclusive');
  });

  it('takes another alpha', () => {
    expect(verdict(0.4, 'increasing', 0.03, 0.01)).toBe('inconclusive');
    expect(verdict(0.4, 'increasing', 0.03, 0.1)).toBe('supported');
  });
});
