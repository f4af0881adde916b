import type { ColumnTable } from 'arquero';
import { OUTCOMES } from '../engine/columns.ts';
import type { CellValue } from '../engine/seeds.ts';
import { UserError } from '../errors.ts';

/** A cell as the manifest lists it: its index and parameter values. */
export interface CellValues {
  index: number;
  values: Record<string, CellValue>;
}

/**
 * Pairs the runs of the lowest and the highest level of parameter `on` under common random
 * numbers: replication r of a low-level cell is matched with replication r of the high-level
 * cell that has the same values of every other parameter (the same world, only `on` changed).
 * Counts `up`, pairs where `outcome` happened only at the high level, and `down`, only at the
 * low level: the discordant pairs of McNemar's test.
 *
 * @param runs the per-run rows (columns `cell`, `replication`, `outcome` code)
 * @param cells the design's cells with their parameter values
 * @param on the parameter compared
 * @param outcome one of the four outcomes
 * @returns `{ up, down, pairs }`
 * @throws UserError when no low-level cell has a high-level partner
 * @example
 * // one pair of cells, 4 replications: low [A, A, N, N], high [A, N, A, A] (A = agreement)
 * pairedOutcomes(runs, cells, 'q', 'agreement'); // => { up: 2, down: 1, pairs: 4 }
 */
export function pairedOutcomes(
  runs: ColumnTable,
  cells: readonly CellValues[],
  on: string,
  outcome: string,
): { up: number; down: number; pairs: number } {
  const code = OUTCOMES.indexOf(outcome as (typeof OUTCOMES)[number]);
  const levels = cells.map((c) => Number(c.values[on]));
  const low = Math.min(...levels);
  const high = Math.max(...levels);
  const others = (c: CellValues) =>
    JSON.stringify(Object.entries(c.values).filter(([path]) => path !== on));
  const highCell = new Map<string, number>();
  for (const c of cells) if (Number(c.values[on]) === high) highCell.set(others(c), c.index);
  const partner = new Map<number, number>();
  for (const c of cells) {
    const match = Number(c.values[on]) === low ? highCell.get(others(c)) : undefined;
    if (match !== undefined) partner.set(c.index, match);
  }
  if (partner.size === 0) {
    throw new UserError(
      `mcnemar on '${on}': no cell at ${on} = ${low} has a partner at ${on} = ${high} with the other parameters equal; a paired comparison needs a grid over '${on}'.`,
    );
  }
  const cell = runs.array('cell') as ArrayLike<number>;
  const replication = runs.array('replication') as ArrayLike<number>;
  const outcomes = runs.array('outcome') as ArrayLike<number>;
  const byCell = new Map<number, Map<number, boolean>>();
  const wanted = new Set([...partner.keys(), ...partner.values()]);
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    if (!wanted.has(c)) continue;
    if (!byCell.has(c)) byCell.set(c, new Map());
    byCell.get(c)!.set(replication[i]!, outcomes[i] === code);
  }
  let up = 0;
  let down = 0;
  let pairs = 0;
  for (const [lowIndex, highIndex] of partner) {
    const lows = byCell.get(lowIndex);
    const highs = byCell.get(highIndex);
    if (!lows || !highs) continue;
    for (const [r, atLow] of lows) {
      const atHigh = highs.get(r);
      if (atHigh === undefined) continue;
      pairs++;
      if (atHigh && !atLow) up++;
      else if (atLow && !atHigh) down++;
    }
  }
  return { up, down, pairs };
}
