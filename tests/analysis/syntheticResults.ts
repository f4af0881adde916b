import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { RunBatch } from '../../src/engine/columns.ts';
import { type ExperimentInput, parseExperiment } from '../../src/engine/experiment.ts';
import { createManifest } from '../../src/engine/manifest.ts';
import { planExperiment } from '../../src/engine/plan.ts';
import type { CellValue } from '../../src/engine/seeds.ts';
import { writeCells } from '../../src/engine/store.ts';
import { createRecord, type GameRecord } from '../../src/negotiation/record.ts';
import { writeJournal } from '../../src/results/journal.ts';
import { writeManifest } from '../../src/results/manifest.ts';

/**
 * Writes a complete results folder (manifest and cells, no per-run rows) of an experiment
 * whose games are replaced by a synthetic model: `play` fills replication `r` of a cell from
 * the cell's parameter values. The cell sums are recorded by the engine's RunBatch and
 * written by its store, so the analysis reads the folder exactly as one a sweep wrote.
 */
export function writeSyntheticResults(
  input: ExperimentInput,
  play: (values: Record<string, CellValue>, record: GameRecord, random: () => number) => void,
): string {
  const dir = mkdtempSync(join(tmpdir(), 'twolevel-synthetic-'));
  const experiment = parseExperiment(input);
  const plan = planExperiment(experiment, { runs: 'none' });
  const random = seedrandom.alea(`synthetic-${experiment.seed}`);
  const cells = plan.cells.map((cell) => {
    const batch = new RunBatch(plan.layout, plan.replications.max, false);
    for (let r = 0; r < plan.replications.max; r++) {
      const record = createRecord(`${cell.index}-${r}`, plan.layout.countries.length, 1);
      play(cell.values, record, random);
      batch.record(r, record);
    }
    return { ...cell, sums: batch.sums };
  });
  const files = writeCells(dir, plan.layout, plan.parameterColumns, cells);
  const manifest = createManifest(plan, '2024-01-01T00:00:00.000Z');
  const journal = cells.map((c) => ({ cell: c.index, batch: 0, sums: c.sums, files: {} }));
  manifest.integrity = { journal: writeJournal(dir, journal), files };
  manifest.status = 'complete';
  manifest.runsDone = manifest.runsTotal;
  manifest.timing.finishedAt = '2024-01-01T00:00:01.000Z';
  writeManifest(dir, manifest);
  return dir;
}
