/**
 * What a sweep writes into its results folder (laid out in results/folder.ts): the run
 * files of each batch, the per-cell tables and the folder's README, as tables of the
 * columns of columns.ts encoded by the codecs of results/codecs/.
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from '../results/atomic.ts';
import { checksum } from '../results/checksum.ts';
import { CODECS, codecOf, TABLE_FORMATS, type TableFormat } from '../results/codecs/index.ts';
import { cellsFileName, JOURNAL, LOCK, MANIFEST, README, runFileName } from '../results/folder.ts';
import type { ColumnValues, ResultTable } from '../results/table.ts';
import {
  type ColumnSpec,
  cellColumns,
  type ParameterColumn,
  type RunLayout,
  runColumns,
} from './columns.ts';
import type { CellValue } from './seeds.ts';

/** The metadata key under which a file's twolevel metadata (JSON) is stored. */
export const METADATA_KEY = 'twolevel';

/** A batch's run rows: cell, replication, seed, then the game's columns (see columns.ts). */
export interface RunRows {
  cell: number;
  first: number;
  seeds: readonly string[];
  columns: Readonly<Record<string, ColumnValues>>;
}

/** The per-run table of a batch. */
export function runTable(layout: RunLayout, rows: RunRows): ResultTable {
  const n = rows.seeds.length;
  return {
    columns: runColumns(layout),
    values: {
      cell: new Int32Array(n).fill(rows.cell),
      replication: Int32Array.from({ length: n }, (_, i) => rows.first + i),
      seed: rows.seeds,
      ...rows.columns,
    },
    metadata: {},
  };
}

/**
 * Writes a batch's run files, one per format (each atomically), and returns their SHA-256
 * by path relative to the folder, for the journal.
 */
export function writeRunFiles(
  out: string,
  formats: readonly TableFormat[],
  layout: RunLayout,
  batch: number,
  rows: RunRows,
): Record<string, string> {
  const table = runTable(layout, rows);
  const files: Record<string, string> = {};
  for (const format of formats) {
    const file = runFileName(rows.cell, batch, format);
    const bytes = codecOf(format).encode(table);
    writeAtomic(join(out, file), bytes);
    files[file] = checksum(bytes);
  }
  return files;
}

/** A cell's identity and totals for the cells tables. */
export interface CellTotals {
  index: number;
  key: string;
  values: Record<string, CellValue>;
  sums: Float64Array;
}

/** The per-cell table: identity, parameter values, then the sums under their column names. */
export function cellsTable(
  layout: RunLayout,
  parameters: readonly ParameterColumn[],
  cells: readonly CellTotals[],
): ResultTable {
  const specs = cellColumns(layout, parameters);
  const n = cells.length;
  const values: Record<string, ColumnValues> = {
    cell: Int32Array.from(cells, (c) => c.index),
    key: cells.map((c) => c.key),
  };
  for (const p of parameters) {
    const column = cells.map((c) => c.values[p.path]!);
    values[p.column] =
      p.type === 'float64'
        ? Float64Array.from(column as number[])
        : p.type === 'bool'
          ? (column as boolean[])
          : column.map(String);
  }
  specs.slice(2 + parameters.length).forEach((spec, k) => {
    const column = spec.type === 'int32' ? new Int32Array(n) : new Float64Array(n);
    for (let i = 0; i < n; i++) column[i] = cells[i]!.sums[k]!;
    values[spec.name] = column;
  });
  const paths = Object.fromEntries(parameters.map((p) => [p.column, p.path]));
  return {
    columns: specs,
    values,
    metadata: { [METADATA_KEY]: JSON.stringify({ parameters: paths }) },
  };
}

/**
 * Writes the cells table in every format (`cells.parquet`, `cells.arrow`, `cells.csv`, each
 * atomically) and returns their SHA-256 by file name, for the manifest.
 */
export function writeCells(
  out: string,
  layout: RunLayout,
  parameters: readonly ParameterColumn[],
  cells: readonly CellTotals[],
): Record<string, string> {
  const table = cellsTable(layout, parameters, cells);
  const files: Record<string, string> = {};
  for (const format of TABLE_FORMATS) {
    const bytes = codecOf(format).encode(table);
    writeAtomic(join(out, cellsFileName(format)), bytes);
    files[cellsFileName(format)] = checksum(bytes);
  }
  return files;
}

/**
 * Reads a cells table back (in memory form, see results/table.ts).
 *
 * @throws Error when the file is not a cells table of this layout
 */
export function readCellsTable(
  file: string,
  format: TableFormat,
  layout: RunLayout,
  parameters: readonly ParameterColumn[],
): Record<string, ColumnValues> {
  return codecOf(format).decode(readFileSync(file), cellColumns(layout, parameters));
}

function markdownTable(columns: readonly ColumnSpec[]) {
  const type = (c: ColumnSpec) =>
    c.type === 'category'
      ? `category (${c.labels!.map((l) => `\`${l}\``).join(', ')})`
      : `${c.type}${c.nullable ? ', nullable' : ''}`;
  const rows = columns.map((c) => `| \`${c.name}\` | ${type(c)} | ${c.meaning} |`);
  return ['| column | type | meaning |', '|---|---|---|', ...rows].join('\n');
}

/** The folder's README: the layout, then every column of the run files and of the cells table. */
export function writeReadme(
  out: string,
  name: string,
  layout: RunLayout,
  parameters: readonly ParameterColumn[],
  runs: readonly TableFormat[],
) {
  const runsSection =
    runs.length === 0
      ? 'This sweep ran with `--runs none`: no per-run rows were kept.'
      : `One file per batch of replications of a cell and format, ${runs.map((f) => `\`runs/cell-<cell>-batch-<batch>${CODECS[f].extension}\``).join(', ')}; rows are ordered by cell, then replication.\n\n${runs.map((f) => `- ${CODECS[f].readers}.`).join('\n')}\n\n${markdownTable(runColumns(layout))}`;
  const text = `# Results of experiment \`${name}\`

- \`${MANIFEST}\`: the resolved experiment, every cell with its key, the master seed, package, Node and dependency versions, git commit, start and end times, runs done, runs per second, the checksums of \`${JOURNAL}\` and of the cells files. \`status\` is \`complete\` once every output below is in place.
- \`runs/\`: per-run rows (section "Run columns").
- \`cells.parquet\` / \`cells.arrow\` / \`cells.csv\`: one row per cell, its running sums (section "Cell columns"); the same table in three formats.
- \`${JOURNAL}\`: one line per batch, its sums (16 hex digits per double, little-endian) and the SHA-256 of its run files; \`twolevel run --repair\` redoes a batch whose file is damaged.
- \`${LOCK}\`: present only while a twolevel process writes the folder.

Every column is non-nullable except \`x_<d>\` (null when no tentative agreement was reached). Strings (\`seed\`, \`key\`) are plain UTF-8; \`outcome\` is a category (Parquet ENUM, Arrow dictionary, CSV label).

## Run columns

${runsSection}

## Cell columns

A mean is \`sum_<m> / n_<m>\`, a variance \`(sumsq_<m> - sum_<m>^2 / n_<m>) / (n_<m> - 1)\`; \`x_<d>\`, \`gain_<c>\` and \`negotiator_gain_<c>\` count ratified runs only, the other metrics all runs. The ratification failure rate is \`involuntary_defection / tentative\`. Parameter columns are named after their path made safe for R and pandas:

${parameters.map((p) => `- \`${p.column}\`: \`${p.path}\``).join('\n') || '- (no varied parameters)'}

${markdownTable(cellColumns(layout, parameters))}
`;
  writeAtomic(join(out, README), text);
}
