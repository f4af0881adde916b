import { UserError } from '../errors.ts';
import { type Command, parseFlags } from './command.ts';

/** `twolevel query`: SQL (DuckDB) over a results folder's cells and runs. */
export const command: Command = {
  name: 'query',
  summary: "SQL over a results folder's cells and runs tables (DuckDB)",
  help: `Usage: twolevel query <results dir> "<SQL>" [--csv | --json]

Runs one SQL statement with DuckDB over the folder's tables:
  cells   one row per cell: cell, key, the parameter columns (paths made safe, e.g.
          countries_B_ratification_quota), runs, the outcome counts, n_/sum_/sumsq_ per metric
  runs    one row per run (when kept as Parquet or CSV): cell, replication, seed, outcome, ...
The folder's README.md lists every column. Prints a Markdown table (or CSV, or JSON rows).

Example:
  twolevel query results/winset-size "SELECT outcome, count(*) AS n FROM runs GROUP BY outcome ORDER BY n DESC"`,
  async run(argv) {
    const { values, positionals } = parseFlags('query', argv, {
      csv: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    });
    if (positionals.length !== 2) {
      throw new UserError(
        `twolevel query: expected a results folder and one SQL statement, got ${positionals.length} argument(s). Run 'twolevel query --help'.`,
      );
    }
    const { queryResults } = await import('../results/query.ts');
    const result = await queryResults(positionals[0]!, positionals[1]!);
    if (values.json) {
      const objects = result.rows.map((row) =>
        Object.fromEntries(result.columns.map((c, k) => [c, row[k]])),
      );
      console.log(JSON.stringify(objects, null, 1));
    } else if (values.csv) {
      const columns = Object.fromEntries(
        result.columns.map((c, k) => [c, result.rows.map((row) => row[k])]),
      );
      const aq = await import('arquero');
      process.stdout.write(aq.toCSV(aq.table(columns)));
      if (result.rows.length > 0 || result.columns.length > 0) process.stdout.write('\n');
    } else {
      const { markdownTable } = await import('../analysis/summaryDisplay.ts');
      const header = result.columns;
      const rows = result.rows.map((row) => row.map((v) => (v === null ? 'NULL' : String(v))));
      process.stdout.write(markdownTable({ header, rows }));
    }
  },
};
