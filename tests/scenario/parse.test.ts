import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, ScenarioError } from '../../src/scenario/parse.ts';

/** The problems reported for an input, one per line, without the header. */
function problems(input: unknown): string[] {
  try {
    parseScenario(input, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).problems;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('parseScenario defaults', () => {
  it('turns {} into two countries A and B in the unit interval', () => {
    const s = parseScenario({});
    expect(s.form).toBe('spatial');
    expect(s.space).toEqual({ D: 1, lo: 0, hi: 1 });
    expect(s.countries.map((c) => c.name)).toEqual(['A', 'B']);
    expect(s.countries.map((c) => c.reversion)).toEqual([0, 1]);
    expect(s.countries[0]!.constituents.count).toBe(101);
    expect(s.countries[0]!.ratification).toEqual({ quota: 0.5, discipline: 0 });
    expect(s.protocol).toEqual({
      name: 'alternating',
      deadline: 50,
      candidates: 201,
      threshold: 0.5,
      proposer: 0,
    });
  });

  it('names countries by position and counts explicit ideal points', () => {
    const s = parseScenario({
      countries: [
        { constituents: { idealPoints: { kind: 'explicit', values: [0.1, 0.2, 0.3] } } },
        { name: 'Bonn' },
        {},
      ],
    });
    expect(s.countries.map((c) => c.name)).toEqual(['A', 'Bonn', 'C']);
    expect(s.countries[0]!.constituents.count).toBe(3);
  });

  it('is JSON-serialisable as it comes out (workers receive it)', () => {
    const s = parseScenario({ form: 'divide' });
    expect(parseScenario(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });
});

describe('parseScenario errors: path, what was wrong, what is valid', () => {
  it('a non-positive count', () => {
    expect(problems({ countries: [{}, { constituents: { count: -3 } }] })).toEqual([
      'countries[1].constituents.count: expected an integer from 1 to 2147483647, got -3',
    ]);
  });

  it('a misspelt key, with a suggestion and the valid keys', () => {
    expect(problems({ countries: [{ constituents: { cont: 3 } }, {}] })).toEqual([
      "countries[0].constituents.cont: unknown key (did you mean 'count'?); valid keys here: count, idealPoints, kappa, weights, reservations, salience, groups",
    ]);
  });

  it('two misspelt keys inside a tagged union: one problem each, the valid keys of that kind', () => {
    const input = {
      countries: [{ constituents: { idealPoints: { kind: 'normal', mena: 1, sdd: 2 } } }, {}],
    };
    const found = problems(input);
    expect(found).toEqual([
      "countries[0].constituents.idealPoints.mena: unknown key (did you mean 'mean'?); valid keys here: kind, mean, sd",
      "countries[0].constituents.idealPoints.sdd: unknown key (did you mean 'sd'?); valid keys here: kind, mean, sd",
    ]);
    expect(() => parseScenario(input, 'test.json')).toThrow(/^test.json: 2 problem\(s\)/);
  });

  it('an unknown enum value', () => {
    expect(problems({ form: 'divid' })).toEqual([
      'form: expected one of "spatial", "divide", got "divid"',
    ]);
  });

  it('an unknown generator kind', () => {
    expect(problems({ countries: [{ constituents: { kappa: { kind: 'gauss' } } }, {}] })).toEqual([
      'countries[0].constituents.kappa.kind: expected one of "constant", "normal", "mix", got "gauss"',
    ]);
  });

  it('a number out of range', () => {
    expect(
      problems({
        countries: [{ constituents: { kappa: { kind: 'mix', isolationistShare: 1.5 } } }, {}],
      }),
    ).toEqual([
      'countries[0].constituents.kappa.isolationistShare: expected a number from 0 to 1, got 1.5',
    ]);
  });

  it('a quota of zero and negative voter noise', () => {
    expect(problems({ countries: [{ tau: -1 }, { ratification: { quota: 0 } }] })).toEqual([
      'countries[0].tau: expected a finite number >= 0 (at most 1e+100), got -1',
      'countries[1].ratification.quota: expected a number > 0 and <= 1, got 0',
    ]);
  });

  it('a negative salience', () => {
    expect(problems({ countries: [{}, { constituents: { salience: -1 } }] })).toEqual([
      'countries[1].constituents.salience: expected a finite number >= 0 (at most 1e+100) or a non-empty list of finite numbers >= 0 (at most 1e+100), got -1',
    ]);
  });

  it('a wrong type', () => {
    expect(problems({ countries: [{ reversion: 'x' }, {}] })).toEqual([
      "countries[0].reversion: expected a number from -1e+100 to 1e+100 or a non-empty list of numbers from -1e+100 to 1e+100 or an object with kind 'uniform', 'normal', got \"x\"",
    ]);
  });

  it('a non-integer where an integer is required', () => {
    expect(problems({ protocol: { deadline: 2.5 } })).toEqual([
      'protocol.deadline: expected an integer from 1 to 2147483647, got 2.5',
    ]);
  });

  it('a vector of the wrong dimension', () => {
    expect(problems({ space: { D: 2 }, countries: [{ reversion: [0, 0, 0] }, {}] })).toEqual([
      'countries[0].reversion: expected a number or 2 number(s) (space.D = 2), got 3',
    ]);
  });

  it('a chamber member that does not exist', () => {
    expect(
      problems({ countries: [{ ratification: { chambers: [{ members: [0, 200] }] } }, {}] }),
    ).toEqual([
      'countries[0].ratification.chambers[0].members[1]: expected a constituent index from 0 to 100, got 200',
    ]);
  });

  it('a count that contradicts explicit ideal points', () => {
    expect(
      problems({
        countries: [
          { constituents: { count: 5, idealPoints: { kind: 'explicit', values: [0.1, 0.2] } } },
          {},
        ],
      }),
    ).toEqual([
      'countries[0].constituents.count: expected 2 (the number of explicit idealPoints) or no count, got 5',
    ]);
  });

  it('repeated country names', () => {
    expect(problems({ countries: [{ name: 'A' }, { name: 'A' }] })).toEqual([
      "countries[1].name: country names must be unique; 'A' repeats",
    ]);
  });

  it('the divide form with three countries or two dimensions', () => {
    expect(problems({ form: 'divide', space: { D: 2 }, countries: [{}, {}, {}] })).toEqual([
      'countries: the divide form has exactly 2 countries, got 3',
      'space.D: the divide form is one-dimensional (D = 1), got 2',
    ]);
  });

  it('an empty box', () => {
    expect(problems({ space: { lo: 1, hi: 1 } })).toEqual([
      'space.hi: expected hi > lo (= 1), got 1',
    ]);
  });

  it('a proposer index past the last country', () => {
    expect(problems({ protocol: { proposer: 2 } })).toEqual([
      'protocol.proposer: expected a country index from 0 to 1, got 2',
    ]);
  });

  it('a party list of the wrong length', () => {
    expect(
      problems({
        countries: [{ ratification: { parties: { kind: 'explicit', of: [0, 1] } } }, {}],
      }),
    ).toEqual([
      'countries[0].ratification.parties.of: expected one party per constituent (101), got 2',
    ]);
  });

  it('several mistakes at once, one line each', () => {
    expect(problems({ form: 'x', space: { D: 0 }, reopen: -1 })).toHaveLength(3);
  });
});

describe('loadScenario', () => {
  const dir = mkdtempSync(join(tmpdir(), 'twolevel-scenario-'));

  it('reports bad JSON with the file name', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{ "form": ');
    expect(() => loadScenario(file)).toThrow(/bad\.json: not valid JSON/);
  });

  it('reports a missing file', () => {
    expect(() => loadScenario(join(dir, 'none.json'))).toThrow(
      /none\.json: cannot read the scenario file/,
    );
  });

  it('puts the file name before the problems', () => {
    const file = join(dir, 'count.json');
    writeFileSync(file, JSON.stringify({ countries: [{}, { constituents: { count: 0 } }] }));
    expect(() => loadScenario(file)).toThrow(
      `${file}: 1 problem(s) in the scenario:\n  countries[1].constituents.count: expected an integer from 1 to 2147483647, got 0`,
    );
  });
});

const twoD = (constituents: unknown) => ({
  space: { D: 2 },
  countries: [{ reversion: [0, 0], constituents }, { reversion: [0, 0] }],
});

describe('interest groups: what parses', () => {
  it('counts fix M_i; shares split constituents.count; absent groups leave the scenario as it was', () => {
    const counted = parseScenario(twoD({ groups: [{ count: 30 }, { count: 21 }] }));
    expect(counted.countries[0]!.constituents.count).toBe(51);
    const shared = parseScenario(twoD({ count: 51, groups: [{ share: 0.6 }, { share: 0.4 }] }));
    expect(shared.countries[0]!.constituents.count).toBe(51);
    expect('groups' in parseScenario({}).countries[0]!.constituents).toBe(false);
  });
});

describe('interest groups: errors name the path, the fault and what is valid', () => {
  it('an empty list of groups: the schema message only, no crash', () => {
    expect(problems(twoD({ groups: [] }))).toEqual([
      'countries[0].constituents.groups: expected a non-empty list of objects, got []',
    ]);
  });

  it('shares not summing to 1', () => {
    expect(problems(twoD({ groups: [{ share: 0.5 }, { share: 0.4 }] }))).toEqual([
      'countries[0].constituents.groups: expected shares summing to 1, got 0.9',
    ]);
  });

  it('counts not summing to constituents.count', () => {
    expect(problems(twoD({ count: 51, groups: [{ count: 30 }, { count: 20 }] }))).toEqual([
      'countries[0].constituents.groups: expected group counts summing to M_i = 51 (constituents.count), got 50',
    ]);
  });

  it('a group of count 0: the schema message only', () => {
    expect(problems(twoD({ groups: [{ count: 3 }, { count: 0 }] }))).toEqual([
      'countries[0].constituents.groups[1].count: expected an integer from 1 to 2147483647, got 0',
    ]);
  });

  it('a salience of the wrong dimension', () => {
    expect(problems(twoD({ groups: [{ count: 3, salience: [1, 2, 3] }] }))).toEqual([
      'countries[0].constituents.groups[0].salience: expected a number or 2 number(s) (space.D = 2), got 3',
    ]);
  });

  it('a group with both a count and a share, or neither, or of the other kind', () => {
    expect(problems(twoD({ groups: [{ count: 3, share: 1 }] }))).toEqual([
      'countries[0].constituents.groups[0]: expected a count or a share, not both',
    ]);
    expect(problems(twoD({ groups: [{ name: 'industry' }] }))).toEqual([
      'countries[0].constituents.groups[0]: expected a count (members) or a share (of M_i)',
    ]);
    expect(problems(twoD({ groups: [{ count: 3 }, { share: 0.5 }] }))).toEqual([
      'countries[0].constituents.groups[1].share: every group gives a count or every group a share; groups[0] gives a count, so expected a count here too',
    ]);
  });

  it('explicit ideal points of a group not one per member, and a share too small for a member', () => {
    expect(
      problems(twoD({ groups: [{ count: 2, idealPoints: { kind: 'explicit', values: [0.1] } }] })),
    ).toEqual([
      'countries[0].constituents.groups[0].idealPoints.values: expected one ideal point per member of the group (2), got 1',
    ]);
    expect(problems(twoD({ count: 10, groups: [{ share: 0.99 }, { share: 0.01 }] }))).toEqual([
      'countries[0].constituents.groups[1].share: a share of 0.01 of M_i = 10 constituents gives the group no member; expected at least 1 / M_i = 0.1',
    ]);
  });

  it('a group mean of the wrong dimension, repeated names, the divide form', () => {
    expect(
      problems(
        twoD({
          groups: [
            { name: 'a', count: 1, idealPoints: { kind: 'normal', mean: [0.1, 0.2, 0.3] } },
            { name: 'a', count: 1 },
          ],
        }),
      ),
    ).toEqual([
      "countries[0].constituents.groups[1].name: group names must be unique; 'a' repeats",
      'countries[0].constituents.groups[0].idealPoints.mean: expected a number or 2 number(s) (space.D = 2), got 3',
    ]);
    expect(
      problems({ form: 'divide', countries: [{ constituents: { groups: [{ count: 3 }] } }, {}] }),
    ).toEqual([
      'countries[0].constituents.groups: interest groups have ideal points and salience, which the divide form has not (its constituents have reservations): expected no groups, or form spatial',
    ]);
  });
});

describe('protocol.singleIssue: errors', () => {
  it('a reversion outside the box', () => {
    const outside = {
      space: { D: 2 },
      protocol: { singleIssue: true },
      countries: [{ reversion: [2, 2] }, { reversion: [2, 2] }],
    };
    const message = (i: number) =>
      `countries[${i}].reversion: single-issue agreements leave every other issue at the reversion, which must lie in the agreement space: expected every coordinate in [space.lo, space.hi] = [0, 1], got 2 in dimension 0`;
    expect(problems(outside)).toEqual([message(0), message(1)]);
  });

  it('one dimension', () => {
    expect(problems({ protocol: { singleIssue: true } })).toEqual([
      'protocol.singleIssue: single-issue agreements need more than one issue: expected space.D >= 2 or singleIssue false, got D = 1',
    ]);
  });

  it('reversions that differ or are drawn', () => {
    expect(
      problems({
        space: { D: 2 },
        protocol: { singleIssue: true },
        countries: [{ reversion: 0 }, { reversion: [0, 0.5] }, { reversion: { kind: 'uniform' } }],
      }),
    ).toEqual([
      "countries[1].reversion: single-issue agreements leave every other issue at the common reversion: expected every country's reversion to equal countries[0]'s (0), got [0,0.5]",
      'countries[2].reversion: single-issue agreements leave every other issue at the common reversion: expected a fixed point, got a uniform draw',
    ]);
  });
});
