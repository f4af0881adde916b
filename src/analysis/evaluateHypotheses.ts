import type { ColumnTable } from 'arquero';
import { checkHypotheses, defaultTest, givenCells, levelsOf } from '../engine/checkHypotheses.ts';
import { RATE_NAMES, SUMMARY_RATES } from '../engine/columns.ts';
import type { Hypothesis } from '../engine/experiment.ts';
import type { CellValue } from '../engine/seeds.ts';
import { UserError } from '../errors.ts';
import { arquero } from '../results/arquero.ts';
import { holm } from './holm.ts';
import {
  type HypothesisEvidence,
  type HypothesisTestName,
  type HypothesisTestResult,
  hypothesisTest,
  type Response,
} from './hypothesisTest.ts';
import { pairedOutcomes } from './pairedOutcomes.ts';
import { parameterLabel } from './parameterLabel.ts';
import { poolCells } from './poolCells.ts';
import type { Results } from './readResults.ts';
import { regressionDesign } from './regressionDesign.ts';
import { type Verdict, verdict } from './verdict.ts';

/** A hypothesis evaluated on some cells: its test, Holm-adjusted p-value and verdict. */
export interface HypothesisResult extends HypothesisTestResult {
  /** The hypothesis's position in the experiment's `hypotheses`. */
  hypothesis: number;
  label: string;
  outcome: string;
  on: string;
  direction: 'increasing' | 'decreasing';
  /** The parameter values the cells were restricted to: `given`, and on a per-level row the `by` level. */
  given: Record<string, CellValue>;
  /** On a per-level row of a `by` hypothesis, that parameter and its level; null on the pooled row. */
  level: { path: string; value: CellValue } | null;
  /** Distinct values of `on` among the cells evaluated. */
  levels: number;
  /** Holm-adjusted p-value over every row evaluated (pooled and per level, all hypotheses). */
  pAdjusted: number;
  verdict: Verdict;
  /**
   * On the pooled row of a `by` hypothesis whose per-level verdicts differ from the pooled one,
   * e.g. `supported pooled; inconclusive at sigmaForeign = 0`; else empty.
   */
  note: string;
}

/** Significance level of the verdicts (family-wise, after Holm). */
export const ALPHA = 0.05;

/** A parameter's last field, the short name a note uses (`sigmaForeign`). */
function shortName(path: string): string {
  return path.split('.').at(-1) ?? path;
}

/** The evidence for one hypothesis on some cells (pooled over every parameter but `on`, unless a regression). */
function evidenceFor(
  results: Results,
  hypothesis: Hypothesis,
  test: HypothesisTestName,
  given: Record<string, CellValue>,
  runs: () => ColumnTable,
): HypothesisEvidence {
  const { parameters, manifest } = results;
  const rate = SUMMARY_RATES.find((r) => r.name === hypothesis.outcome);
  const chosen = givenCells(manifest.cells, given);
  if (test === 'mcnemar') {
    return {
      kind: 'paired',
      levels: levelsOf(chosen, hypothesis.on).length,
      ...pairedOutcomes(runs(), chosen, hypothesis.on, hypothesis.outcome),
    };
  }
  const keep = new Set(chosen.map((c) => c.index));
  const cells = results.cells.filter(arquero().escape((d: { cell: number }) => keep.has(d.cell)));
  const column = (table: ColumnTable, name: string) =>
    Array.from(table.array(name) as ArrayLike<number>);
  const response = (table: ColumnTable): Response => {
    if (rate) {
      return {
        kind: 'binary',
        successes: column(table, rate.successes),
        trials: column(table, rate.trials),
      };
    }
    const m = hypothesis.outcome;
    return {
      kind: 'mean',
      n: column(table, `n_${m}`),
      sum: column(table, `sum_${m}`),
      sumOfSquares: column(table, `sumsq_${m}`),
    };
  };
  if (test === 'regression') {
    const byIndex = new Map(manifest.cells.map((c) => [c.index, c]));
    const rows = column(cells, 'cell').map((index) => byIndex.get(index)!);
    const design = regressionDesign(rows, parameters, hypothesis.interactions ?? []);
    const at = design.names.indexOf(hypothesis.on);
    if (at < 0) {
      throw new RangeError(
        `'${hypothesis.on}' takes one value in these cells; the regression needs it to vary.`,
      );
    }
    return { kind: 'regression', design, column: at, response: response(cells) };
  }
  const pooled = poolCells(cells, [hypothesis.on], parameters, manifest.layout);
  const x = Array.from(pooled.array(hypothesis.on) as ArrayLike<unknown>, Number);
  const r = response(pooled);
  return r.kind === 'binary' ? { x, ...r } : { x, ...r };
}

/** The `given` of a one-parameter test on a one-at-a-time design: the others at their base. */
function oatBase(results: Results, hypothesis: Hypothesis, test: HypothesisTestName) {
  const { experiment } = results.manifest;
  if (experiment.design.kind !== 'oat' || test === 'regression') return {};
  const base: Record<string, CellValue> = {};
  for (const p of experiment.parameters) {
    if (p.path !== hypothesis.on && p.base !== undefined) base[p.path] = p.base;
  }
  return base;
}

/**
 * Evaluates an experiment's hypotheses on its results. Each hypothesis names an outcome (a
 * rate: an outcome or `ratification_failure`; or a metric such as `gain_A`), the parameter
 * `on` it moves with, and the expected direction. Its test ({@link hypothesisTest}; the
 * default from {@link defaultTest}) reads either the cells pooled by the level of `on` (the
 * marginal effect over the other parameters; on a one-at-a-time design only the cells with the
 * others at their base) or, for `regression`, every cell with every varied parameter in the
 * model. `given` restricts the cells; `by` adds one row per level of another parameter, and
 * the pooled row's `note` says where they disagree with it. The p-values of all rows are
 * adjusted together by Holm's method ({@link holm}), and each gets a verdict at family-wise
 * level {@link ALPHA} ({@link verdict}): supported when significant in the expected
 * direction, contradicted when significant the other way, inconclusive otherwise.
 *
 * @param results the results folder
 * @param hypotheses the experiment's hypotheses
 * @param runs reads the per-run rows (only called for a McNemar test)
 * @returns one row per hypothesis, followed by its per-level rows when it has `by`
 * @throws UserError when a hypothesis does not fit the results ({@link checkHypotheses}) or
 * its cells lack two levels of `on` with data (each message names `hypotheses[i]`)
 */
export function evaluateHypotheses(
  results: Results,
  hypotheses: readonly Hypothesis[],
  runs: () => ColumnTable,
): HypothesisResult[] {
  const { manifest } = results;
  const designKind = manifest.experiment.design.kind;
  const adaptive = typeof manifest.experiment.replications === 'object';
  checkHypotheses(hypotheses, results.parameters, manifest.layout, {
    kind: designKind,
    crn: manifest.crn,
    cells: manifest.cells,
    adaptive,
  });
  const tested = hypotheses.flatMap((hypothesis, i) => {
    const isRate = RATE_NAMES.includes(hypothesis.outcome);
    const test = hypothesis.test ?? defaultTest(designKind, isRate, adaptive);
    const given = { ...oatBase(results, hypothesis, test), ...hypothesis.given };
    const units: { given: Record<string, CellValue>; level: HypothesisResult['level'] }[] = [
      { given, level: null },
    ];
    if (hypothesis.by !== undefined) {
      const path = hypothesis.by;
      for (const value of levelsOf(givenCells(manifest.cells, given), path)) {
        units.push({ given: { ...given, [path]: value }, level: { path, value } });
      }
    }
    const words = { outcome: hypothesis.outcome, on: parameterLabel(hypothesis.on) };
    return units.map(({ given, level }) => {
      const at = level ? ` at ${level.path} = ${level.value}` : '';
      let result: HypothesisTestResult;
      try {
        result = hypothesisTest(test, evidenceFor(results, hypothesis, test, given, runs), words);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        throw new UserError(
          `hypotheses[${i}] (${test} on '${hypothesis.on}'${at}): ${error.message}`,
        );
      }
      return {
        ...result,
        hypothesis: i,
        label:
          hypothesis.label ?? `${hypothesis.outcome} ${hypothesis.direction} in ${hypothesis.on}`,
        outcome: hypothesis.outcome,
        on: hypothesis.on,
        direction: hypothesis.direction,
        given,
        level,
        levels: levelsOf(givenCells(manifest.cells, given), hypothesis.on).length,
      };
    });
  });
  const adjusted = holm(tested.map((t) => t.p));
  const judged = tested.map((t, i) => ({
    ...t,
    pAdjusted: adjusted[i]!,
    verdict: verdict(t.estimate, t.direction, adjusted[i]!, ALPHA),
    note: '',
  }));
  for (const pooled of judged) {
    if (pooled.level !== null) continue;
    const differing = new Map<Verdict, CellValue[]>();
    for (const row of judged) {
      if (row.hypothesis !== pooled.hypothesis || row.level === null) continue;
      if (row.verdict === pooled.verdict) continue;
      differing.set(row.verdict, [...(differing.get(row.verdict) ?? []), row.level.value]);
    }
    if (differing.size === 0) continue;
    const by = shortName(hypotheses[pooled.hypothesis]!.by!);
    const parts = [...differing].map(([v, values]) => `${v} at ${by} = ${values.join(', ')}`);
    pooled.note = `${pooled.verdict} pooled; ${parts.join('; ')}`;
  }
  return judged;
}
