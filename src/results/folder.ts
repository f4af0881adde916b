/**
 * The layout of a results folder, in one place:
 *
 * ```
 * <out>/manifest.json     the resolved experiment, cells, versions, times, checksums (status running|complete)
 * <out>/README.md         what each file and column holds
 * <out>/batches.ndjson    the journal: one line per finished batch (its sums, its run files' checksums)
 * <out>/runs/cell-000012-batch-0003.parquet   per-run rows of one batch (and/or .arrow, .csv)
 * <out>/cells.parquet, cells.arrow, cells.csv  per-cell running sums (written when the sweep completes)
 * <out>/lock.json         while a process writes the folder: its pid and host
 * ```
 *
 * The analysis writes beside these: `summary.*`, `hypotheses.*`, `figures/`, `report.html`.
 * @module
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.ts';
import { CODECS, type TableFormat } from './codecs/index.ts';

/** The manifest: what the folder holds and how it was made. */
export const MANIFEST = 'manifest.json';
/** The journal of finished batches (kept when the sweep completes, sorted by cell and batch). */
export const JOURNAL = 'batches.ndjson';
/** The lock of a process writing the folder. */
export const LOCK = 'lock.json';
/** The folder's own README. */
export const README = 'README.md';
/** The folder of per-run files. */
export const RUNS = 'runs';

/** The run file of batch `batch` of cell `cell` in a format, relative to the folder. */
export function runFileName(cell: number, batch: number, format: TableFormat): string {
  const c = String(cell).padStart(6, '0');
  const b = String(batch).padStart(4, '0');
  return join(RUNS, `cell-${c}-batch-${b}${CODECS[format].extension}`);
}

/** The per-cell table's file in a format: `cells.parquet`, `cells.arrow`, `cells.csv`. */
export function cellsFileName(format: TableFormat): string {
  return `cells${CODECS[format].extension}`;
}

/** Every file or folder a sweep writes (see the module comment). */
const SWEEP_OUTPUTS = [
  MANIFEST,
  README,
  JOURNAL,
  RUNS,
  'progress.ndjson',
  ...Object.values(CODECS).map((c) => `cells${c.extension}`),
];

/** What the analysis writes: `summary.*`, `hypotheses.*`, `sensitivity.*`, `discovery.*`, `figures/`, `report.html`. */
const ANALYSIS_OUTPUT =
  /^(summary\.|hypotheses\.|sensitivity\.|discovery\.)|^(figures|report\.html)$/;

/**
 * Removes every output of an earlier sweep from a folder (`--force`), and the analysis of
 * it, which would describe the old results; other files are left alone.
 */
export function clearFolder(out: string) {
  const analysis = existsSync(out) ? readdirSync(out).filter((n) => ANALYSIS_OUTPUT.test(n)) : [];
  for (const name of [...SWEEP_OUTPUTS, ...analysis]) {
    rmSync(join(out, name), { recursive: true, force: true });
  }
}

/** Creates the folder and, when runs are kept, its `runs/` folder. */
export function prepareFolder(out: string, keepRuns: boolean) {
  mkdirSync(out, { recursive: true });
  if (keepRuns) mkdirSync(join(out, RUNS), { recursive: true });
}

/** Removes the temporary files ({@link writeAtomic}) a killed process left behind. */
export function removeTemporaries(out: string) {
  for (const folder of [out, join(out, RUNS)]) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) {
      if (name.endsWith('.tmp')) rmSync(join(folder, name), { force: true });
    }
  }
}

/** Whether `inner` is `outer` or inside it (paths resolved, no file system access). */
export function isInside(inner: string, outer: string): boolean {
  const path = relative(resolve(outer), resolve(inner));
  return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}

/**
 * Checks that a command may write its results into `out`: it is not a file, not inside
 * one of the command's inputs, and, unless `force`, either new, empty, or a twolevel
 * results folder (it holds `manifest.json`). A folder holding only an empty `runs/` or
 * temporary files counts as empty; with `onlyReplaced`, only files a sweep or its analysis
 * would replace count (`merge` into a folder that holds the shards and job scripts).
 *
 * @param command the command, for messages (`run`, `merge`)
 * @param inputs files and folders the command reads
 * @throws UserError saying what is in the way and what to do
 */
export function checkOutputFolder(
  out: string,
  command: string,
  options: { force?: boolean; inputs?: readonly string[]; onlyReplaced?: boolean } = {},
) {
  for (const input of options.inputs ?? []) {
    if (isInside(out, input)) {
      throw new UserError(
        `${command}: the output folder ${out} is inside the input ${input}; choose an --out folder outside it`,
      );
    }
  }
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) {
    throw new UserError(`${command}: --out ${out} is a file, not a folder; choose a folder`);
  }
  if (existsSync(join(out, MANIFEST)) || options.force) return;
  const entries = readdirSync(out).filter(
    (name) =>
      !name.endsWith('.tmp') &&
      !(name === RUNS && readdirSync(join(out, RUNS)).every((n) => n.endsWith('.tmp'))) &&
      (!options.onlyReplaced || SWEEP_OUTPUTS.includes(name) || ANALYSIS_OUTPUT.test(name)),
  );
  if (entries.length > 0) {
    const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? ', ...' : '');
    throw new UserError(
      `${command}: ${out} is not empty (${shown}) and holds no twolevel results (no ${MANIFEST}); writing there would replace files such as README.md, summary.csv and report.html. Choose a new or empty --out folder, or pass --force to write into it anyway (only twolevel's own file names are replaced).`,
    );
  }
}
