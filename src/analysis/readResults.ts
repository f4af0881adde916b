import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ColumnTable } from 'arquero';
import * as aq from 'arquero';
import { type Manifest, readManifest } from '../engine/manifest.ts';
import { UserError } from '../errors.ts';

/** A finished results folder, as the analysis reads it. */
export interface Results {
  /** The folder. */
  dir: string;
  manifest: Manifest;
  /** `cells.arrow`: one row per cell, its parameter values and running sums (see engine/columns.ts). */
  cells: ColumnTable;
  /** The varied parameters' paths, in the experiment's order (the parameter columns of `cells`). */
  parameters: string[];
}

/**
 * Reads a results folder written by `twolevel run`: `manifest.json` and the per-cell sums
 * `cells.arrow` (read with arquero from Arrow IPC).
 *
 * @throws UserError when the folder has no manifest, the sweep is unfinished, or `cells.arrow` is missing
 */
export function readResults(dir: string): Results {
  const manifest = readManifest(dir);
  if (!manifest) {
    throw new UserError(
      `${dir}: not a results folder (no manifest.json). Give the folder a run wrote, e.g. results/<experiment name>; run 'twolevel run <experiment file>' to make one.`,
    );
  }
  const file = join(dir, 'cells.arrow');
  if (manifest.status !== 'complete' || !existsSync(file)) {
    throw new UserError(
      `${dir}: the sweep is not complete (${manifest.runsDone} of ${manifest.runsTotal} runs done, status '${manifest.status}'). Resume it with 'twolevel run' on the same experiment, then analyse.`,
    );
  }
  return {
    dir,
    manifest,
    cells: aq.fromArrow(readFileSync(file)),
    parameters: manifest.experiment.parameters.map((p) => p.path),
  };
}

/**
 * Reads every per-run file of a results folder (`runs/*.arrow` or `runs/*.csv`) into one
 * table, rows ordered by cell, then replication (the file names sort that way).
 *
 * @throws UserError when the sweep kept no per-run rows (`--runs none`)
 */
export function readRuns(results: Results): ColumnTable {
  const folder = join(results.dir, 'runs');
  if (results.manifest.runs === 'none' || !existsSync(folder)) {
    throw new UserError(
      `${results.dir}: this sweep kept no per-run rows (--runs none), but this analysis needs them. Run the experiment again with --runs arrow (the default).`,
    );
  }
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.arrow') || f.endsWith('.csv'))
    .sort();
  const tables = files.map((f) => {
    const path = join(folder, f);
    return f.endsWith('.csv')
      ? aq.fromCSV(readFileSync(path, 'utf8'), { parse: { seed: String } })
      : aq.fromArrow(readFileSync(path));
  });
  if (tables.length === 0) {
    throw new UserError(`${folder}: no run files (runs/*.arrow or runs/*.csv) found.`);
  }
  return tables[0]!.concat(...tables.slice(1));
}
