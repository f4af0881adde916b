import type { ColumnTable } from 'arquero';
import { cellMetrics, OUTCOMES, type RunLayout } from '../engine/columns.ts';
import { UserError } from '../errors.ts';
import { arquero } from '../results/arquero.ts';

/** The count columns of `cells.arrow` that pool by addition: runs, outcomes, tentative, ratified. */
export const COUNT_COLUMNS = ['runs', ...OUTCOMES, 'tentative', 'ratified'] as const;

/**
 * Pools the cells of a sweep by a subset of its varied parameters: cells that share the values
 * of `by` become one group whose counts and metric sums (`n_m`, `sum_m`, `sumsq_m`) are the sums
 * over its cells, so a pooled rate is `sum successes / sum runs` and a pooled mean
 * `sum sum_m / sum n_m`, exactly as if the runs had been counted together. Groups are ordered
 * by `by`: numbers ascending, other values (names of alternatives, protocols) in the order the
 * design first uses them; `cells` holds how many cells each group pooled. With `by` empty
 * the whole sweep is one group.
 *
 * The work is one arquero `groupby` + `rollup` over the cells table, so it takes the same time
 * whatever the number of runs.
 *
 * @param cells the `cells.arrow` table
 * @param by parameters to keep (a subset of `parameters`)
 * @param parameters the sweep's varied parameters (for the message on a bad `by`)
 * @param layout the sweep's countries and dimension (which metric columns exist)
 * @returns a table with the `by` columns, `cells`, the counts and the pooled metric sums
 * @throws UserError when `by` names something that is not a varied parameter
 * @example
 * // two cells of one quota with 3/10 and 5/10 agreements pool to 8/20
 * poolCells(cells, ['countries.B.ratification.quota'], parameters, layout);
 */
export function poolCells(
  cells: ColumnTable,
  by: readonly string[],
  parameters: readonly string[],
  layout: RunLayout,
): ColumnTable {
  for (const name of by) {
    if (!parameters.includes(name)) {
      const valid = parameters.length > 0 ? parameters.join(', ') : '(none: nothing was varied)';
      throw new UserError(
        `--by: '${name}' is not a varied parameter of this sweep; valid: ${valid}`,
      );
    }
  }
  const sums = [
    ...COUNT_COLUMNS,
    ...cellMetrics(layout).flatMap((m) => [`n_${m.name}`, `sum_${m.name}`, `sumsq_${m.name}`]),
  ];
  const rollup: Record<string, string> = { cells: 'd => op.count()' };
  for (const column of sums) rollup[column] = `d => op.sum(d[${JSON.stringify(column)}])`;
  const grouped = by.length > 0 ? cells.groupby(...by) : cells;
  const pooled = grouped.rollup(rollup);
  if (by.length === 0) return pooled;
  const hasCell = cells.columnNames().includes('cell');
  const ranked: Record<string, Float64Array> = {};
  const keys = by.map((name, k) => {
    const values = Array.from(
      (hasCell ? cells.orderby('cell') : cells).array(name) as ArrayLike<unknown>,
    );
    if (values.every((v) => typeof v === 'number')) return name;
    const rank = new Map<unknown, number>();
    for (const v of values) if (!rank.has(v)) rank.set(v, rank.size);
    const column = `__rank${k}`;
    ranked[column] = Float64Array.from(
      pooled.array(name) as ArrayLike<unknown>,
      (v) => rank.get(v)!,
    );
    return column;
  });
  const helpers = Object.keys(ranked);
  if (helpers.length === 0) return pooled.orderby(...by);
  return pooled
    .assign(ranked)
    .orderby(...keys)
    .select(arquero().not(...helpers));
}
