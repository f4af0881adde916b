/**
 * The output folder of a sweep, and how it is written so that a crash never leaves a
 * half-written file a reader would take as complete: every file is written under a
 * temporary name and renamed into place (atomic on one file system). Layout:
 *
 * ```
 * <out>/manifest.json        the resolved experiment, cells, versions, times (status running|complete)
 * <out>/README.md            what each file and column holds
 * <out>/runs/cell-000012-batch-0003.arrow   per-run rows of one batch (or .csv)
 * <out>/cells.arrow, cells.csv              per-cell running sums (written when the sweep completes)
 * <out>/progress.ndjson      while running: one line per finished batch with its sums
 * ```
 *
 * `progress.ndjson` is the resume journal: a batch is journalled only after its run file
 * is in place, so on resume a batch counts as done when its line is complete (and its run
 * file exists); a torn last line is dropped. It is removed when the sweep completes.
 * @module
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import type { ColumnType } from './columns.ts';
import { type ColumnSpec, cellColumns, OUTCOMES, type RunLayout, runColumns } from './columns.ts';
import type { RunsFormat } from './plan.ts';
import type { CellValue } from './seeds.ts';

/** The journal of finished batches. */
export const JOURNAL = 'progress.ndjson';

/** Writes a file under a temporary name, then renames it into place. */
export function writeAtomic(file: string, data: string | Uint8Array) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

/** The run file of batch `batch` of cell `cell`, relative to the output folder. */
export function runFileName(cell: number, batch: number, runs: RunsFormat): string {
  const extension = runs === 'csv' ? 'csv' : 'arrow';
  return join(
    'runs',
    `cell-${String(cell).padStart(6, '0')}-batch-${String(batch).padStart(4, '0')}.${extension}`,
  );
}

type Column = Int32Array | Uint8Array | Float64Array | string[] | boolean[];

/** Encodes a table of columns as an Arrow IPC file (Feather v2) or CSV text. */
export function encodeTable(columns: Record<string, Column>, format: 'arrow' | 'csv') {
  const table = aq.table(columns);
  return format === 'csv' ? aq.toCSV(table) : aq.toArrowIPC(table, { format: 'file' });
}

/** One finished batch, as the journal records it. */
export interface BatchEntry {
  cell: number;
  batch: number;
  sums: number[];
}

/**
 * Reads the journal's complete lines, rewriting the file without a torn last line so
 * later appends start on a fresh line.
 */
export function readJournal(out: string): BatchEntry[] {
  const file = join(out, JOURNAL);
  if (!existsSync(file)) return [];
  const entries: BatchEntry[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.pop();
  for (const line of lines) {
    try {
      entries.push(JSON.parse(line) as BatchEntry);
    } catch {
      break;
    }
  }
  writeAtomic(file, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  return entries;
}

/** Appends a finished batch to the journal. */
export function appendJournal(out: string, entry: BatchEntry) {
  appendFileSync(join(out, JOURNAL), `${JSON.stringify(entry)}\n`);
}

/** A cell's identity and totals for `cells.arrow`. */
export interface CellTotals {
  index: number;
  key: string;
  values: Record<string, CellValue>;
  sums: Float64Array;
}

/** The per-cell table: identity, parameter values, then the sums under their column names. */
function cellsColumns(
  layout: RunLayout,
  parameters: readonly { path: string; type: ColumnType }[],
  cells: readonly CellTotals[],
): Record<string, Column> {
  const specs = cellColumns(layout, parameters);
  const n = cells.length;
  const out: Record<string, Column> = {
    cell: Int32Array.from(cells, (c) => c.index),
    key: cells.map((c) => c.key),
  };
  for (const p of parameters) {
    const values = cells.map((c) => c.values[p.path]!);
    out[p.path] =
      p.type === 'float64'
        ? Float64Array.from(values as number[])
        : p.type === 'bool'
          ? (values as boolean[])
          : values.map(String);
  }
  const sums = specs.slice(2 + parameters.length);
  sums.forEach((spec, k) => {
    const column = spec.type === 'int32' ? new Int32Array(n) : new Float64Array(n);
    for (let i = 0; i < n; i++) column[i] = cells[i]!.sums[k]!;
    out[spec.name] = column;
  });
  return out;
}

/** Writes `cells.arrow` and `cells.csv` (each atomically). */
export function writeCells(
  out: string,
  layout: RunLayout,
  parameters: readonly { path: string; type: ColumnType }[],
  cells: readonly CellTotals[],
) {
  const columns = cellsColumns(layout, parameters, cells);
  writeAtomic(join(out, 'cells.arrow'), encodeTable(columns, 'arrow'));
  writeAtomic(join(out, 'cells.csv'), encodeTable(columns, 'csv'));
}

/** Reads the sums of each cell back from a `cells.arrow` (for merging shards). */
export function readCellSums(
  file: string,
  layout: RunLayout,
  parameters: readonly { path: string; type: ColumnType }[],
): Map<number, Float64Array> {
  const table = aq.fromArrow(readFileSync(file));
  const specs = cellColumns(layout, parameters).slice(2 + parameters.length);
  const cells = table.array('cell') as ArrayLike<number>;
  const columns = specs.map((s) => table.array(s.name) as ArrayLike<number>);
  const out = new Map<number, Float64Array>();
  for (let i = 0; i < cells.length; i++) {
    out.set(
      cells[i]!,
      Float64Array.from(columns, (c) => c[i]!),
    );
  }
  return out;
}

function markdownTable(columns: readonly ColumnSpec[]) {
  const rows = columns.map((c) => `| \`${c.name}\` | ${c.type} | ${c.meaning} |`);
  return ['| column | type | meaning |', '|---|---|---|', ...rows].join('\n');
}

/** The folder's README: the layout, then every column of the run files and of the cells table. */
export function writeReadme(
  out: string,
  name: string,
  layout: RunLayout,
  parameters: readonly { path: string; type: ColumnType }[],
  runs: RunsFormat,
) {
  const runsSection =
    runs === 'none'
      ? 'This sweep ran with `--runs none`: no per-run rows were kept.'
      : `One file per batch of replications of a cell, \`runs/cell-<cell>-batch-<batch>.${runs === 'csv' ? 'csv' : 'arrow'}\`; rows are ordered by cell, then replication. ${
          runs === 'csv'
            ? 'CSV with a header row; NaN is written `NaN`.'
            : 'Arrow IPC files (Feather v2): `arrow::open_dataset("runs", format = "arrow")` in R, `pyarrow.dataset.dataset("runs", format="arrow")` or `pandas.read_feather` in Python, `read_arrow(\'runs/*.arrow\')` of the `arrow` community extension in DuckDB.'
        }\n\n${markdownTable(runColumns(layout))}`;
  const text = `# Results of experiment \`${name}\`

- \`manifest.json\`: the resolved experiment, every cell with its key, the master seed, package, Node and dependency versions, git commit, start and end times, runs done, runs per second. \`status\` is \`complete\` once every output below is in place.
- \`runs/\`: per-run rows (section "Run columns").
- \`cells.arrow\` / \`cells.csv\`: one row per cell, its running sums (section "Cell columns").

Outcome codes: ${OUTCOMES.map((o, k) => `${k} = \`${o}\``).join(', ')}.

## Run columns

${runsSection}

## Cell columns

A mean is \`sum_<m> / n_<m>\`, a variance \`(sumsq_<m> - sum_<m>^2 / n_<m>) / (n_<m> - 1)\`; \`x_<d>\`, \`gain_<c>\` and \`negotiator_gain_<c>\` count ratified runs only, the other metrics all runs. The ratification failure rate is \`involuntary_defection / tentative\`.

${markdownTable(cellColumns(layout, parameters))}
`;
  writeAtomic(join(out, 'README.md'), text);
}

/** Creates the output folder and its `runs/` folder. */
export function prepareFolder(out: string, runs: RunsFormat) {
  mkdirSync(out, { recursive: true });
  if (runs !== 'none') mkdirSync(join(out, 'runs'), { recursive: true });
}

/** What a sweep writes into its folder (see the module comment). */
const SWEEP_OUTPUTS = ['manifest.json', 'README.md', 'cells.arrow', 'cells.csv', JOURNAL, 'runs'];

/** What the analysis writes beside it: `summary.*`, `hypotheses.*`, `sensitivity.*`, `discovery.*`, `figures/`, `report.html`. */
const ANALYSIS_OUTPUT =
  /^(summary\.|hypotheses\.|sensitivity\.|discovery\.)|^(figures|report\.html)$/;

/**
 * Removes every output of an earlier sweep from a folder (`--force`), and the analysis of
 * it (`summary.*`, `hypotheses.*`, `sensitivity.*`, `discovery.*`, `figures/`, `report.html`), which would describe the
 * old results; other files are left alone.
 */
export function clearFolder(out: string) {
  const analysis = existsSync(out) ? readdirSync(out).filter((n) => ANALYSIS_OUTPUT.test(n)) : [];
  for (const name of [...SWEEP_OUTPUTS, ...analysis]) {
    rmSync(join(out, name), { recursive: true, force: true });
  }
}
