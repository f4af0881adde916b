import { join } from 'node:path';
import type { CellValue } from '../engine/seeds.ts';
import { arquero } from '../results/arquero.ts';
import { writeAtomic } from '../results/atomic.ts';
import { ALPHA, type HypothesisResult } from './evaluateHypotheses.ts';
import { type DisplayTable, markdownTable } from './summaryDisplay.ts';

/** Below this a p-value is past double precision's reach and reported as a bound. */
export const P_FLOOR = 1e-16;

/**
 * A p-value as text: 4 significant digits, or `< 1e-16` below double precision's reach.
 *
 * @example
 * formatP(0.0123456); // => '0.01235'
 */
export function formatP(p: number): string {
  if (Number.isNaN(p)) return '';
  return p < P_FLOOR ? '< 1e-16' : Number(p.toPrecision(4)).toString();
}

/** A number with 4 significant digits (infinities as ±inf). */
function formatEstimate(x: number): string {
  if (x === Number.POSITIVE_INFINITY) return 'inf';
  if (x === Number.NEGATIVE_INFINITY) return '-inf';
  return Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : '';
}

/** Parameter values as `path = value; ...` (each path by its last field when `short`). */
function values(given: Record<string, CellValue>, short = false): string {
  return Object.entries(given)
    .map(([path, value]) => `${short ? path.split('.').at(-1) : path} = ${value}`)
    .join('; ');
}

/** Hypothesis results as display strings, for `hypotheses.md` and the report (verdict last). */
export function hypothesesDisplay(results: readonly HypothesisResult[]): DisplayTable {
  const notes = results.some((r) => r.note !== '');
  return {
    header: [
      'hypothesis',
      'test',
      'estimate [95% CI]',
      'p',
      'Holm p',
      ...(notes ? ['note'] : []),
      'verdict',
    ],
    rows: results.map((r) => {
      const fixed = Object.entries(r.given).filter(([path]) => path !== r.level?.path);
      const where = [
        ...(r.level ? [`at ${values({ [r.level.path]: r.level.value }, true)}`] : []),
        ...(fixed.length > 0 ? [`given ${values(Object.fromEntries(fixed), true)}`] : []),
      ];
      return [
        where.length > 0 ? `${r.label} (${where.join(', ')})` : r.label,
        `${r.test}: ${r.compared}`,
        `${formatEstimate(r.estimate)} [${formatEstimate(r.lo)}, ${formatEstimate(r.hi)}] ${r.estimand}`,
        formatP(r.p),
        formatP(r.pAdjusted),
        ...(notes ? [r.note] : []),
        r.verdict,
      ];
    }),
  };
}

/** A p-value for the CSV: the value, floored at {@link P_FLOOR}, and whether it is only a bound. */
function pColumns(p: readonly number[]) {
  return {
    value: p.map((v) => Math.max(v, P_FLOOR)),
    bound: p.map((v) => (v < P_FLOOR ? '<' : '=')),
  };
}

/**
 * Writes `hypotheses.csv` (every field at full precision; one row per hypothesis, followed by
 * its per-level rows when it has `by`) and `hypotheses.md` (the test and what it compared, the
 * estimate and interval with its sign convention, raw and Holm-adjusted p-values, the verdict,
 * and a note where per-level verdicts disagree with the pooled one).
 *
 * A p-value below 1e-16 is beyond double precision: the CSV writes it as `1e-16` with `<` in
 * its bound column (`p_bound`, `pAdjusted_bound`; `=` when exact), the Markdown as `< 1e-16`,
 * never as 0.
 *
 * @returns the two paths written
 */
export function writeHypotheses(dir: string, results: readonly HypothesisResult[]): string[] {
  const csv = join(dir, 'hypotheses.csv');
  const md = join(dir, 'hypotheses.md');
  const p = pColumns(results.map((r) => r.p));
  const adjusted = pColumns(results.map((r) => r.pAdjusted));
  const columns = {
    hypothesis: results.map((r) => r.hypothesis),
    label: results.map((r) => r.label),
    outcome: results.map((r) => r.outcome),
    on: results.map((r) => r.on),
    direction: results.map((r) => r.direction),
    given: results.map((r) => values(r.given)),
    level: results.map((r) => (r.level ? values({ [r.level.path]: r.level.value }) : '')),
    test: results.map((r) => r.test),
    compared: results.map((r) => r.compared),
    levels: results.map((r) => r.levels),
    estimand: results.map((r) => r.estimand),
    estimate: results.map((r) => r.estimate),
    lo: results.map((r) => r.lo),
    hi: results.map((r) => r.hi),
    p: p.value,
    p_bound: p.bound,
    pAdjusted: adjusted.value,
    pAdjusted_bound: adjusted.bound,
    verdict: results.map((r) => r.verdict),
    note: results.map((r) => r.note),
  };
  const aq = arquero();
  writeAtomic(csv, aq.toCSV(aq.table(columns)));
  writeAtomic(
    md,
    `# Hypotheses\n\nVerdicts at family-wise level ${ALPHA} after Holm's adjustment over every row: supported (significant in the expected direction), contradicted (significant the other way), inconclusive.\n\n${markdownTable(hypothesesDisplay(results))}`,
  );
  return [csv, md];
}
