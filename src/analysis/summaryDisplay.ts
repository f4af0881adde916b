import type { ColumnTable } from 'arquero';
import type { RunLayout } from '../engine/columns.ts';
import { SUMMARY_RATES, summaryMetrics } from '../engine/columns.ts';

/** A table of display strings: a header row and the body rows. */
export interface DisplayTable {
  header: string[];
  rows: string[][];
}

/**
 * A value with its interval as text, `estimate [lo, hi]`, each with `digits` decimals; an
 * empty string when the estimate is not a number (a rate with no trials, a mean of no runs),
 * and the estimate alone when the interval is not (a mean of one run).
 *
 * @example
 * withInterval(0.5, 0.40383, 0.59617, 3); // => '0.500 [0.404, 0.596]'
 */
export function withInterval(estimate: number, lo: number, hi: number, digits: number): string {
  if (!Number.isFinite(estimate)) return '';
  const value = estimate.toFixed(digits);
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) return value;
  return `${value} [${lo.toFixed(digits)}, ${hi.toFixed(digits)}]`;
}

/**
 * A summary ({@link summarize}) as display strings: the group's parameter values, runs, each
 * rate with its Wilson interval (3 decimals) and each metric mean with its t interval
 * (3 decimals), one row per group. Used for `summary.md` and the report's tables.
 */
export function summaryDisplay(
  summary: ColumnTable,
  by: readonly string[],
  layout: RunLayout,
): DisplayTable {
  const metrics = summaryMetrics(layout);
  const header = [
    ...by,
    'runs',
    ...SUMMARY_RATES.map((r) => r.name),
    ...metrics.map((m) => `mean ${m}`),
  ];
  const rows = (summary.objects() as Record<string, unknown>[]).map((row) => {
    const value = (name: string) => row[name] as number;
    return [
      ...by.map((p) => String(row[p])),
      String(row.runs),
      ...SUMMARY_RATES.map((r) =>
        withInterval(value(`${r.name}_rate`), value(`${r.name}_lo`), value(`${r.name}_hi`), 3),
      ),
      ...metrics.map((m) =>
        withInterval(value(`${m}_mean`), value(`${m}_lo`), value(`${m}_hi`), 3),
      ),
    ];
  });
  return { header, rows };
}

/** Escapes a Markdown table cell: a pipe would end the cell. */
function cell(text: string) {
  return text.replace(/\|/g, '\\|');
}

/**
 * A GitHub-flavoured Markdown table, first column left-aligned, the rest right-aligned.
 *
 * @example
 * markdownTable({ header: ['a', 'b'], rows: [['x', '1']] });
 * // => '| a | b |\n|:---|---:|\n| x | 1 |\n'
 */
export function markdownTable(table: DisplayTable): string {
  const align = table.header.map((_, i) => (i === 0 ? ':---' : '---:'));
  const lines = [table.header, align, ...table.rows].map(
    (row, i) => `| ${(i === 1 ? row : row.map(cell)).join(' | ')} |`,
  );
  return `${lines.join('\n')}\n`;
}
