import { describe, expect, it } from 'vitest';
import { createIntervals, pushInterval } from '../../src/model/intervals.ts';
import { buildCandidates } from '../../src/negotiation/candidates.ts';
import { createGameState } from '../../src/negotiation/state.ts';
import { parseScenario, type ScenarioInput } from '../../src/scenario/parse.ts';

/** A state of two countries on the grid 0, 0.25, ..., 1 (G = 5), one particle per belief. */
function state(input: ScenarioInput = { protocol: { candidates: 5 } }) {
  const s = createGameState(parseScenario(input));
  for (let b = 0; b < 4; b++) {
    s.beliefs.active[b] = 1;
    s.beliefs.intervals[b]![0] = createIntervals(2);
  }
  return s;
}

describe('buildCandidates in one dimension', () => {
  it('merges the win-sets ends into the grid, sorted, each value once', () => {
    const s = state();
    const iv = s.beliefs.intervals;
    // an end on the grid (0.25), an end twice (0.6), ends between grid points, a point set
    pushInterval(iv[0]![0]!, 0.25, 0.6);
    pushInterval(iv[1]![0]!, 0.1, 0.6);
    pushInterval(pushInterval(iv[2]![0]!, 0, 0.3), 0.9, 0.9);
    pushInterval(iv[3]![0]!, 0.75, 1);
    buildCandidates(s);
    const candidates = Array.from(s.table.candidates.subarray(0, s.table.count));
    expect(candidates).toEqual([0, 0.1, 0.25, 0.3, 0.5, 0.6, 0.75, 0.9, 1]);
  });

  it('keeps the grid alone when every win-set is empty', () => {
    const s = state();
    buildCandidates(s);
    expect(Array.from(s.table.candidates.subarray(0, s.table.count))).toEqual([
      0, 0.25, 0.5, 0.75, 1,
    ]);
  });

  it('keeps a grid point once where the box is too narrow for G distinct points', () => {
    // [1, 1 + 4 ulp] with G = 9: the grid repeats values, the candidates do not
    const ulp = 2 ** -52;
    const s = state({
      space: { lo: 1, hi: 1 + 4 * ulp },
      countries: [{ reversion: 1 }, { reversion: 1 + 4 * ulp }],
      protocol: { candidates: 9 },
    });
    expect(new Set(s.table.grid).size).toBeLessThan(9);
    buildCandidates(s);
    const candidates = Array.from(s.table.candidates.subarray(0, s.table.count));
    expect(candidates).toEqual([...new Set(s.table.grid)]);
  });
});
