import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { UserError } from '../errors.ts';
import { cellsFileName, RUNS } from './folder.ts';
import { readManifest } from './manifest.ts';
import { damageMessage, verifyFolder } from './verify.ts';

/** A query's answer: column names and rows of JSON-safe values. */
export interface QueryResult {
  columns: string[];
  rows: (string | number | boolean | null)[][];
}

/** A path as a SQL string literal. */
function literal(path: string) {
  return `'${path.replace(/'/g, "''")}'`;
}

/**
 * The SQL that makes a results folder's tables into DuckDB views: `cells` (from
 * `cells.parquet`) and, when per-run rows were kept in Parquet or CSV, `runs` (all run
 * files of that format; CSV read with `seed` and `outcome` as text, as written).
 */
export function folderViews(dir: string, runs: readonly string[]): string[] {
  const views = [
    `CREATE VIEW cells AS SELECT * FROM read_parquet(${literal(join(dir, cellsFileName('parquet')))})`,
  ];
  if (runs.includes('parquet')) {
    views.push(
      `CREATE VIEW runs AS SELECT * FROM read_parquet(${literal(join(dir, RUNS, '*.parquet'))})`,
    );
  } else if (runs.includes('csv')) {
    views.push(
      `CREATE VIEW runs AS SELECT * FROM read_csv(${literal(join(dir, RUNS, '*.csv'))}, header = true, types = {'seed': 'VARCHAR', 'outcome': 'VARCHAR'})`,
    );
  }
  return views;
}

/**
 * Runs SQL over a complete results folder with DuckDB: the tables `cells` (one row per cell:
 * parameter columns, counts, sums) and `runs` (one row per run, when kept as Parquet or CSV).
 * The folder is checked against its checksums first. Integers beyond 2^53 come back as text.
 *
 * @throws UserError when the folder is not a complete results folder, is damaged, or the SQL
 * fails (with DuckDB's message)
 * @example
 * await queryResults('results/winset-size', 'SELECT sum(runs) AS runs FROM cells');
 * // { columns: ['runs'], rows: [[75000]] }
 */
export async function queryResults(dir: string, sql: string): Promise<QueryResult> {
  const manifest = readManifest(dir);
  if (!manifest) throw new UserError(`query: ${dir} is not a results folder (no manifest.json)`);
  if (manifest.status !== 'complete') {
    throw new UserError(
      `query: ${dir} is not complete (${manifest.runsDone}/${manifest.runsTotal} runs); resume it with 'twolevel run' first`,
    );
  }
  const damage = verifyFolder(dir, manifest);
  if (damage.length > 0) throw new UserError(damageMessage('query', dir, damage));
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    for (const view of folderViews(dir, manifest.runs)) await connection.run(view);
    const reader = await connection.runAndReadAll(sql);
    const rows = reader.getRowsJS().map((row) =>
      row.map((value) => {
        if (typeof value === 'bigint') {
          return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
        }
        if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
          return value as string | number | boolean | null;
        }
        return String(value);
      }),
    );
    return { columns: reader.columnNames(), rows };
  } catch (error) {
    const tables = manifest.runs.some((f) => f !== 'arrow')
      ? 'cells, runs'
      : 'cells (runs were kept as Arrow only, which DuckDB cannot read without its arrow extension)';
    throw new UserError(`query: ${(error as Error).message}\n(tables: ${tables})`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
