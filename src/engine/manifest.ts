import type { Manifest } from '../results/manifest.ts';
import { softwareVersions } from '../results/software.ts';
import { OUTCOMES } from './columns.ts';
import type { Plan } from './plan.ts';

// The manifest's type and its reading and writing live with the results folder.
export { type Manifest, readManifest, writeManifest } from '../results/manifest.ts';

/** The manifest of a plan at the start of a session (see results/manifest.ts). */
export function createManifest(plan: Plan, startedAt: string): Manifest {
  return {
    format: 2,
    status: 'running',
    experiment: { ...plan.experiment, scenario: plan.scenario },
    fingerprint: plan.fingerprint,
    masterSeed: plan.experiment.seed,
    crn: plan.experiment.crn,
    shard: plan.shard,
    runs: plan.runs,
    layout: plan.layout,
    parameters: plan.parameterColumns,
    outcomes: OUTCOMES,
    batchSize: plan.batchSize,
    cells: plan.cells.map((c) => ({ index: c.index, key: c.key, values: c.values })),
    cellsHere: plan.mine.length,
    runsTotal: plan.mine.length * plan.replications.max,
    runsDone: 0,
    integrity: null,
    software: softwareVersions(),
    timing: { startedAt, finishedAt: null, runsPerSecond: null },
  };
}
