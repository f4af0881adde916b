import { LISTED_CELLS, type Manifest, unlistedCells } from '../results/manifest.ts';
import { softwareVersions } from '../results/software.ts';
import { OUTCOMES } from './columns.ts';
import type { Plan } from './plan.ts';

// The manifest's type and its reading and writing live with the results folder.
export { type Manifest, readManifest, writeManifest } from '../results/manifest.ts';

/**
 * The manifest of a plan at the start of a session (see results/manifest.ts); a design of
 * more than {@link LISTED_CELLS} cells is not listed in it.
 */
export function createManifest(plan: Plan, startedAt: string): Manifest {
  const cells = () => plan.cells.map(({ index, key, values }) => ({ index, key, values }));
  const listed = plan.cells.length <= LISTED_CELLS;
  const manifest: Manifest = {
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
    cells: listed ? cells() : [],
    cellsHere: plan.mine.length,
    runsTotal: plan.mine.length * plan.replications.max,
    runsDone: 0,
    integrity: null,
    software: softwareVersions(),
    timing: { startedAt, finishedAt: null, runsPerSecond: null },
  };
  if (!listed) unlistedCells(manifest, cells);
  return manifest;
}
