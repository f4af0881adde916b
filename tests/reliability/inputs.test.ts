/*
 * Issue 12's reproducers for inputs that crashed, escaped the results folder or were silently
 * wrong: each now gives a clear error naming the file and the config path.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ExperimentInput, parseExperiment } from '../../src/engine/experiment.ts';
import { loadExperiment } from '../../src/engine/load.ts';
import { planExperiment } from '../../src/engine/plan.ts';
import { describeSystemError, shown, UserError } from '../../src/errors.ts';
import { loadScenario, parseScenario } from '../../src/scenario/parse.ts';

const scratch = mkdtempSync(join(tmpdir(), 'twolevel-inputs-'));

/** Writes `text` to `name` in the scratch folder; returns its path. */
function file(name: string, text: string) {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

/** The message `action` throws, which must be a UserError. */
function refusal(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected a UserError');
}

const experiment = (extra: Partial<ExperimentInput>) =>
  parseExperiment({ name: 'x', replications: 2, ...extra }, 'x.json');

describe('scenario bounds (issue 12, items 9 and 13)', () => {
  it('a file holding null is no scenario', () => {
    expect(refusal(() => loadScenario(file('null.json', 'null')))).toMatch(
      /null\.json: 1 problem\(s\) in the scenario:\n {2}\(top level\): expected an object, got null/,
    );
  });

  it('coordinates of 1e154 and beyond, which overflow to NaN, are refused', () => {
    expect(refusal(() => parseScenario({ space: { hi: 1e154 } }))).toContain(
      'space.hi: expected a number from -1e+100 to 1e+100, got 1e+154',
    );
  });

  it('uniform ideal points and reversions with lo > hi', () => {
    const ideal = { kind: 'uniform', lo: 0.9, hi: 0.1 } as const;
    expect(
      refusal(() => parseScenario({ countries: [{ constituents: { idealPoints: ideal } }, {}] })),
    ).toContain('countries[0].constituents.idealPoints.hi: expected hi >= lo (lo = 0.9), got 0.1');
    const box = { kind: 'uniform', lo: [0, 0.5], hi: [1, 0.4] } as const;
    expect(
      refusal(() =>
        parseScenario({ space: { D: 2 }, countries: [{ constituents: { idealPoints: box } }, {}] }),
      ),
    ).toContain(
      'countries[0].constituents.idealPoints.hi: expected hi >= lo in dimension 1 (lo = 0.5), got 0.4',
    );
    expect(
      refusal(() =>
        parseScenario({ countries: [{ reversion: { kind: 'uniform', lo: 1, hi: 0 } }, {}] }),
      ),
    ).toContain('countries[0].reversion.hi: expected hi >= lo (lo = 1), got 0');
  });

  it('D = 33 (the Sobol table has 32 dimensions) and constituents.count = 2^31', () => {
    expect(refusal(() => parseScenario({ space: { D: 33 } }))).toContain(
      'space.D: expected an integer from 1 to 32, got 33',
    );
    expect(
      refusal(() => parseScenario({ countries: [{ constituents: { count: 2 ** 31 } }, {}] })),
    ).toContain(
      'countries[0].constituents.count: expected an integer from 1 to 2147483647, got 2147483648',
    );
  });

  it('D = 33 as a varied value is refused at planning, naming the file and the cell', () => {
    const sweep = experiment({ parameters: [{ path: 'space.D', values: [1, 33] }] });
    expect(refusal(() => planExperiment(sweep, { source: 'x.json' }))).toMatch(
      /^x\.json, cell 1 \{"space\.D":33\}: .*\n {2}scenario\.space\.D: expected an integer from 1 to 32, got 33/,
    );
  });

  it('JSON nested 5,000 deep is described, not overflowed', () => {
    const deep = file('deep.json', `${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(refusal(() => loadScenario(deep))).toContain(
      '(top level): expected an object, got a list nested too deep to show',
    );
  });

  it('a typo in a kind key is named', () => {
    const typo = { countries: [{ constituents: { idealPoints: { knd: 'normal' } } }, {}] };
    expect(refusal(() => parseScenario(typo))).toContain(
      `countries[0].constituents.idealPoints.kind: expected one of "normal", "uniform", "bimodal", "explicit", got nothing (keys given: 'knd'; did you mean 'kind' for 'knd'?)`,
    );
  });

  it('an unknown key inside a kind lists the keys of that kind', () => {
    const typo = {
      countries: [{ constituents: { idealPoints: { kind: 'normal', maen: 0.4 } } }, {}],
    };
    expect(refusal(() => parseScenario(typo))).toContain(
      "countries[0].constituents.idealPoints.maen: unknown key (did you mean 'mean'?); valid keys here: kind, mean, sd",
    );
  });

  it('1e309 in a file is reported as Infinity, not null', () => {
    const path = file('inf.json', '{"countries":[{"goodWill":1e309},{}]}');
    expect(refusal(() => loadScenario(path))).toContain(
      'countries[0].goodWill: expected a number from -1e+100 to 1e+100, got Infinity',
    );
    expect(
      refusal(() =>
        planExperiment(
          experiment({
            parameters: [{ path: 'countries.A.tau', values: [Number.POSITIVE_INFINITY] }],
          }),
        ),
      ),
    ).toContain('parameters[0].values[0]: expected a number, got Infinity');
  });

  it('a 10,000-character name is cut in messages', () => {
    const name = 'n'.repeat(10_000);
    const message = refusal(() => parseScenario({ countries: [{ name }, { name }] }));
    expect(message).toContain(`'${'n'.repeat(60)}...' (10000 characters) repeats`);
    expect(message.length).toBeLessThan(300);
  });

  it('shows functions, BigInts and cycles without throwing', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect([shown(() => 1), shown(10n), shown(cycle), shown([1, Number.NaN])]).toEqual([
      'a function',
      'the BigInt 10n (use a number)',
      'an object nested too deep to show',
      '[1,NaN]',
    ]);
  });
});

describe('experiments (issue 12, items 4, 9 and 13)', () => {
  it('figure names cannot leave figures/ and are at most 100 characters', () => {
    for (const name of ['../../escaped-figure', 'a\u0000b', 'f'.repeat(300)]) {
      const message = refusal(() => experiment({ figures: [{ name, kind: 'shares' }] }));
      expect(message).toMatch(
        /^x\.json: 1 problem\(s\) in the experiment:\n {2}figures\[0\]\.name: expected /,
      );
    }
  });

  it('two figures of one name, which would overwrite each other', () => {
    const figures = [
      { name: 'a', kind: 'shares' as const },
      { name: 'a', kind: 'gains' as const },
    ];
    expect(refusal(() => experiment({ figures }))).toContain(
      "figures[1].name: figures[0] has the name 'a' too",
    );
  });

  it('a 256-character experiment name (ENAMETOOLONG as a folder)', () => {
    expect(refusal(() => experiment({ name: 'e'.repeat(256) }))).toContain(
      'name: expected at most 100 characters (it names the results folder), got 256',
    );
  });

  it('design errors and unknown protocols name the file', () => {
    expect(
      refusal(() =>
        planExperiment(experiment({ parameters: [{ path: 'countries.A.tau', range: [0, 1] }] }), {
          source: 'x.json',
        }),
      ),
    ).toMatch(/^x\.json: parameters\[0\]\.values .*a grid design needs a list of values/);
    expect(
      refusal(() =>
        planExperiment(experiment({ scenario: { protocol: { name: 'nope' } } }), {
          source: 'x.json',
        }),
      ),
    ).toMatch(
      /^x\.json, cell 0 \{\}: scenario\.protocol\.name: unknown protocol 'nope'; valid: alternating/,
    );
  });

  it('an unknown protocol as a varied value is refused at planning', () => {
    const sweep = experiment({ parameters: [{ path: 'protocol.name', values: ['nash', 'nahs'] }] });
    expect(refusal(() => planExperiment(sweep, { source: 'x.json' }))).toMatch(
      /^x\.json, cell 1 \{"protocol\.name":"nahs"\}: scenario\.protocol\.name: unknown protocol 'nahs'/,
    );
  });

  it('--shard 5/5 of 4 cells', () => {
    const sweep = experiment({ parameters: [{ path: 'countries.A.tau', values: [0, 1, 2, 3] }] });
    expect(refusal(() => planExperiment(sweep, { shard: { index: 5, count: 5 } }))).toBe(
      '--shard 5/5: the design has 4 cell(s), so shard 5 would have none; use at most 4 shards',
    );
  });

  it('a .yaml experiment, and TypeScript that throws or does not compile', async () => {
    const messages = await Promise.all(
      [
        file('e.yaml', 'name: x'),
        file('throws.ts', 'throw new Error("boom at import");\nexport default {};'),
        file('syntax.ts', 'export default { name: "x", replications: '),
        file('throws-null.ts', 'throw null;'),
      ].map((path) =>
        loadExperiment(path).then(
          () => '',
          (error: Error) => error,
        ),
      ),
    );
    for (const error of messages) expect(error).toBeInstanceOf(UserError);
    expect(messages.map((e) => (e as Error).message.replace(`${scratch}/`, ''))).toEqual([
      expect.stringMatching(
        /e\.yaml: an experiment is a \.ts, \.js or \.json file, got a '\.yaml' file$/,
      ),
      expect.stringMatching(/throws\.ts: the experiment failed to load: boom at import$/),
      expect.stringMatching(/syntax\.ts: the experiment failed to load: .*Unexpected end of file/),
      expect.stringMatching(/throws-null\.ts: the experiment failed to load: it threw null$/),
    ]);
  });

  it('a .ts experiment outside a "type": "module" package loads', async () => {
    // the scratch folder has no package.json: tsx compiles the file to CommonJS
    const path = file(
      'plain.ts',
      'const e: { name: string; replications: number } = { name: "plain", replications: 3 };\nexport default e;',
    );
    const loaded = await loadExperiment(path);
    expect([loaded.experiment.name, loaded.experiment.replications]).toEqual(['plain', 3]);
  });

  it('a function or a BigInt in a TypeScript experiment is reported', () => {
    const message = refusal(() =>
      parseExperiment({ name: 'x', replications: 10n, seed: () => 1 }, 'f.ts'),
    );
    expect(message).toContain(
      'replications: expected a positive integer, got the BigInt 10n (use a number)',
    );
    expect(message).toContain('seed: expected a string, got a function');
  });
});

describe('system errors (issue 12, item 13)', () => {
  it('are described with the file, the code and what to do', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      syscall: 'write',
      path: 'results/x/manifest.json',
    });
    expect(describeSystemError(full)).toBe(
      'twolevel: cannot use results/x/manifest.json (write): no space left on the device (ENOSPC). Free some space (or choose another --out) and run the command again: finished work is kept.',
    );
    expect(describeSystemError(new Error('plain'))).toBeUndefined();
  });
});
