import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { type ExperimentInput, parseExperiment } from '../../src/engine/experiment.ts';
import { planExperiment } from '../../src/engine/plan.ts';
import smallFixture from './fixtures/small.ts';

const toolkit = vi.hoisted(() => ({ version: '0.1.0' }));

vi.mock('../../src/results/software.ts', async (original) => {
  const actual = await original<typeof import('../../src/results/software.ts')>();
  return {
    ...actual,
    softwareVersions: () => {
      const software = actual.softwareVersions();
      return { ...software, package: { ...software.package, version: toolkit.version } };
    },
  };
});

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const QUOTA = 'countries.B.ratification.quota';

function plan(extra: Partial<ExperimentInput>) {
  return planExperiment(parseExperiment({ ...smallFixture, ...extra }), { baseDir: fixtures });
}

describe('planExperiment: hypotheses and figures', () => {
  it('accepts rates, metrics of the layout and varied parameters', () => {
    const planned = plan({
      hypotheses: [
        { outcome: 'agreement', on: QUOTA, direction: 'decreasing' },
        { outcome: 'ratification_failure', on: QUOTA, direction: 'increasing' },
        { outcome: 'gain_B', on: QUOTA, direction: 'increasing' },
      ],
      figures: [
        { name: 'rate', kind: 'rate', x: QUOTA, series: 'protocol.name' },
        { name: 'against-the-win-set', kind: 'rate', x: 'winset_B' },
        { name: 'map', kind: 'heatmap', x: QUOTA, y: 'protocol.name' },
        {
          name: 'failures',
          kind: 'heatmap',
          x: QUOTA,
          y: QUOTA,
          outcomes: ['ratification_failure'],
        },
        { name: 'shares', kind: 'shares' },
      ],
    });
    expect(planned.cells).toHaveLength(4);
  });

  it('refuses a misspelt outcome before any game, with the nearest name', () => {
    expect(() =>
      plan({ hypotheses: [{ outcome: 'agreemnt', on: QUOTA, direction: 'decreasing' }] }),
    ).toThrow(
      /^experiment 'small': hypotheses\[0\]\.outcome: unknown outcome 'agreemnt'; valid rates: agreement, .*; valid means: rounds, .*gain_B.*\. Did you mean 'agreement'\?$/,
    );
    // winset_C: the layout has countries A and B only
    expect(() =>
      plan({
        hypotheses: [
          { outcome: 'agreement', on: QUOTA, direction: 'decreasing' },
          { outcome: 'winset_C', on: QUOTA, direction: 'decreasing' },
        ],
      }),
    ).toThrow("hypotheses[1].outcome: unknown outcome 'winset_C'");
  });

  it('refuses a hypothesis on a parameter the design does not vary', () => {
    expect(() =>
      plan({
        hypotheses: [
          { outcome: 'agreement', on: 'countries.B.ratification.qouta', direction: 'decreasing' },
        ],
      }),
    ).toThrow(
      `hypotheses[0].on: 'countries.B.ratification.qouta' is not a varied parameter of this experiment; valid: ${QUOTA}, protocol.name. Did you mean '${QUOTA}'?`,
    );
  });

  it('says the experiment varies nothing rather than listing no valid names', () => {
    const bare = { parameters: [], design: { kind: 'grid' as const } };
    expect(() =>
      plan({ ...bare, hypotheses: [{ outcome: 'agreement', on: QUOTA, direction: 'decreasing' }] }),
    ).toThrow(
      `hypotheses[0].on: '${QUOTA}' is not a varied parameter of this experiment; the experiment varies no parameter (add one to 'parameters' to test or draw against it).`,
    );
    expect(() =>
      plan({ ...bare, figures: [{ name: 'm', kind: 'heatmap', x: QUOTA, y: QUOTA }] }),
    ).toThrow(/is not a varied parameter; the experiment varies no parameter/);
  });

  it('refuses figures with unknown parameters, missing axes or unknown outcomes', () => {
    expect(() => plan({ figures: [{ name: 'r', kind: 'rate', x: 'protocol.nmae' }] })).toThrow(
      "figures[0] 'r'.x: 'protocol.nmae' is not a varied parameter or a mean; valid: countries.B.ratification.quota, protocol.name, rounds,",
    );
    expect(() => plan({ figures: [{ name: 'r', kind: 'rate', x: 'protocol.nmae' }] })).toThrow(
      "Did you mean 'protocol.name'?",
    );
    // a mean is an axis of a rate figure only
    expect(() =>
      plan({ figures: [{ name: 'm', kind: 'heatmap', x: 'winset_B', y: QUOTA }] }),
    ).toThrow(
      `figures[0] 'm'.x: 'winset_B' is not a varied parameter; valid: ${QUOTA}, protocol.name.`,
    );
    expect(() => plan({ figures: [{ name: 'm', kind: 'heatmap', x: QUOTA }] })).toThrow(
      "figures[0] 'm'.y: a heatmap figure needs y, a varied parameter; valid:",
    );
    expect(() => plan({ figures: [{ name: 'r', kind: 'rate' }] })).toThrow(
      "figures[0] 'r'.x: a rate figure needs x, a varied parameter or a mean",
    );
    expect(() => plan({ figures: [{ name: 'g', kind: 'gains', series: 'protocol' }] })).toThrow(
      "figures[0] 'g'.series: 'protocol' is not a varied parameter",
    );
    expect(() =>
      plan({ figures: [{ name: 'r', kind: 'rate', x: QUOTA, outcomes: ['agreemnt'] }] }),
    ).toThrow(
      "figures[0] 'r'.outcomes: unknown outcome 'agreemnt'; valid: agreement, no_agreement, involuntary_defection, voluntary_defection, aborted. Did you mean 'agreement'?",
    );
    // ratification_failure is a rate of a heatmap, not a line of a rate figure
    expect(() =>
      plan({
        figures: [{ name: 'r', kind: 'rate', x: QUOTA, outcomes: ['ratification_failure'] }],
      }),
    ).toThrow("figures[0] 'r'.outcomes: unknown outcome 'ratification_failure'");
  });
});

describe('planExperiment: fingerprint', () => {
  it('changes with the toolkit version and only with it', () => {
    toolkit.version = '0.1.0';
    const first = plan({}).fingerprint;
    expect(plan({}).fingerprint).toBe(first);
    toolkit.version = '0.2.0';
    expect(plan({}).fingerprint).not.toBe(first);
    toolkit.version = '0.1.0';
    expect(plan({}).fingerprint).toBe(first);
  });
});

describe('planExperiment: batches', () => {
  const batches = (replications: ExperimentInput['replications']) => {
    const { batchSize, batchesPerCell } = plan({ replications });
    return [batchSize, batchesPerCell];
  };

  it('splits fixed replications into equal batches of at most 1,000 runs', () => {
    expect(batches(200)).toEqual([200, 1]);
    // 1,000 runs: one run file, one Parquet row group
    expect(batches(1000)).toEqual([1000, 1]);
    expect(batches(1001)).toEqual([501, 2]);
    expect(batches(2500)).toEqual([834, 3]);
    expect(batches(50_000)).toEqual([1000, 50]);
  });

  it("sizes adaptive batches by min, at most 200 runs, the stopping rule's step", () => {
    const target = { outcome: 'agreement', halfWidth: 0.01 } as const;
    expect(batches({ min: 200, max: 20_000, target })).toEqual([200, 100]);
    expect(batches({ min: 500, max: 5000, target })).toEqual([167, 30]);
    expect(batches({ min: 100, max: 1000, target })).toEqual([100, 10]);
  });
});
