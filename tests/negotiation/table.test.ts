import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/negotiation/game.ts';
import type { TraceEvent } from '../../src/negotiation/trace.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { exactCountries } from './fixtures/exactCountries.ts';

/**
 * Three countries, exact beliefs, medians known (three constituents each): W_A = [0, 0.6]
 * (median 0.3, q = 0), W_B = [0.4, 1] (0.7, q = 1), W_C = [0.35, 0.55] (0.45, q = 0.35). Every
 * pair overlaps on 0.2 ([0.4, 0.6], [0.35, 0.55]), all three only on [0.4, 0.55]: a top or an
 * overlap that misses a country's row shows.
 */
function threeCountries() {
  const country = (reversion: number, values: number[]) => ({
    reversion,
    constituents: { idealPoints: { kind: 'explicit' as const, values } },
  });
  return parseScenario({
    countries: exactCountries([
      country(0, [0.1, 0.3, 0.9]),
      country(1, [0.2, 0.7, 0.8]),
      country(0.35, [0.3, 0.45, 0.5]),
    ]),
  });
}

describe('the table of three countries', () => {
  const events: TraceEvent[] = [];
  const record = playGame(threeCountries(), 'three', { push: (e) => events.push(e) });
  const offers = events.filter((e) => e.type === 'offer');

  it('measures the believed overlap of all three win-sets: 0.55 - 0.4', () => {
    expect(record.overlapSize).toBeCloseTo(0.15, 12);
    expect(record.believedOverlapSize).toBeCloseTo(0.15, 12);
  });

  it('tops A at his best candidate in all three (0.4), so at aspiration 1 he offers it', () => {
    // A's gain 0.09 - (x - 0.3)^2 peaks at 0.3, outside W_B and W_C: top = gain(0.4) = 0.08
    expect(offers[0]?.proposer).toBe(0);
    expect(offers[0]?.x[0]).toBeCloseTo(0.4, 12);
  });

  it('tops B at 0.55, so at aspiration 0.9 he offers the first grid point past 0.529', () => {
    // B's gain 0.09 - (x - 0.7)^2, top = gain(0.55) = 0.0675; u >= 0.9 iff x >= 0.7 - sqrt(0.02925)
    expect(offers[1]?.proposer).toBe(1);
    expect(offers[1]?.x[0]).toBeCloseTo(0.53, 12);
  });
});
