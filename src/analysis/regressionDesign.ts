import type { CellValue } from '../engine/seeds.ts';

/** The design matrix of a multi-factor regression over cells. */
export interface RegressionDesign {
  /** Column names: `(intercept)`, each parameter, `path=level` for a text level, `a:b` for a product. */
  names: string[];
  /** One row per cell, the intercept first. */
  rows: Float64Array[];
  /** The varied parameters that entered (those not constant over the cells). */
  parameters: string[];
}

/**
 * The columns a regression over cells models: an intercept, then every parameter that varies
 * over the cells (constant ones, e.g. those fixed by `given`, are left out), then each product
 * in `interactions` whose two parameters vary. A number enters as itself and a boolean as 0/1,
 * both centred at their mean over the cells; text enters as one 0/1 column per level but the
 * first (sorted), centred likewise. Centring changes no slope of a model without interactions;
 * with them, each main effect is the slope at the mean of the parameters it interacts with
 * (not at 0, which may lie outside the design).
 *
 * @param cells the cells' parameter values
 * @param parameters the varied parameters, in order
 * @param interactions pairs of parameters whose product enters
 * @example
 * // two parameters on a 2 x 2 grid with their interaction: 4 rows of
 * // [1, q - 0.6, s - 0.1, (q - 0.6)(s - 0.1)]
 * regressionDesign(cells, ['q', 's'], [['q', 's']]);
 */
export function regressionDesign(
  cells: readonly { values: Record<string, CellValue> }[],
  parameters: readonly string[],
  interactions: readonly (readonly [string, string])[] = [],
): RegressionDesign {
  const names = ['(intercept)'];
  const columns: Float64Array[] = [];
  const byParameter = new Map<string, Float64Array[]>();
  const centred = (values: number[]) => {
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    return Float64Array.from(values, (v) => v - mean);
  };
  for (const path of parameters) {
    const values = cells.map((c) => c.values[path]!);
    const distinct = [...new Set(values)];
    if (distinct.length < 2) continue;
    const own: Float64Array[] = [];
    if (values.every((v) => typeof v !== 'string')) {
      own.push(centred(values.map(Number)));
      names.push(path);
    } else {
      const levels = distinct.map(String).sort();
      for (const level of levels.slice(1)) {
        own.push(centred(values.map((v) => (String(v) === level ? 1 : 0))));
        names.push(`${path}=${level}`);
      }
    }
    byParameter.set(path, own);
    columns.push(...own);
  }
  for (const [a, b] of interactions) {
    const left = byParameter.get(a);
    const right = byParameter.get(b);
    if (!left || !right) continue;
    left.forEach((x, i) => {
      right.forEach((y, j) => {
        columns.push(x.map((v, k) => v * y[k]!));
        const name = (path: string, list: Float64Array[], k: number) =>
          list.length > 1 ? names[1 + columns.indexOf(list[k]!)]! : path;
        names.push(`${name(a, left, i)}:${name(b, right, j)}`);
      });
    });
  }
  const rows = cells.map((_, k) => Float64Array.from([1, ...columns.map((c) => c[k]!)]));
  return { names, rows, parameters: [...byParameter.keys()] };
}
