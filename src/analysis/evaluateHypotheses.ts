import type { ColumnTable } from 'arquero';
import { checkHypotheses } from '../engine/checkHypotheses.ts';
import { OUTCOMES, RATE_NAMES, SUMMARY_RATES } from '../engine/columns.ts';
import type { Hypothesis } from '../engine/experiment.ts';
import { UserError } from '../errors.ts';
import { holm } from './holm.ts';
import {
  type HypothesisEvidence,
  type HypothesisTestName,
  type HypothesisTestResult,
  hypothesisTest,
} from './hypothesisTest.ts';
import { pairedOutcomes } from './pairedOutcomes.ts';
import { poolCells } from './poolCells.ts';
import type { Results } from './readResults.ts';
import { type Verdict, verdict } from './verdict.ts';

/** A hypothesis with its test, Holm-adjusted p-value and verdict. */
export interface HypothesisResult extends HypothesisTestResult {
  label: string;
  outcome: string;
  on: string;
  direction: 'increasing' | 'decreasing';
  /** Levels of `on` compared (2 for the paired and Welch tests). */
  levels: number;
  /** Holm-adjusted p-value over all the experiment's hypotheses. */
  pAdjusted: number;
  verdict: Verdict;
}

/** Significance level of the verdicts (family-wise, after Holm). */
export const ALPHA = 0.05;

/** The default test: logistic regression for a rate, Welch's t for a mean. */
function defaultTest(isRate: boolean): HypothesisTestName {
  return isRate ? 'logistic' : 'welch';
}

/** The evidence for one hypothesis, pooled over every parameter but `on`. */
function evidenceFor(
  results: Results,
  hypothesis: Hypothesis,
  test: HypothesisTestName,
  where: string,
  runs: () => ColumnTable,
): HypothesisEvidence {
  const { cells, parameters, manifest } = results;
  const rate = SUMMARY_RATES.find((r) => r.name === hypothesis.outcome);
  if (test === 'mcnemar') {
    if (!manifest.crn) {
      throw new UserError(
        `${where}.test: mcnemar compares paired runs, which needs common random numbers; set crn: true in the experiment, or use test 'logistic' or 'trend'.`,
      );
    }
    if (!(OUTCOMES as readonly string[]).includes(hypothesis.outcome)) {
      throw new UserError(
        `${where}.outcome: mcnemar pairs whole runs, so the outcome must be one of ${OUTCOMES.join(', ')}; got '${hypothesis.outcome}'.`,
      );
    }
    return {
      kind: 'paired',
      ...pairedOutcomes(runs(), manifest.cells, hypothesis.on, hypothesis.outcome),
    };
  }
  const pooled = poolCells(cells, [hypothesis.on], parameters, manifest.layout);
  const x = Array.from(pooled.array(hypothesis.on) as ArrayLike<unknown>, Number);
  const column = (name: string) => Array.from(pooled.array(name) as ArrayLike<number>);
  if (rate) {
    return {
      kind: 'binary',
      x,
      successes: column(rate.successes),
      trials: column(rate.trials),
    };
  }
  if (test !== 'welch') {
    throw new UserError(
      `${where}.test: '${test}' tests a rate, but '${hypothesis.outcome}' is a mean; use test 'welch' (or leave test out).`,
    );
  }
  const m = hypothesis.outcome;
  return {
    kind: 'mean',
    x,
    n: column(`n_${m}`),
    sum: column(`sum_${m}`),
    sumOfSquares: column(`sumsq_${m}`),
  };
}

/**
 * Evaluates an experiment's hypotheses on its results. Each hypothesis names an outcome (a
 * rate: an outcome or `ratification_failure`; or a metric such as `gain_A`), the parameter
 * `on` it moves with, and the expected direction. The evidence is pooled over the other
 * parameters (the marginal effect of `on`), the hypothesis's test is run
 * ({@link hypothesisTest}; default logistic regression for a rate, Welch's t for a metric),
 * the p-values of all hypotheses are adjusted together by Holm's method ({@link holm}), and
 * each gets a verdict at family-wise level {@link ALPHA} ({@link verdict}): supported when
 * significant in the expected direction, contradicted when significant the other way,
 * inconclusive otherwise.
 *
 * @param results the results folder
 * @param hypotheses the experiment's hypotheses
 * @param runs reads the per-run rows (only called for a McNemar test)
 * @throws UserError when a hypothesis names an unknown outcome or parameter, a non-numeric
 * parameter, or a test that does not fit (each message names `hypotheses[i]` and the field)
 */
export function evaluateHypotheses(
  results: Results,
  hypotheses: readonly Hypothesis[],
  runs: () => ColumnTable,
): HypothesisResult[] {
  checkHypotheses(hypotheses, results.parameters, results.manifest.layout);
  const tested = hypotheses.map((hypothesis, i) => {
    const where = `hypotheses[${i}]`;
    const isRate = RATE_NAMES.includes(hypothesis.outcome);
    const values = results.manifest.cells.map((c) => c.values[hypothesis.on]);
    if (values.some((v) => typeof v === 'string')) {
      throw new UserError(
        `${where}.on: '${hypothesis.on}' takes text values, which have no order; a direction needs a numeric parameter.`,
      );
    }
    const test = hypothesis.test ?? defaultTest(isRate);
    const evidence = evidenceFor(results, hypothesis, test, where, runs);
    let result: HypothesisTestResult;
    try {
      result = hypothesisTest(test, evidence);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new UserError(`${where} (${test} on '${hypothesis.on}'): ${error.message}`);
    }
    return {
      ...result,
      label:
        hypothesis.label ?? `${hypothesis.outcome} ${hypothesis.direction} in ${hypothesis.on}`,
      outcome: hypothesis.outcome,
      on: hypothesis.on,
      direction: hypothesis.direction,
      levels: evidence.kind === 'paired' || test === 'welch' ? 2 : new Set(evidence.x).size,
    };
  });
  const adjusted = holm(tested.map((t) => t.p));
  return tested.map((t, i) => ({
    ...t,
    pAdjusted: adjusted[i]!,
    verdict: verdict(t.estimate, t.direction, adjusted[i]!, ALPHA),
  }));
}
