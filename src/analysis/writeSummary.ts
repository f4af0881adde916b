import { join } from 'node:path';
import type { ColumnTable } from 'arquero';
import type { ParameterColumn, RunLayout } from '../engine/columns.ts';
import { arquero } from '../results/arquero.ts';
import { writeAtomic } from '../results/atomic.ts';
import { markdownTable, summaryDisplay } from './summaryDisplay.ts';

/**
 * Writes a summary ({@link summarize}) into a results folder as `summary.csv` (every column,
 * full precision), `summary.json` (an array of row objects; NaN written as null) and
 * `summary.md` (rates and means with their 95% intervals, see {@link summaryDisplay}).
 * In the CSV and JSON files a parameter's column has its cells-table name (`countries_B_ratification_quota`,
 * which R, pandas and SQL keep as it is); the Markdown table names it by its path.
 *
 * @param parameters the sweep's parameter columns (`manifest.parameters`): path and column name
 * @param notes.replications how many runs each cell got, in words (stated in `summary.md`)
 * @returns the three paths written
 */
export function writeSummary(
  dir: string,
  summary: ColumnTable,
  by: readonly string[],
  layout: RunLayout,
  parameters: readonly ParameterColumn[],
  notes: { replications?: string } = {},
): string[] {
  const csv = join(dir, 'summary.csv');
  const json = join(dir, 'summary.json');
  const md = join(dir, 'summary.md');
  const named = summary.rename(
    Object.fromEntries(
      parameters.filter((p) => by.includes(p.path)).map((p) => [p.path, p.column]),
    ),
  );
  writeAtomic(csv, arquero().toCSV(named));
  writeAtomic(json, `${JSON.stringify(named.objects(), null, 1)}\n`);
  const grouping = by.length > 0 ? `by ${by.join(', ')}` : 'all cells pooled';
  writeAtomic(
    md,
    `# Summary (${grouping})\n\nRates with Wilson 95% intervals; means with t 95% intervals. ratification_failure = involuntary defections / tentative agreements; gains are over ratified runs.${notes.replications ? ` Replications per cell: ${notes.replications}.` : ''}\n\n${markdownTable(summaryDisplay(summary, by, layout))}`,
  );
  return [csv, json, md];
}
