import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  createMedianScratch,
  drawProfile,
  type Profile,
  rankedMedian,
} from '../../src/model/profile.ts';
import { fromUniform } from '../../src/model/random.ts';
import {
  clearRankings,
  createRanking,
  createRankings,
  rankedShare,
  rankedWinSet,
  rankingFor,
  rankWeights,
  stillRanked,
} from '../../src/model/rankedVote.ts';
import { chamberYesShares } from '../../src/model/vote.ts';
import { createIntervals, winSet } from '../../src/model/winSet.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { makeProfile } from './makeProfile.ts';

/*
 * The ranked vote and win-set against the straightforward computations (the vote over every
 * constituent, the sweep over events) on random profiles with fixed seeds: bit for bit,
 * including ties at the cut (ideal points on a coarse grid, agreements at 2 v - q and one
 * double either side of it).
 */

/** The constituents by ascending ideal point, ties by index. */
function rank(p: Profile): Int32Array {
  return Int32Array.from({ length: p.M }, (_, j) => j).sort(
    (a, b) => p.ideal[a]! - p.ideal[b]! || a - b,
  );
}

/** The double next to `x` upward (`+1`) or downward (`-1`). */
function nextDouble(x: number, direction: 1 | -1): number {
  if (x === 0) return direction * Number.MIN_VALUE;
  const bits = new Float64Array([x]);
  const word = new BigInt64Array(bits.buffer);
  word[0] = word[0]! + BigInt(direction * Math.sign(x));
  return bits[0]!;
}

/**
 * A random profile: `M` constituents, ideal points on a grid of `step` (many ties) or not,
 * one salience or a salience per constituent.
 */
function randomProfile(rng: () => number, step: number | null): Profile {
  const M = 1 + Math.floor(rng() * 40);
  const ideal = Array.from({ length: M }, () => {
    const v = -0.5 + 2 * rng();
    return step === null ? v : Math.round(v / step) * step;
  });
  const unit = rng() < 0.5;
  const weight = ideal.map(() => (unit ? 1 : 1 + Math.floor(rng() * 5)));
  const reversion = [0, 1, 0.3, -0.2, rng()][Math.floor(rng() * 5)]!;
  const quota = [0.5, 0.6, 2 / 3, 0.75, 1][Math.floor(rng() * 5)]!;
  // one salience for all, or one per constituent (interest groups: saliences differ)
  const pick = () => [1, 0.25, 3, 1e-3][Math.floor(rng() * 4)]!;
  const salience = rng() < 0.5 ? pick() : ideal.map(pick);
  return makeProfile({ ideal, weight, reversion, quota, salience });
}

/** Agreements to vote on: every cut 2 v - q, one double either side, q, and random points. */
function agreements(p: Profile, rng: () => number): number[] {
  const q = p.reversion[0]!;
  const xs = [q, nextDouble(q, 1), nextDouble(q, -1), -1, 2];
  for (let j = 0; j < p.M; j++) {
    const x = 2 * p.ideal[j]! - q;
    xs.push(x, nextDouble(x, 1), nextDouble(x, -1));
  }
  for (let t = 0; t < 10; t++) xs.push(-1 + 3 * rng());
  return xs;
}

describe('rankedShare', () => {
  it('is the share of the vote over every constituent, bit for bit, ties at the cut included', () => {
    const rng = seedrandom.alea('ranked shares');
    const ranking = createRanking();
    const out = new Float64Array(1);
    let votes = 0;
    let fallbacks = 0;
    for (let trial = 0; trial < 400; trial++) {
      const p = randomProfile(rng, trial % 2 === 0 ? 1 / 16 : null);
      const order = rank(p);
      expect(rankWeights(p, order, ranking) && stillRanked(p, ranking)).toBe(true);
      for (const x of agreements(p, rng)) {
        const expected = chamberYesShares(p, x, {}, out)[0]!;
        const share = rankedShare(p, x, ranking);
        // -1: x within rounding of q, where the caller votes over every constituent
        if (share === -1) {
          fallbacks++;
          continue;
        }
        expect(share).toBe(expected);
        votes++;
      }
    }
    expect(votes).toBeGreaterThan(10_000);
    // the two neighbours of q in every trial, and cuts 2 v - q that fall on q
    expect(fallbacks).toBeLessThan(votes / 20);
  });

  it('sends a vote back to the pass over all when x is within 1e-140 of q', () => {
    const p = makeProfile({ ideal: [0.1, 0.3, 0.7], reversion: 0 });
    const ranking = createRanking();
    const order = Int32Array.of(0, 1, 2);
    expect(rankWeights(p, order, ranking) && stillRanked(p, ranking)).toBe(true);
    expect(rankedShare(p, 0.6, ranking)).toBe(2 / 3);
    expect(rankedShare(p, 1e-150, ranking)).toBe(-1);
  });
});

describe('rankWeights', () => {
  const base = { ideal: [0.1, 0.3, 0.7], reversion: 0 };
  const order = Int32Array.of(0, 1, 2);
  const ranking = createRanking();

  it('ranks a profile of the common case and fills the running weights', () => {
    const p = makeProfile({ ...base, weight: [2, 1, 3] });
    expect(rankWeights(p, order, ranking) && stillRanked(p, ranking)).toBe(true);
    expect(Array.from(ranking.prefix.subarray(0, 4))).toEqual([0, 2, 3, 6]);
  });

  it('refuses weights that are not integers, kappa, good will, a zero salience, a partial chamber, parties', () => {
    expect(rankWeights(makeProfile({ ...base, weight: [1, 0.5, 1] }), order, ranking)).toBe(false);
    expect(rankWeights(makeProfile({ ...base, kappa: [0, 0.01, 0] }), order, ranking)).toBe(false);
    expect(rankWeights(makeProfile({ ...base, goodWill: 0.01 }), order, ranking)).toBe(false);
    expect(rankWeights(makeProfile({ ...base, salience: 0 }), order, ranking)).toBe(false);
    // one constituent who cares about nothing accepts everything: not an interval [q, 2v - q]
    const indifferent = makeProfile({ ...base, salience: [1, 0, 2] });
    expect(rankWeights(indifferent, order, ranking)).toBe(false);
    const chambers = [{ members: [0, 1], quota: 0.5 }];
    expect(rankWeights(makeProfile({ ...base, chambers }), order, ranking)).toBe(false);
    const parties = makeProfile({ ...base, party: [0, 0, 1] });
    expect(rankWeights(parties, order, ranking)).toBe(false);
    expect(stillRanked(parties, ranking)).toBe(false);
  });

  it('stillRanked: ideal points that no longer ascend along the order, or a NaN, refuse it', () => {
    const p = makeProfile(base);
    expect(rankWeights(p, order, ranking) && stillRanked(p, ranking)).toBe(true);
    p.ideal[0] = 0.5;
    expect(stillRanked(p, ranking)).toBe(false);
    p.ideal[0] = Number.NaN;
    expect(stillRanked(p, ranking)).toBe(false);
  });

  it('stillRanked with ascending: the caller vouches for the order, the shape and span are still checked', () => {
    const p = makeProfile(base);
    expect(rankWeights(p, order, ranking)).toBe(true);
    p.ideal[0] = 0.5;
    expect(stillRanked(p, ranking, true)).toBe(true);
    p.ideal[order[0]!] = -1e160;
    expect(stillRanked(p, ranking, true)).toBe(false);
  });
});

describe('rankingFor', () => {
  it('ranks an order once per game, reuses it for a shifted copy, refuses it once reordered', () => {
    const rankings = createRankings();
    const truth = makeProfile({ ideal: [0.7, 0.1, 0.3], reversion: 0, weight: [1, 2, 3] });
    const order = Int32Array.of(1, 2, 0);
    const first = rankingFor(rankings, truth, order);
    expect(first).not.toBeNull();
    expect(Array.from(first!.prefix.subarray(0, 4))).toEqual([0, 2, 5, 6]);
    const belief = makeProfile({ ideal: [0.8, 0.2, 0.4], reversion: 0, weight: [1, 2, 3] });
    expect(rankingFor(rankings, belief, order)).toBe(first);
    expect(rankings.count).toBe(1);
    belief.ideal[1] = 0.9;
    expect(rankingFor(rankings, belief, order)).toBeNull();
    // a refused order is remembered too: no new slot per call
    const unranked = makeProfile({ ideal: [0.1, 0.2], reversion: 0, weight: [0.5, 1] });
    const two = Int32Array.of(0, 1);
    expect(rankingFor(rankings, unranked, two)).toBeNull();
    expect(rankingFor(rankings, unranked, two)).toBeNull();
    expect(rankings.count).toBe(2);
    clearRankings(rankings);
    expect(rankings.count).toBe(0);
  });
});

describe('rankedWinSet', () => {
  it('is the sweep’s win-set, bit for bit, ties and clipped ends included', () => {
    const rng = seedrandom.alea('ranked win-sets');
    const ranking = createRanking();
    const swept = createIntervals();
    const ranked = createIntervals();
    const boxes: [number, number][] = [
      [0, 1],
      [-1, 2],
      [-0.2, 0.9],
    ];
    let compared = 0;
    for (let trial = 0; trial < 600; trial++) {
      const p = randomProfile(rng, trial % 3 === 0 ? 1 / 8 : null);
      const order = rank(p);
      const box = boxes[trial % boxes.length]!;
      const q = p.reversion[0]!;
      expect(rankWeights(p, order, ranking) && stillRanked(p, ranking)).toBe(true);
      const applies = rankedWinSet(p, box[0], box[1], ranking, ranked);
      expect(applies).toBe(box[0] <= q && q <= box[1]);
      // the sweep over events, without the ranking
      winSet(p, box, {}, swept);
      // winSet with the ranking: the ranked win-set with its ends voted by rank
      const hinted = winSet(p, box, { order }, createIntervals());
      expect([
        hinted.count,
        ...hinted.lo.subarray(0, hinted.count),
        ...hinted.hi.subarray(0, hinted.count),
      ]).toEqual([
        swept.count,
        ...swept.lo.subarray(0, swept.count),
        ...swept.hi.subarray(0, swept.count),
      ]);
      expect(hinted.closed).toBe(swept.closed);
      if (!applies) continue;
      compared++;
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('majority around the median: ideal points 0.1, 0.3, 0.7 and q = 0 give [0, 0.6]', () => {
    const p = makeProfile({ ideal: [0.7, 0.1, 0.3], reversion: 0 });
    const order = Int32Array.of(1, 2, 0);
    const ranking = createRanking();
    const out = createIntervals();
    expect(rankWeights(p, order, ranking) && stillRanked(p, ranking)).toBe(true);
    expect(rankedWinSet(p, 0, 1, ranking, out)).toBe(true);
    expect([out.count, out.lo[0], out.hi[0]]).toEqual([1, 0, 2 * 0.3]);
  });
});

describe('ranked kernels on drawn Level IIs', () => {
  it('the game’s countries (101 normal ideal points, q = 0 and 1, quotas 1/2 to 3/4): win-sets and votes bit for bit', () => {
    const scenario = parseScenario({
      countries: [
        { reversion: 0, constituents: { idealPoints: { kind: 'normal', mean: 0.4 } } },
        {
          reversion: 1,
          constituents: {
            idealPoints: { kind: 'normal', mean: 0.6 },
            weights: { kind: 'constant', value: 3 },
          },
          ratification: { quota: 0.75 },
        },
      ],
    });
    const rng = fromUniform(seedrandom.alea('drawn'));
    const median = createMedianScratch();
    const ranking = createRanking();
    const out = new Float64Array(1);
    let votes = 0;
    for (let run = 0; run < 60; run++) {
      for (const k of [0, 1]) {
        const p = drawProfile(scenario, k, rng);
        // the game's order: the median's sort, ties by index
        rankedMedian(p, 0, median);
        const order = Int32Array.from(median.tags.subarray(0, p.M));
        const swept = winSet(p, [0, 1], {}, createIntervals());
        const hinted = winSet(p, [0, 1], { order }, createIntervals());
        expect(Array.from(hinted.lo.subarray(0, hinted.count))).toEqual(
          Array.from(swept.lo.subarray(0, swept.count)),
        );
        expect(Array.from(hinted.hi.subarray(0, hinted.count))).toEqual(
          Array.from(swept.hi.subarray(0, swept.count)),
        );
        expect(rankWeights(p, order, ranking)).toBe(true);
        const q = p.reversion[0]!;
        for (let j = 0; j < p.M; j++) {
          for (const x of [2 * p.ideal[j]! - q, p.ideal[j]!, 1 - p.ideal[j]!]) {
            const share = rankedShare(p, x, ranking);
            if (share === -1) continue;
            expect(share).toBe(chamberYesShares(p, x, {}, out)[0]);
            votes++;
          }
        }
      }
    }
    expect(votes).toBeGreaterThan(30_000);
  });
});
