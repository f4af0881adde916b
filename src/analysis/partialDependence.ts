import seedrandom from 'seedrandom';
import type { CellOutput } from './cellOutputs.ts';
import { multipleLogisticRegression } from './multipleLogisticRegression.ts';
import { regressionDesign } from './regressionDesign.ts';
import { sortedQuantile } from './sobolIndices.ts';
import { weightedLeastSquares } from './weightedLeastSquares.ts';

/** One point of a partial dependence curve with its bootstrap interval. */
export interface PartialDependencePoint {
  x: number;
  y: number;
  lo: number;
  hi: number;
}

/** Points of the curve, from the lowest to the highest sampled value of the parameter. */
export const PARTIAL_DEPENDENCE_POINTS = 25;

const logistic = (eta: number) => 1 / (1 + Math.exp(-eta));

/**
 * The fitted model's prediction at every grid value, averaged over the cells: for each value v,
 * the mean over cells of the prediction with the parameter's column set to v's.
 */
function curve(
  rows: readonly Float64Array[],
  coefficients: Float64Array,
  column: number,
  shifts: Float64Array,
  rate: boolean,
): Float64Array {
  const eta = rows.map((row) => row.reduce((s, v, k) => s + v * coefficients[k]!, 0));
  return Float64Array.from(shifts, (shift) => {
    let sum = 0;
    for (let c = 0; c < rows.length; c++) {
      const e = eta[c]! + coefficients[column]! * (shift - rows[c]![column]!);
      sum += rate ? logistic(e) : e;
    }
    return sum / rows.length;
  });
}

/**
 * Partial dependence (Friedman 2001, "Greedy function approximation", Ann. Stat. 29, section
 * 8.2) of one output on one parameter, from the multi-factor regression over cells that the
 * `regression` hypothesis test fits (main effects of every varied parameter, centred; a rate by
 * grouped logistic regression, a mean by least squares from the cell sums): at each of
 * {@link PARTIAL_DEPENDENCE_POINTS} values v of the parameter, `PD(v) = (1/n) sum_c f(x_c with
 * the parameter at v)`, the model's prediction averaged over the sampled values of every
 * other parameter. For a linear model this is a straight line; for a logistic one the average
 * of logistic curves. The 95% interval is a percentile bootstrap over cells (`resamples`
 * refits on cells drawn with replacement, seeded); resamples whose fit fails are skipped.
 *
 * @param cells the cells' parameter values, in cell order
 * @param parameters the varied parameters
 * @param parameter the parameter on the x axis
 * @param output the output's per-cell counts or sums
 * @param options resamples (default 200), seed (default 'partial-dependence')
 */
export function partialDependence(
  cells: readonly { values: Record<string, number | string | boolean> }[],
  parameters: readonly string[],
  parameter: string,
  output: CellOutput,
  options: { resamples?: number; seed?: string } = {},
): PartialDependencePoint[] {
  const design = regressionDesign(cells, parameters);
  const column = design.names.indexOf(parameter);
  if (column < 0) {
    throw new RangeError(`partialDependence: '${parameter}' does not vary over the cells`);
  }
  const raw = cells.map((c) => c.values[parameter] as number);
  const lo = Math.min(...raw);
  const hi = Math.max(...raw);
  const offset = raw[0]! - design.rows[0]![column]!;
  const grid = Float64Array.from(
    { length: PARTIAL_DEPENDENCE_POINTS },
    (_, i) => lo + ((hi - lo) * i) / (PARTIAL_DEPENDENCE_POINTS - 1),
  );
  const shifts = grid.map((v) => v - offset);
  const rate = output.kind === 'rate';
  const coefficientsOf = (pick: Int32Array) => {
    const rows = Array.from(pick, (c) => design.rows[c]!);
    const n = Float64Array.from(pick, (c) => output.n[c]!);
    const total = Float64Array.from(pick, (c) => output.total[c]!);
    if (rate) return multipleLogisticRegression(rows, total, n).coefficients;
    return weightedLeastSquares(rows, n, total).coefficients;
  };
  const all = Int32Array.from(design.rows, (_, c) => c);
  const estimate = curve(design.rows, coefficientsOf(all), column, shifts, rate);
  const resamples = options.resamples ?? 200;
  const random = seedrandom.alea(options.seed ?? 'partial-dependence');
  const draws: Float64Array[] = [];
  for (let r = 0; r < resamples; r++) {
    const pick = Int32Array.from(all, () => Math.floor(random() * all.length));
    try {
      const rows = Array.from(pick, (c) => design.rows[c]!);
      draws.push(curve(rows, coefficientsOf(pick), column, shifts, rate));
    } catch {
      // A resample whose design is singular (a parameter constant in it) has no fit.
    }
  }
  return Array.from(grid, (x, g) => {
    const sorted = Float64Array.from(draws, (d) => d[g]!).sort();
    const empty = sorted.length === 0;
    return {
      x,
      y: estimate[g]!,
      lo: empty ? Number.NaN : sortedQuantile(sorted, 0.025),
      hi: empty ? Number.NaN : sortedQuantile(sorted, 0.975),
    };
  });
}
