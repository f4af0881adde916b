import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { RunBatch } from '../../src/engine/columns.ts';
import { type ExperimentInput, parseExperiment } from '../../src/engine/experiment.ts';
import { createManifest } from '../../src/engine/manifest.ts';
import { planExperiment } from '../../src/engine/plan.ts';
import { writeCells, writeRunFiles } from '../../src/engine/store.ts';
import { createRecord, type Outcome } from '../../src/negotiation/record.ts';
import { type BatchEntry, writeJournal } from '../../src/results/journal.ts';
import { writeManifest } from '../../src/results/manifest.ts';

export const QUOTA = 'countries.B.ratification.quota';
export const SIGMA = 'countries.A.negotiator.beliefs.sigmaForeign';

/** The fixture's experiment: 2 quotas x 3 foreign uncertainties, hypotheses and figures. */
export function fixtureExperiment(replications: number, crn = false): ExperimentInput {
  return {
    name: 'fixture',
    description: 'A synthetic sweep for the analysis tests.',
    parameters: [
      { path: QUOTA, values: [0.5, 0.7] },
      { path: SIGMA, values: [0, 0.1, 0.2] },
    ],
    replications,
    seed: 11,
    crn,
    hypotheses: [
      { outcome: 'agreement', on: QUOTA, direction: 'decreasing', test: 'logistic' },
      { outcome: 'involuntary_defection', on: SIGMA, direction: 'increasing', test: 'trend' },
    ],
    figures: [
      { name: 'agreement', kind: 'rate', x: SIGMA, series: QUOTA },
      { name: 'heatmap', kind: 'heatmap', x: QUOTA, y: SIGMA },
      { name: 'shares', kind: 'shares' },
      { name: 'gains', kind: 'gains' },
    ],
  };
}

/**
 * A synthetic game outcome for a cell (quota q, uncertainty s): agreement with probability
 * 0.8 - (q - 0.5), involuntary defection 0.02 + s, the rest no agreement; gains, win-sets and
 * rounds drawn at random.
 */
function syntheticRun(random: () => number, seed: string, quota: number, sigma: number) {
  const record = createRecord(seed, 2, 1);
  const u = random();
  const agree = 0.8 - (quota - 0.5);
  const defect = 0.02 + sigma;
  const outcome: Outcome =
    u < agree ? 'agreement' : u < agree + defect ? 'involuntary_defection' : 'no_agreement';
  record.outcome = outcome;
  record.rounds = 1 + Math.floor(random() * 20);
  record.winSetSize[0] = random();
  record.winSetSize[1] = random() * (1 - quota);
  record.overlapSize = Math.min(record.winSetSize[0]!, record.winSetSize[1]!) / 2;
  if (outcome !== 'no_agreement') record.agreement[0] = random();
  if (outcome === 'involuntary_defection') record.defector = 1;
  if (outcome === 'agreement') {
    record.medianGain[0] = random() * 0.2;
    record.medianGain[1] = random() * 0.3 - 0.05;
    record.negotiatorGain[0] = random() * 0.1;
    record.negotiatorGain[1] = random() * 0.1;
  }
  return record;
}

/**
 * Writes a complete results folder of the fixture experiment the way the engine does:
 * the plan and manifest from the engine, per-run rows and cell sums recorded by
 * {@link RunBatch} from synthetic games, written with the engine's store.
 */
export function writeFixture(replications: number, crn = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'twolevel-analysis-'));
  const experiment = parseExperiment(fixtureExperiment(replications, crn));
  const plan = planExperiment(experiment, { runs: 'arrow' });
  mkdirSync(join(dir, 'runs'));
  const journal: BatchEntry[] = [];
  const random = seedrandom.alea('fixture');
  const cells = plan.cells.map((cell) => {
    const batch = new RunBatch(plan.layout, replications, true);
    const seeds: string[] = [];
    for (let r = 0; r < replications; r++) {
      const seed = `${cell.index.toString(16).padStart(8, '0')}${r.toString(16).padStart(8, '0')}`;
      seeds.push(seed);
      const quota = cell.values[QUOTA] as number;
      const sigma = cell.values[SIGMA] as number;
      batch.record(r, syntheticRun(random, seed, quota, sigma));
    }
    const rows = { cell: cell.index, first: 0, seeds, columns: batch.columns() };
    const files = writeRunFiles(dir, plan.runs, plan.layout, 0, rows);
    journal.push({ cell: cell.index, batch: 0, sums: batch.sums, files });
    return { ...cell, sums: batch.sums };
  });
  const files = writeCells(dir, plan.layout, plan.parameterColumns, cells);
  const manifest = createManifest(plan, '2024-01-01T00:00:00.000Z');
  manifest.integrity = { journal: writeJournal(dir, journal), files };
  manifest.status = 'complete';
  manifest.runsDone = manifest.runsTotal;
  manifest.timing.finishedAt = '2024-01-01T00:00:01.000Z';
  writeManifest(dir, manifest);
  return dir;
}
