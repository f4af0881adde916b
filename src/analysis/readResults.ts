import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ColumnTable } from 'arquero';
import { cellColumns, OUTCOMES, runColumns } from '../engine/columns.ts';
import { UserError } from '../errors.ts';
import { arquero } from '../results/arquero.ts';
import { codecOf } from '../results/codecs/index.ts';
import { cellsFileName, MANIFEST } from '../results/folder.ts';
import { type Manifest, readManifest } from '../results/manifest.ts';
import {
  damageMessage,
  verifyCellsFiles,
  verifyJournal,
  verifyRunFiles,
} from '../results/verify.ts';

/** A finished results folder, as the analysis reads it. */
export interface Results {
  /** The folder. */
  dir: string;
  manifest: Manifest;
  /**
   * The cells table: one row per cell, its parameter values and running sums (see
   * engine/columns.ts), with the parameter columns named by their paths.
   */
  cells: ColumnTable;
  /** The varied parameters' paths, in the experiment's order (the parameter columns of `cells`). */
  parameters: string[];
}

/**
 * Reads a results folder written by `twolevel run` or `merge`: `manifest.json` and the
 * cells table (`cells.arrow`), checked against its checksum in the manifest. The analysis
 * names parameter columns by their paths, so they are renamed from their safe file names.
 *
 * @throws UserError when the folder has no manifest, the sweep is unfinished, or the cells
 * file is missing or damaged (naming it and how to redo it)
 */
export function readResults(dir: string): Results {
  const manifest = readManifest(dir);
  if (!manifest) {
    throw new UserError(
      `${dir}: not a results folder (no ${MANIFEST}). Give the folder a run wrote, e.g. results/<experiment name>; run 'twolevel run <experiment file>' to make one.`,
    );
  }
  const file = join(dir, cellsFileName('arrow'));
  if (manifest.status !== 'complete' || !existsSync(file)) {
    throw new UserError(
      `${dir}: the sweep is not complete (${manifest.runsDone} of ${manifest.runsTotal} runs done, status '${manifest.status}'). Resume it with 'twolevel run' on the same experiment, then analyse.`,
    );
  }
  const damage = verifyCellsFiles(dir, manifest);
  if (damage.length > 0) throw new UserError(damageMessage('analysis', dir, damage));
  const columns = cellColumns(manifest.layout, manifest.parameters);
  // a folder written before an outcome existed (toolkit < 0.4.0 has no `aborted`) lacks its
  // count column: read what it holds, and count 0 runs of that outcome
  const absent = OUTCOMES.filter((o) => !manifest.outcomes.includes(o));
  const stored = columns.filter((c) => !(absent as readonly string[]).includes(c.name));
  const values = codecOf('arrow').decode(readFileSync(file), stored);
  for (const o of absent) values[o] = new Int32Array(manifest.cells.length);
  const byPath = Object.fromEntries(
    columns.map((c) => [c.path ?? c.name, values[c.name]!] as const),
  );
  return {
    dir,
    manifest,
    cells: arquero().table(byPath as never),
    parameters: manifest.parameters.map((p) => p.path),
  };
}

/**
 * Reads every per-run file of a results folder into one table, rows ordered by cell, then
 * replication, in memory form: `outcome` as its code (the index in `OUTCOMES`), a null
 * `x_<d>` as NaN. Each file is checked against its checksum in the journal first. Of the
 * formats the folder holds, Arrow is read if present, then Parquet, then CSV.
 *
 * @throws UserError when the sweep kept no per-run rows (`--runs none`) or a file is damaged
 */
export function readRuns(results: Results): ColumnTable {
  const { dir, manifest } = results;
  if (manifest.runs.length === 0) {
    throw new UserError(
      `${dir}: this sweep kept no per-run rows (--runs none), but this analysis needs them. Run the experiment again with --runs parquet (the default).`,
    );
  }
  const format = (['arrow', 'parquet', 'csv'] as const).find((f) => manifest.runs.includes(f))!;
  const { entries, damage } = verifyJournal(dir, manifest);
  const chosen = entries
    .sort((a, b) => a.cell - b.cell || a.batch - b.batch)
    .map((e) => ({
      ...e,
      files: Object.fromEntries(
        Object.entries(e.files).filter(([f]) => f.endsWith(codecOf(format).extension)),
      ),
    }));
  damage.push(...verifyRunFiles(dir, chosen));
  if (damage.length > 0) throw new UserError(damageMessage('analysis', dir, damage));
  const columns = runColumns(manifest.layout);
  const codec = codecOf(format);
  const tables = chosen.flatMap((e) =>
    Object.keys(e.files).map((f) => {
      try {
        return arquero().table(codec.decode(readFileSync(join(dir, f)), columns) as never);
      } catch (error) {
        throw new UserError(
          damageMessage('analysis', dir, [{ file: f, problem: (error as Error).message }]),
        );
      }
    }),
  );
  if (tables.length === 0) throw new UserError(`${dir}: no run files found in runs/.`);
  return tables[0]!.concat(...tables.slice(1));
}
