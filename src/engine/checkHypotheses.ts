import { UserError } from '../errors.ts';
import { cellMetrics, OUTCOMES, RATE_NAMES, type RunLayout } from './columns.ts';
import { didYouMean, NO_PARAMETERS, validChoices } from './didYouMean.ts';
import type { Hypothesis } from './experiment.ts';
import { type CellValue, cellKey } from './seeds.ts';

/** The tests a hypothesis may name. */
export type HypothesisTestName = 'logistic' | 'trend' | 'mcnemar' | 'welch' | 'regression';

/** Designs whose parameters take a few shared levels, so cells pool by the level of one. */
const LEVELLED = ['grid', 'oat'] as const;

/**
 * What each test compares, and the design kinds it is valid for. The one-parameter tests pool
 * the cells by the level of `on`: on a grid (or one-at-a-time) design every level pools the
 * same mix of the other parameters, but on a continuous design (`random`, `lhs`, `sobol`,
 * `saltelli`) every cell has its own value of `on` and of every other parameter, so there are
 * no levels to compare and the pooled counts vary more than binomially (their standard errors
 * would be too small). A `morris` design's cells share the p levels of its grid, but they lie
 * on trajectories, so the cells at one level of `on` are not a balanced mix of the other
 * parameters' levels and pooling them would mix the effect of `on` with theirs. `regression`
 * models every varied parameter at once, cell by cell, and fits every design.
 */
export const HYPOTHESIS_TESTS: Record<
  HypothesisTestName,
  { compares: string; designs: readonly string[] }
> = {
  logistic: {
    compares: 'fits one slope to the counts pooled at each level of one parameter',
    designs: LEVELLED,
  },
  trend: {
    compares: 'tests a linear trend in the rates pooled at each level of one parameter',
    designs: LEVELLED,
  },
  welch: { compares: 'compares two levels (the highest and the lowest)', designs: LEVELLED },
  mcnemar: {
    compares: 'pairs the runs of two levels (the highest and the lowest)',
    designs: LEVELLED,
  },
  regression: {
    compares: 'fits every varied parameter at once, cell by cell',
    designs: [...LEVELLED, 'random', 'lhs', 'sobol', 'saltelli', 'morris'],
  },
};

/** The tests that read a rate only (a mean needs `welch` or `regression`). */
const RATE_ONLY: readonly HypothesisTestName[] = ['logistic', 'trend', 'mcnemar'];

/** The design facts a hypothesis is checked against. */
export interface HypothesisDesign {
  /** The design's kind (`grid`, `lhs`, ...). */
  kind: string;
  /** Whether the sweep uses common random numbers. */
  crn: boolean;
  /** Every cell's parameter values. */
  cells: readonly { values: Record<string, CellValue> }[];
  /** Whether replications are adaptive (cells get different numbers of runs). */
  adaptive?: boolean;
}

/**
 * The test a hypothesis without `test` gets: `regression` on a design the one-parameter tests
 * do not fit or with adaptive replications, else `logistic` for a rate and `welch` for a mean.
 */
export function defaultTest(
  designKind: string,
  isRate: boolean,
  adaptive = false,
): HypothesisTestName {
  if (adaptive || !HYPOTHESIS_TESTS.logistic.designs.includes(designKind)) return 'regression';
  return isRate ? 'logistic' : 'welch';
}

/** The cells a hypothesis's `given` keeps. */
export function givenCells<C extends { values: Record<string, CellValue> }>(
  cells: readonly C[],
  given: Hypothesis['given'],
): C[] {
  const entries = Object.entries(given ?? {});
  return cells.filter((c) => entries.every(([path, value]) => c.values[path] === value));
}

/** The distinct values of a parameter among cells, numbers ascending. */
export function levelsOf(cells: readonly { values: Record<string, CellValue> }[], path: string) {
  const seen = new Map<string, CellValue>();
  for (const c of cells) seen.set(cellKey({ v: c.values[path]! }), c.values[path]!);
  return [...seen.values()].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
  );
}

/**
 * Checks each hypothesis before any game is played (the planner calls it, and
 * {@link evaluateHypotheses} again on a results folder):
 *
 * - `on` names a varied parameter with numeric values, `outcome` a rate ({@link RATE_NAMES}) or
 *   a metric of the layout ({@link cellMetrics});
 * - the test fits the design ({@link HYPOTHESIS_TESTS}) and the outcome (`logistic`, `trend`
 *   and `mcnemar` read a rate; `mcnemar` needs common random numbers and a whole-run outcome;
 *   with adaptive replications only `regression` and `mcnemar` may read cells pooled by level);
 * - `given` names other varied parameters at values some cell has; `by` another parameter of a
 *   grid; `interactions` pairs of distinct varied parameters, with `regression`.
 *
 * @param hypotheses the experiment's hypotheses
 * @param parameters the varied parameters' paths, as written in the experiment
 * @param layout the countries and dimension of the sweep (they fix the metric names)
 * @param design the design's kind, common random numbers and cells
 * @throws UserError naming `hypotheses[i]` and the field, what was wrong and what would fit
 */
export function checkHypotheses(
  hypotheses: readonly Hypothesis[],
  parameters: readonly string[],
  layout: RunLayout,
  design: HypothesisDesign,
) {
  const metrics = cellMetrics(layout).map((m) => m.name);
  const parameter = (where: string, path: string) => {
    if (parameters.includes(path)) return;
    throw new UserError(
      `${where}: '${path}' is not a varied parameter of this experiment; ${validChoices(parameters, NO_PARAMETERS)}.${didYouMean(path, parameters)}`,
    );
  };
  hypotheses.forEach((hypothesis, i) => {
    const where = `hypotheses[${i}]`;
    const named = hypothesis.label ? `${where} ('${hypothesis.label}')` : where;
    parameter(`${where}.on`, hypothesis.on);
    if (!RATE_NAMES.includes(hypothesis.outcome) && !metrics.includes(hypothesis.outcome)) {
      throw new UserError(
        `${where}.outcome: unknown outcome '${hypothesis.outcome}'; valid rates: ${RATE_NAMES.join(', ')}; valid means: ${metrics.join(', ')}.${didYouMean(hypothesis.outcome, [...RATE_NAMES, ...metrics])}`,
      );
    }
    if (design.cells.some((c) => typeof c.values[hypothesis.on] === 'string')) {
      throw new UserError(
        `${where}.on: '${hypothesis.on}' takes text values, which have no order; a direction needs a numeric parameter.`,
      );
    }
    const isRate = RATE_NAMES.includes(hypothesis.outcome);
    const test = hypothesis.test ?? defaultTest(design.kind, isRate, design.adaptive);
    const fitting = (Object.keys(HYPOTHESIS_TESTS) as HypothesisTestName[]).filter((t) =>
      HYPOTHESIS_TESTS[t].designs.includes(design.kind),
    );
    for (const [path, value] of Object.entries(hypothesis.given ?? {})) {
      parameter(`${where}.given`, path);
      if (path === hypothesis.on) {
        throw new UserError(
          `${where}.given: '${path}' is the parameter the hypothesis is on; it cannot also be held fixed.`,
        );
      }
      const levels = levelsOf(design.cells, path);
      if (!levels.includes(value)) {
        const shown = levels.length <= 12 ? levels.join(', ') : `${levels.length} values`;
        throw new UserError(
          `${where}.given: no cell has ${path} = ${JSON.stringify(value)}; its values: ${shown}.`,
        );
      }
    }
    const cells = givenCells(design.cells, hypothesis.given);
    if (cells.length === 0) {
      throw new UserError(
        `${where}.given: no cell has all of ${JSON.stringify(hypothesis.given)} at once.`,
      );
    }
    const levels = levelsOf(cells, hypothesis.on).length;
    if (!HYPOTHESIS_TESTS[test].designs.includes(design.kind)) {
      const use = fitting.length > 0 ? `use ${fitting.map((t) => `'${t}'`).join(' or ')}` : '';
      const why =
        design.kind === 'morris'
          ? `on Morris trajectories, so the cells at each level are not a balanced mix of the other parameters' levels and pooling them would mix their effects with that of '${hypothesis.on}'`
          : 'each cell with its own values of the other parameters, so there are no levels to pool';
      throw new UserError(
        `${named}.test: ${test} ${HYPOTHESIS_TESTS[test].compares}; this ${design.kind} design has ${levels} distinct values of '${hypothesis.on}' in ${cells.length} cells, ${why}${use ? `; ${use}` : `, and no test fits a '${design.kind}' design`}.`,
      );
    }
    const pooling = cells.length > levelsOf(cells, hypothesis.on).length;
    if (design.adaptive && test !== 'regression' && test !== 'mcnemar' && pooling) {
      throw new UserError(
        `${named}.test: with adaptive replications each cell runs until its own target is met, so cells get different numbers of runs chosen from their outcomes, and ${test} would pool them by the level of '${hypothesis.on}' weighted by those runs; use 'regression' (it models each cell), or hold the other parameters fixed with given.`,
      );
    }
    if (RATE_ONLY.includes(test) && !isRate) {
      throw new UserError(
        `${where}.test: '${test}' tests a rate, but '${hypothesis.outcome}' is a mean; use test 'welch' or 'regression' (or leave test out).`,
      );
    }
    if (test === 'mcnemar') {
      if (!design.crn) {
        throw new UserError(
          `${where}.test: mcnemar compares paired runs, which needs common random numbers; set crn: true in the experiment, or use test 'logistic' or 'trend'.`,
        );
      }
      if (!(OUTCOMES as readonly string[]).includes(hypothesis.outcome)) {
        throw new UserError(
          `${where}.outcome: mcnemar pairs whole runs, so the outcome must be one of ${OUTCOMES.join(', ')}; got '${hypothesis.outcome}'.`,
        );
      }
    }
    if (hypothesis.by !== undefined) {
      parameter(`${where}.by`, hypothesis.by);
      if (hypothesis.by === hypothesis.on || hypothesis.by in (hypothesis.given ?? {})) {
        throw new UserError(
          `${where}.by: '${hypothesis.by}' is ${hypothesis.by === hypothesis.on ? 'the parameter the hypothesis is on' : 'held fixed by given'}; by needs another varied parameter.`,
        );
      }
      if (design.kind === 'oat') {
        throw new UserError(
          `${where}.by: a one-at-a-time design varies '${hypothesis.on}' only where '${hypothesis.by}' is at its base, so there is nothing to compare at its other levels; use a grid.`,
        );
      }
      if (design.kind !== 'grid') {
        const why =
          design.kind === 'morris'
            ? `places its cells on trajectories, so the cells at one level of '${hypothesis.by}' are not a balanced mix of the other parameters`
            : `gives every cell its own value of '${hypothesis.by}', so there are no levels to evaluate at`;
        throw new UserError(
          `${where}.by: a ${design.kind} design ${why}; use test 'regression' with interactions: [['${hypothesis.on}', '${hypothesis.by}']].`,
        );
      }
    }
    if (hypothesis.interactions !== undefined && test !== 'regression') {
      throw new UserError(
        `${where}.interactions: only the 'regression' test models interactions; this hypothesis uses '${test}'.`,
      );
    }
    (hypothesis.interactions ?? []).forEach(([a, b], k) => {
      const at = `${where}.interactions[${k}]`;
      parameter(at, a);
      parameter(at, b);
      if (a === b) throw new UserError(`${at}: an interaction needs two different parameters.`);
      for (const path of [a, b]) {
        if (path in (hypothesis.given ?? {})) {
          throw new UserError(
            `${at}: '${path}' is held fixed by given, so it cannot interact with anything.`,
          );
        }
      }
    });
  });
}
