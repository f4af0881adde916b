import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  AleaStream,
  betaDraw,
  fromUniform,
  gammaDraw,
  lognormal,
  normal,
  normals,
  standardNormal,
} from '../../src/model/random.ts';

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
    expect(standardNormal(fromUniform(() => 0.5))).toBe(0);
    expect(
      normal(
        fromUniform(() => 0.5),
        0.5,
        0.1,
      ),
    ).toBe(0.5);
    expect(
      lognormal(
        fromUniform(() => 0.5),
        0,
        0.5,
      ),
    ).toBe(1);
    const fixed = { uniform: () => 0.5, normal: () => -1.1774 };
    expect(gammaDraw(fixed, 1)).toBeCloseTo(0.0934, 4);
    expect(betaDraw(fixed, 1, 1)).toBe(0.5);
  });

  it('standardNormal has mean 0 and variance 1 (4 standard errors)', () => {
    const rng = fromUniform(seedrandom.alea('normal'));
    const { mean, variance } = moments(() => standardNormal(rng));
    expect(Math.abs(mean)).toBeLessThan(4 * Math.sqrt(1 / N));
    // Var of the sample variance of a normal is 2 / N.
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
  });

  it('lognormal has mean exp(mu + sigma^2 / 2)', () => {
    const rng = fromUniform(seedrandom.alea('lognormal'));
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
    const rng = fromUniform(seedrandom.alea(`gamma${a}`));
    const { mean, variance } = moments(() => gammaDraw(rng, a));
    expect(Math.abs(mean - a)).toBeLessThan(4 * Math.sqrt(a / N));
    // Var of the sample variance: (mu4 - sigma^4) / N with mu4 = 3a^2 + 6a for a gamma.
    expect(Math.abs(variance - a)).toBeLessThan(4 * Math.sqrt((2 * a * a + 6 * a) / N));
  });

  it('betaDraw(2, 5) has mean 2/7 and variance ab / ((a+b)^2 (a+b+1)) = 10/392', () => {
    const rng = fromUniform(seedrandom.alea('beta'));
    const { mean, variance } = moments(() => betaDraw(rng, 2, 5));
    const v = 10 / 392;
    expect(Math.abs(mean - 2 / 7)).toBeLessThan(4 * Math.sqrt(v / N));
    expect(Math.abs(variance - v)).toBeLessThan(0.05 * v);
  });
});

describe('AleaStream', () => {
  it('draws what seedrandom.alea draws from the same state', () => {
    const words = [589431507, 2739067546, 3395239587];
    const ours = new AleaStream().seed(words[0]!, words[1]!, words[2]!);
    const state = {
      c: 1,
      s0: words[0]! / 2 ** 32,
      s1: words[1]! / 2 ** 32,
      s2: words[2]! / 2 ** 32,
    };
    const theirs = seedrandom.alea('', { state });
    for (let t = 0; t < 1000; t++) expect(ours.uniform()).toBe(theirs());
  });

  it('restarts in place: a reseeded stream repeats its draws, normals included', () => {
    const stream = new AleaStream().seed(1, 2, 3);
    const first = [stream.uniform(), stream.normal(), stream.normal(), stream.normal()];
    stream.seed(1, 2, 3);
    expect([stream.uniform(), stream.normal(), stream.normal(), stream.normal()]).toEqual(first);
  });

  it('the ziggurat: a uniform inside a layer gives h wn[i] (u = 1/2 + 2^-32 k, k < 128: layer k)', () => {
    // h = k, layer k, |h| < kn[k]: the normal is k wn[k], tiny and of the sign of h
    const one = fromUniform(() => 0.5 + 2 ** -32).normal();
    expect(one).toBeGreaterThan(0);
    expect(one).toBeLessThan(1e-8);
    expect(fromUniform(() => 0.5 - 2 ** -32).normal()).toBeLessThan(0);
  });

  it('the ziggurat has the normal tail: P(|Z| > 3) = 0.0027 (4 standard errors)', () => {
    const stream = new AleaStream().seed(11, 12, 13);
    const n = 200_000;
    let beyond = 0;
    let fourth = 0;
    for (let t = 0; t < n; t++) {
      const z = stream.normal();
      if (Math.abs(z) > 3) beyond++;
      fourth += z ** 4;
    }
    const p = 0.0026998;
    expect(Math.abs(beyond / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    // E Z^4 = 3, Var Z^4 = 105 - 9 = 96
    expect(Math.abs(fourth / n - 3)).toBeLessThan(4 * Math.sqrt(96 / n));
  });

  it('normals writes the draws of as many normal calls, the tail and the wedge included', () => {
    const n = 200_000;
    const inner = new AleaStream().seed(21, 22, 23);
    let uniforms = 0;
    const one = fromUniform(() => {
      uniforms++;
      return inner.uniform();
    });
    const batch = new AleaStream().seed(21, 22, 23);
    const expected = Float64Array.from({ length: n }, () => normal(one, 0.4, 0.2));
    const out = new Float64Array(n + 2);
    normals(batch, out, 1, n + 1, 0.4, 0.2);
    expect(out[0]).toBe(0);
    expect(out[n + 1]).toBe(0);
    expect(out.subarray(1, n + 1)).toEqual(expected);
    // the streams are left in the same state
    expect(batch.uniform()).toBe(one.uniform());
    // |Z| beyond r = 3.4426 (the tail's own method) in about 0.058% of draws: some were drawn
    const tail = expected.filter((x) => Math.abs(x - 0.4) > 0.2 * 3.442619855899).length;
    expect(tail).toBeGreaterThan(50);
    // each tail draw takes 2 uniforms or more beyond its first; the rest went to the wedge
    expect(uniforms - n - 4 * tail).toBeGreaterThan(1000);
    // a stream of another kind draws one normal at a time
    const values = new Float64Array(3);
    normals(
      fromUniform(() => 0.5),
      values,
      0,
      3,
      0.5,
      0.1,
    );
    expect([...values]).toEqual([0.5, 0.5, 0.5]);
  });

  it('consecutive normals are uncorrelated (4 standard errors)', () => {
    const stream = new AleaStream().seed(7, 8, 9);
    let sum = 0;
    for (let t = 0; t < N; t++) sum += stream.normal() * stream.normal();
    expect(Math.abs(sum / N)).toBeLessThan(4 / Math.sqrt(N));
  });
});
