import { describe, expect, it } from 'vitest';
import { complementaryErrorFunction } from '../../src/analysis/complementaryErrorFunction.ts';

// Reference values: Abramowitz and Stegun (1964), Table 7.1 (erf to 15 decimals), and for the
// far tail the asymptotic series erfc(x) ~ e^(-x^2) / (x sqrt(pi)) (1 - 1/(2x^2) + 3/(4x^4) - ...).
describe('complementaryErrorFunction', () => {
  it('is 1 at 0 and 1 - erf elsewhere (A&S Table 7.1)', () => {
    expect(complementaryErrorFunction(0)).toBe(1);
    expect(complementaryErrorFunction(0.5)).toBeCloseTo(1 - 0.520499877813047, 15);
    expect(complementaryErrorFunction(1)).toBeCloseTo(1 - 0.842700792949715, 15);
    expect(complementaryErrorFunction(2)).toBeCloseTo(1 - 0.995322265018953, 15);
  });

  it('is continuous where the series hands over to the continued fraction (x = 1.25)', () => {
    const below = complementaryErrorFunction(1.25 - 1e-9);
    const above = complementaryErrorFunction(1.25);
    // slope of erfc at 1.25 is -2/sqrt(pi) e^(-1.5625) = -0.2361, so the gap is 2.361e-10
    expect(below - above).toBeCloseTo(2.361e-10, 12);
  });

  it('keeps relative accuracy far in the tail (asymptotic series)', () => {
    const asymptotic = (x: number) => {
      const u = 1 / (2 * x * x);
      return (
        (Math.exp(-x * x) / (x * Math.sqrt(Math.PI))) *
        (1 - u + 3 * u * u - 15 * u ** 3 + 105 * u ** 4 - 945 * u ** 5)
      );
    };
    for (const x of [6, 10, 20]) {
      expect(complementaryErrorFunction(x) / asymptotic(x)).toBeCloseTo(1, 6);
    }
    expect(complementaryErrorFunction(30)).toBe(0);
  });

  it('obeys erfc(-x) = 2 - erfc(x)', () => {
    expect(complementaryErrorFunction(-1)).toBeCloseTo(2 - complementaryErrorFunction(1), 15);
  });
});
