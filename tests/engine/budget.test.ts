import { describe, expect, it } from 'vitest';
import { gameBytes, runWork } from '../../src/engine/budget.ts';
import { fixedCandidateCount, fixedCandidates } from '../../src/negotiation/candidates.ts';
import { parseScenario } from '../../src/scenario/parse.ts';

describe('the budget counts the candidates a single-issue game plays', () => {
  const scenario = (singleIssue: boolean) =>
    parseScenario({
      space: { D: 3 },
      protocol: { singleIssue, candidates: 5 },
      countries: [{ reversion: 0 }, { reversion: 0 }],
    });

  it('D G - (D - 1) candidates when the reversion lies on the grid, as fixedCandidates builds', () => {
    // D = 3, G = 5, q = 0 on the grid: 3 * 5 - 2 = 13 (the reversion kept once)
    expect(fixedCandidateCount(scenario(true))).toBe(13);
    expect(fixedCandidates(scenario(true)).length / 3).toBe(13);
    expect(fixedCandidateCount(scenario(false))).toBe(5);
    // q = 0.3 is off the grid 0, 0.25, ..., 1: nothing repeats, 3 * 5 = 15
    const off = parseScenario({
      space: { D: 3 },
      protocol: { singleIssue: true, candidates: 5 },
      countries: [{ reversion: 0.3 }, { reversion: 0.3 }],
    });
    expect(fixedCandidateCount(off)).toBe(15);
    expect(fixedCandidates(off).length / 3).toBe(15);
  });

  it('work and bytes grow by the 8 candidates more', () => {
    const single = scenario(true);
    const packages = scenario(false);
    const { deadline } = single.protocol;
    // runWork: (1 + reopen) T G N^2 over the candidates, N = 2: 8 more candidates
    expect(runWork(single) - runWork(packages)).toBe((1 + single.reopen) * deadline * 8 * 4);
    // gameBytes: 8 G (N^2 + N + D + 1) = 8 * 8 * (4 + 2 + 3 + 1) = 640 more
    expect(gameBytes(single) - gameBytes(packages)).toBe(640);
  });
});
