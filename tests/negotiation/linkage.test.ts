import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/engine/load.ts';
import { cellScenario, planExperiment } from '../../src/engine/plan.ts';
import { runSeed } from '../../src/engine/seeds.ts';
import { intervalsSize } from '../../src/model/intervals.ts';
import { margin } from '../../src/model/margin.ts';
import { drawProfile, type Profile } from '../../src/model/profile.ts';
import { singleIssueOverlap } from '../../src/model/singleIssue.ts';
import { overlapSize } from '../../src/model/winSetSize.ts';
import { fixedCandidates } from '../../src/negotiation/candidates.ts';
import { createGame } from '../../src/negotiation/game.ts';
import { runStreams } from '../../src/negotiation/streams.ts';
import { parseScenario, type ScenarioInput } from '../../src/scenario/parse.ts';
import { exactCountries } from './fixtures/exactCountries.ts';

/**
 * Two countries of one constituent each, known exactly, q = (0, 0) in [0, 1]^2: the US's
 * v = (0.5, -0.1), Germany's v = (-0.1, 0.5), unit salience; each negotiator is his
 * constituent with a personal reservation phi = 0.001 (the status quo itself is no agreement).
 * Margins: US x1 (1 - x1) - x2 (x2 + 0.2), Germany x2 (1 - x2) - x1 (x1 + 0.2). On issue 0 alone
 * Germany's margin is negative for x1 > 0, on issue 1 alone the US's for x2 > 0; a package
 * such as (0.3, 0.3) gives both 0.06.
 */
function scenario(singleIssue: boolean): ScenarioInput {
  const negotiator = { reservation: 0.001 };
  return {
    space: { D: 2 },
    protocol: { name: 'alternating', candidates: 64, singleIssue },
    countries: exactCountries([
      {
        name: 'US',
        reversion: [0, 0],
        constituents: { idealPoints: { kind: 'explicit', values: [[0.5, -0.1]] } },
        negotiator,
      },
      {
        name: 'Germany',
        reversion: [0, 0],
        constituents: { idealPoints: { kind: 'explicit', values: [[-0.1, 0.5]] } },
        negotiator,
      },
    ]),
  };
}

describe('single-issue candidates', () => {
  it('G values of each issue, the other at the reversion, the reversion once', () => {
    const s = parseScenario({ ...scenario(true), protocol: { candidates: 3, singleIssue: true } });
    expect(Array.from(fixedCandidates(s))).toEqual([0, 0, 0.5, 0, 1, 0, 0, 0.5, 0, 1]);
  });

  it('the other issue sits at the reversion q = (0.5, 0.25), not at lo', () => {
    // issue 0: x1 = 0, 0.5, 1 with x2 = 0.25; issue 1: x2 = 0, 0.5, 1 with x1 = 0.5 (0.25 is off
    // the grid, so nothing repeats): 6 candidates, q itself among issue 0's
    const base = scenario(true);
    const s = parseScenario({
      ...base,
      protocol: { candidates: 3, singleIssue: true },
      countries: base.countries!.map((c) => ({ ...c, reversion: [0.5, 0.25] })),
    });
    expect(Array.from(fixedCandidates(s))).toEqual([
      0, 0.25, 0.5, 0.25, 1, 0.25, 0.5, 0, 0.5, 0.5, 0.5, 1,
    ]);
  });

  it('packages stay the Sobol points', () => {
    const s = parseScenario({ ...scenario(false), protocol: { candidates: 3 } });
    expect(fixedCandidates(s).length).toBe(6);
  });
});

describe('synergistic linkage in a game', () => {
  it('the package is agreed and ratified; both constituents gain', () => {
    const record = createGame(parseScenario(scenario(false))).play('1');
    expect(record.outcome).toBe('agreement');
    const [us, germany] = parseProfiles(scenario(false));
    expect(margin(us!, 0, record.agreement)).toBeGreaterThanOrEqual(0);
    expect(margin(germany!, 0, record.agreement)).toBeGreaterThanOrEqual(0);
    expect(record.agreement[0]).toBeGreaterThan(0);
    expect(record.agreement[1]).toBeGreaterThan(0);
  });

  it('single issues only: every candidate is refused by one country (or is q, vetoed): no agreement', () => {
    const record = createGame(parseScenario(scenario(true))).play('1');
    expect(record.outcome).toBe('no_agreement');
    expect(record.rounds).toBe(50);
  });
});

describe("the record's median gain weighs each issue with the mean salience", () => {
  it('US of three at v = (0.5, -0.1), saliences (1, 4), (1, 1), (1, 1): s = (1, 2)', () => {
    // the median constituent is v = (0.5, -0.1) with mean salience (1, (4 + 1 + 1) / 3 = 2), so
    // gain = (0.25 - (x1 - 0.5)^2) + 2 (0.01 - (x2 + 0.1)^2); constituent 0's salience 4 would
    // give 4 (0.01 - (x2 + 0.1)^2) on issue 1 instead
    const base = scenario(false);
    const us = base.countries![0]!;
    const input: ScenarioInput = {
      ...base,
      countries: [
        {
          ...us,
          constituents: {
            ...us.constituents,
            idealPoints: {
              kind: 'explicit',
              values: [
                [0.5, -0.1],
                [0.5, -0.1],
                [0.5, -0.1],
              ],
            },
            groups: [{ count: 1, salience: [1, 4] }, { count: 2 }],
          },
        },
        base.countries![1]!,
      ],
    };
    const record = createGame(parseScenario(input)).play('1');
    expect(record.outcome).toBe('agreement');
    const [x1, x2] = record.agreement as unknown as [number, number];
    expect(x2).toBeGreaterThan(0);
    expect(record.medianGain[0]).toBeCloseTo(
      0.25 - (x1 - 0.5) ** 2 + 2 * (0.01 - (x2 + 0.1) ** 2),
      12,
    );
  });
});

function parseProfiles(input: ScenarioInput): Profile[] {
  const s = parseScenario(input);
  const streams = runStreams(s).start('1');
  return s.countries.map((_, k) => drawProfile(s, k, streams.levelII[k]!));
}

describe('experiments/mechanisms/2-linkage.ts is built as it says', async () => {
  const loaded = await loadExperiment('experiments/mechanisms/2-linkage.ts');
  const plan = planExperiment(loaded.experiment, { baseDir: loaded.baseDir, runs: 'none' });
  const R = plan.replications.max;
  const base = cellScenario(plan, plan.cells.at(0));
  const streams = runStreams(base);
  /** Replication r's Level II (crn: every cell draws the same one; saliences aside). */
  const levelII = (r: number) => {
    const started = streams.start(runSeed(plan.experiment.seed, '', r, true));
    return base.countries.map((_, k) => drawProfile(base, k, started.levelII[k]!));
  };

  it('no single-issue agreement is ratifiable in all three countries, in any replication', () => {
    // On one issue the other's loss cancels, so with kappa = 0, no good will and no payments
    // (as here) saliences do not matter (MODEL.md 9.6): one draw per replication stands for
    // every cell.
    for (let r = 0; r < R; r++) {
      const truth = levelII(r);
      for (const d of [0, 1]) expect(intervalsSize(singleIssueOverlap(truth, d, [0, 1]))).toBe(0);
    }
  });

  it('a package beyond q is ratifiable in all three at the lowest US intensity', () => {
    // the overlap holds more Sobol points than q = (0, 0), the first of the 4096
    for (let r = 0; r < 10; r++) expect(overlapSize(levelII(r), [0, 1])).toBeGreaterThan(1 / 4096);
  });
});
