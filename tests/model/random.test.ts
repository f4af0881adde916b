import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { betaDraw, gammaDraw, lognormal, normal, standardNormal } from '../../src/model/random.ts';

const N = 40_000;

/** Sample mean and variance of `N` draws. */
function moments(draw: () => number) {
  let sum = 0;
  let sumSq = 0;
  for (let t = 0; t < N; t++) {
    const x = draw();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / N;
  return { mean, variance: sumSq / N - mean * mean };
}

describe('random draws', () => {
  it('worked examples from the doc comments', () => {
    expect(standardNormal(() => 0)).toBeCloseTo(0, 15);
    expect(normal(() => 0, 0.5, 0.1)).toBe(0.5);
    expect(lognormal(() => 0, 0, 0.5)).toBe(1);
    expect(gammaDraw(() => 0.5, 1)).toBeCloseTo(0.0934, 4);
    expect(betaDraw(() => 0.5, 1, 1)).toBe(0.5);
  });

  it('standardNormal has mean 0 and variance 1 (4 standard errors)', () => {
    const rng = seedrandom.alea('normal');
    const { mean, variance } = moments(() => standardNormal(rng));
    expect(Math.abs(mean)).toBeLessThan(4 * Math.sqrt(1 / N));
    // Var of the sample variance of a normal is 2 / N.
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
  });

  it('lognormal has mean exp(mu + sigma^2 / 2)', () => {
    const rng = seedrandom.alea('lognormal');
    const sigma = 0.5;
    const { mean } = moments(() => lognormal(rng, 0, sigma));
    const expected = Math.exp(sigma ** 2 / 2);
    const sd = Math.sqrt((Math.exp(sigma ** 2) - 1) * Math.exp(sigma ** 2));
    expect(Math.abs(mean - expected)).toBeLessThan(4 * (sd / Math.sqrt(N)));
  });

  it.each([
    [0.5, 1],
    [2, 3],
  ])('gammaDraw(%d) has mean and variance a', (a) => {
    const rng = seedrandom.alea(`gamma${a}`);
    const { mean, variance } = moments(() => gammaDraw(rng, a));
    expect(Math.abs(mean - a)).toBeLessThan(4 * Math.sqrt(a / N));
    // Var of the sample variance: (mu4 - sigma^4) / N with mu4 = 3a^2 + 6a for a gamma.
    expect(Math.abs(variance - a)).toBeLessThan(4 * Math.sqrt((2 * a * a + 6 * a) / N));
  });

  it('betaDraw(2, 5) has mean 2/7 and variance ab / ((a+b)^2 (a+b+1)) = 10/392', () => {
    const rng = seedrandom.alea('beta');
    const { mean, variance } = moments(() => betaDraw(rng, 2, 5));
    const v = 10 / 392;
    expect(Math.abs(mean - 2 / 7)).toBeLessThan(4 * Math.sqrt(v / N));
    expect(Math.abs(variance - v)).toBeLessThan(0.05 * v);
  });
});
