import { join } from 'node:path';
import type { ColumnTable } from 'arquero';
import * as aq from 'arquero';
import type { RunLayout } from '../engine/columns.ts';
import { writeAtomic } from '../results/atomic.ts';
import { markdownTable, summaryDisplay } from './summaryDisplay.ts';

/**
 * Writes a summary ({@link summarize}) into a results folder as `summary.csv` (every column,
 * full precision), `summary.json` (an array of row objects; NaN written as null) and
 * `summary.md` (rates and means with their 95% intervals, see {@link summaryDisplay}).
 *
 * @param notes.replications how many runs each cell got, in words (stated in `summary.md`)
 * @returns the three paths written
 */
export function writeSummary(
  dir: string,
  summary: ColumnTable,
  by: readonly string[],
  layout: RunLayout,
  notes: { replications?: string } = {},
): string[] {
  const csv = join(dir, 'summary.csv');
  const json = join(dir, 'summary.json');
  const md = join(dir, 'summary.md');
  writeAtomic(csv, aq.toCSV(summary));
  writeAtomic(json, `${JSON.stringify(summary.objects(), null, 1)}\n`);
  const grouping = by.length > 0 ? `by ${by.join(', ')}` : 'all cells pooled';
  writeAtomic(
    md,
    `# Summary (${grouping})\n\nRates with Wilson 95% intervals; means with t 95% intervals. ratification_failure = involuntary defections / tentative agreements; gains are over ratified runs.${notes.replications ? ` Replications per cell: ${notes.replications}.` : ''}\n\n${markdownTable(summaryDisplay(summary, by, layout))}`,
  );
  return [csv, json, md];
}
