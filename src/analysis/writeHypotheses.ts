import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { ALPHA, type HypothesisResult } from './evaluateHypotheses.ts';
import { type DisplayTable, markdownTable } from './summaryDisplay.ts';

/** The columns of `hypotheses.csv`, in order. */
const COLUMNS = [
  'label',
  'outcome',
  'on',
  'direction',
  'test',
  'levels',
  'estimand',
  'estimate',
  'lo',
  'hi',
  'p',
  'pAdjusted',
  'verdict',
] as const;

/**
 * A p-value as text: 4 significant digits, or `< 1e-16` below double precision's reach.
 *
 * @example
 * formatP(0.0123456); // => '0.01235'
 */
export function formatP(p: number): string {
  if (Number.isNaN(p)) return '';
  return p < 1e-16 ? '< 1e-16' : Number(p.toPrecision(4)).toString();
}

/** A number with 4 significant digits (infinities as ±inf). */
function formatEstimate(x: number): string {
  if (x === Number.POSITIVE_INFINITY) return 'inf';
  if (x === Number.NEGATIVE_INFINITY) return '-inf';
  return Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : '';
}

/** Hypothesis results as display strings, for `hypotheses.md` and the report. */
export function hypothesesDisplay(results: readonly HypothesisResult[]): DisplayTable {
  return {
    header: ['hypothesis', 'test', 'estimate [95% CI]', 'p', 'Holm p', 'verdict'],
    rows: results.map((r) => [
      r.label,
      `${r.test} (${r.levels} levels)`,
      `${formatEstimate(r.estimate)} [${formatEstimate(r.lo)}, ${formatEstimate(r.hi)}] ${r.estimand}`,
      formatP(r.p),
      formatP(r.pAdjusted),
      r.verdict,
    ]),
  };
}

/**
 * Writes `hypotheses.csv` (every field at full precision) and `hypotheses.md` (a table with
 * the test, estimate and interval, raw and Holm-adjusted p-values and the verdict).
 *
 * @returns the two paths written
 */
export function writeHypotheses(dir: string, results: readonly HypothesisResult[]): string[] {
  const csv = join(dir, 'hypotheses.csv');
  const md = join(dir, 'hypotheses.md');
  const columns = Object.fromEntries(COLUMNS.map((c) => [c, results.map((r) => r[c])]));
  writeFileSync(csv, aq.toCSV(aq.table(columns)));
  writeFileSync(
    md,
    `# Hypotheses\n\nVerdicts at family-wise level ${ALPHA} after Holm's adjustment: supported (significant in the expected direction), contradicted (significant the other way), inconclusive.\n\n${markdownTable(hypothesesDisplay(results))}`,
  );
  return [csv, md];
}
