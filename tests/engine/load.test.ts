import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/engine/load.ts';
import { planExperiment } from '../../src/engine/plan.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('loadExperiment', () => {
  it('reads a TypeScript experiment (its default export)', async () => {
    const { experiment, baseDir } = await loadExperiment(fixture('small.ts'));
    expect(experiment.name).toBe('small');
    expect(`${baseDir}/`).toBe(fixture(''));
    // 2 quotas x 2 protocols
    expect(planExperiment(experiment, { baseDir }).cells).toHaveLength(4);
  });

  it('reads a JSON experiment whose scenario is a file next to it', async () => {
    const { experiment, baseDir } = await loadExperiment(fixture('small.json'));
    const plan = planExperiment(experiment, { baseDir });
    expect(plan.scenario.countries.map((c) => c.constituents.count)).toEqual([15, 15]);
    expect(plan.segments).toEqual([['countries', 1, 'ratification', 'quota']]);
    // 3 replications fit one batch per cell
    expect([plan.batchSize, plan.batchesPerCell]).toEqual([3, 1]);
  });

  it('says what is wrong with a missing file', async () => {
    await expect(loadExperiment(fixture('nothing.ts'))).rejects.toThrow(
      /nothing.ts: no such experiment file \(expected a .ts, .js or .json file\)/,
    );
  });
});
