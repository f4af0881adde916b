import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readResults } from '../../src/analysis/readResults.ts';
import { summarize } from '../../src/analysis/summarize.ts';
import { type ExperimentInput, parseExperiment } from '../../src/engine/experiment.ts';
import { cellScenario, planExperiment } from '../../src/engine/plan.ts';
import { runExperiment } from '../../src/engine/run.ts';

const scratch = mkdtempSync(join(tmpdir(), 'twolevel-alternatives-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** B's Level II as one chamber, two chambers, or three veto players over 21 constituents. */
const vetoPlayers = {
  'one chamber': { quota: 0.5 },
  'two chambers': {
    chambers: [
      { name: 'lower', members: { from: 0, to: 11 } },
      { name: 'upper', members: { from: 10, to: 21 } },
    ],
  },
  'three veto players': {
    chambers: [
      { name: 'lower', members: { from: 0, to: 11 } },
      { name: 'upper', members: { from: 10, to: 21 } },
      { name: 'all', quota: 0.6 },
    ],
  },
};

const RATIFICATION = 'countries.B.ratification';

function experiment(extra: Partial<ExperimentInput> = {}): ExperimentInput {
  return {
    name: 'veto-players',
    scenario: {
      countries: [
        { constituents: { count: 21, idealPoints: { kind: 'normal', mean: 0.4 } } },
        {
          reversion: 1,
          constituents: { count: 21, idealPoints: { kind: 'normal', mean: 0.6, sd: 0.3 } },
          ratification: { quota: 0.6, discipline: 0.2 },
        },
      ],
      protocol: { name: 'ultimatum', candidates: 41 },
    },
    parameters: [{ path: RATIFICATION, alternatives: vetoPlayers }],
    replications: 300,
    seed: 5,
    ...extra,
  };
}

describe('a parameter varying a whole sub-object among named alternatives', () => {
  it('takes the names as levels, in order, and puts the named object in each cell', () => {
    const plan = planExperiment(parseExperiment(experiment()));
    expect(plan.cells.map((c) => c.values)).toEqual([
      { [RATIFICATION]: 'one chamber' },
      { [RATIFICATION]: 'two chambers' },
      { [RATIFICATION]: 'three veto players' },
    ]);
    expect(plan.parameterTypes).toEqual(['utf8']);
    const [one, two, three] = plan.cells.map((c) => cellScenario(plan, c).countries[1]!);
    // the alternative replaces the whole object: the base's discipline 0.2 is gone
    expect(one!.ratification).toEqual({ quota: 0.5, discipline: 0 });
    expect(two!.ratification.chambers).toEqual([
      { name: 'lower', members: { from: 0, to: 11 }, quota: 0.5 },
      { name: 'upper', members: { from: 10, to: 21 }, quota: 0.5 },
    ]);
    expect(three!.ratification.chambers?.map((c) => c.quota)).toEqual([0.5, 0.5, 0.6]);
    // A is untouched
    expect(cellScenario(plan, plan.cells.at(2)).countries[0]).toEqual(plan.scenario.countries[0]);
  });

  it("sweeps 'more veto players': each added veto player can only shrink B's win-set", async () => {
    const out = join(scratch, 'veto');
    await runExperiment(parseExperiment(experiment()), {
      out,
      workers: 1,
      runs: 'none',
      progress: 'quiet',
    });
    const { cells, manifest } = readResults(out);
    expect(manifest.parameters.map((p) => p.type)).toEqual(['utf8']);
    // rows in cell order: one chamber, two chambers, three veto players
    const n = cells.array('n_winset_B') as ArrayLike<number>;
    const sum = cells.array('sum_winset_B') as ArrayLike<number>;
    const agreements = cells.array('agreement') as ArrayLike<number>;
    const winsets = Array.from({ length: 3 }, (_, i) => sum[i]! / n[i]!);
    // a win-set of several veto players is the intersection of theirs, so each one added
    // can only shrink it (run by run: the draws of a cell do not depend on the institution)
    expect(winsets[1]).toBeLessThanOrEqual(winsets[0]!);
    expect(winsets[2]).toBeLessThanOrEqual(winsets[1]!);
    expect(winsets[2]).toBeLessThan(winsets[0]!);
    expect(Array.from(agreements).every((a) => a > 0)).toBe(true);
    // summaries keep the alternatives in design order, not alphabetical
    const summary = summarize(cells, [RATIFICATION], manifest.layout);
    expect(Array.from(summary.array(RATIFICATION) as ArrayLike<string>)).toEqual([
      'one chamber',
      'two chambers',
      'three veto players',
    ]);
  });

  it('refuses a path to a single value, an unknown name, a range and a base that is no name', () => {
    expect(() =>
      planExperiment(
        parseExperiment(
          experiment({
            parameters: [{ path: `${RATIFICATION}.quota`, alternatives: vetoPlayers }],
          }),
        ),
      ),
    ).toThrow(
      "parameter path 'countries.B.ratification.quota': alternatives replace an object of the scenario (such as countries.B.ratification or protocol), and this path is a single value: give it values instead of alternatives",
    );
    const bad = {
      path: RATIFICATION,
      alternatives: vetoPlayers,
      values: ['one chamber', 'four chambers'],
      range: [0, 1] as [number, number],
      base: 2,
    };
    expect(() => parseExperiment(experiment({ parameters: [bad] }), 'veto.json')).toThrow(
      [
        'veto.json: 3 problem(s) in the experiment:',
        '  parameters[0].range: a parameter with alternatives takes their names as levels, not a range',
        `  parameters[0].values[1]: expected the name of an alternative ('one chamber', 'two chambers', 'three veto players'), got "four chambers"`,
        `  parameters[0].base: expected the name of an alternative ('one chamber', 'two chambers', 'three veto players'), got 2`,
      ].join('\n'),
    );
  });

  it('names the cell and the path inside the alternative when the scenario rejects it', () => {
    const broken = { ...vetoPlayers, typo: { chambers: [{ qouta: 0.5 }] } };
    expect(() =>
      planExperiment(
        parseExperiment(experiment({ parameters: [{ path: RATIFICATION, alternatives: broken }] })),
      ),
    ).toThrow(
      `cell 3 {"${RATIFICATION}":"typo"}: 1 problem(s) in the scenario:\n  scenario.countries[1].ratification.chambers[0].qouta: unknown key (did you mean 'quota'?)`,
    );
  });
});
