import seedrandom from 'seedrandom';
import { UserError } from '../../errors.ts';
import { designSeed } from '../seeds.ts';
import { gridDesign } from './grid.ts';
import { lhsDesign } from './lhs.ts';
import { morrisCells } from './morris.ts';
import { oatCells } from './oat.ts';
import { randomDesign } from './random.ts';
import { saltelliDesign } from './saltelli.ts';
import { sobolDesign } from './sobol.ts';
import { cellsOf, tableOf } from './table.ts';
import type { Cell, Design, DesignTable, VariedParameter } from './types.ts';
import { checkCellCount, checkParameters, shown } from './validate.ts';

export type {
  Cell,
  Design,
  DesignColumn,
  DesignTable,
  GridDesign,
  LatinHypercubeDesign,
  MorrisDesign,
  OneAtATimeDesign,
  RandomDesign,
  SaltelliDesign,
  SobolDesign,
  VariedParameter,
} from './types.ts';

/** The fields each design kind accepts besides `kind`. */
const FIELDS: Record<Design['kind'], readonly string[]> = {
  grid: [],
  random: ['cells'],
  lhs: ['cells'],
  sobol: ['cells', 'skip'],
  saltelli: ['baseCells'],
  morris: ['trajectories', 'levels', 'candidates'],
  oat: [],
};

/** The design's generator, `seedrandom.alea(designSeed(seed))`; a random design needs the seed. */
function seededRandom(kind: string, seed: string | number | undefined) {
  if (seed === undefined) {
    throw new UserError(
      `seed: a '${kind}' design draws its cells at random and needs the experiment's seed (a string or a number)`,
    );
  }
  return seedrandom.alea(designSeed(seed));
}

/**
 * The cells of a sweep as objects: {@link designTable}'s cells one by one.
 *
 * @example
 * designCells([{ path: 'q', values: [0.5, 0.6] }], { kind: 'grid' });
 * // [{index: 0, values: {q: 0.5}}, {index: 1, values: {q: 0.6}}]
 */
export function designCells(
  parameters: readonly VariedParameter[],
  design: Design,
  seed?: string | number,
): Cell[] {
  return cellsOf(designTable(parameters, design, seed));
}

/**
 * The cells of a sweep: checks the parameters and the design, then builds its cells' table,
 * one column of values per parameter
 * (`grid`, `random`, `lhs`, `sobol`, `saltelli`, `morris` or `oat`; see each kind's type).
 * Random, Latin hypercube, Saltelli and Morris designs draw from
 * `seedrandom.alea(designSeed(seed))` (the Saltelli design its digital shift, the Morris
 * design its trajectories), so the same seed gives the same cells; grid, Sobol and
 * one-at-a-time designs need no seed.
 *
 * @param parameters the varied parameters, in the order the design treats them
 * @param design the design
 * @param seed the experiment's master seed (needed by `random`, `lhs`, `saltelli` and `morris`)
 * @returns the cells' table, indexed 0..n-1
 * @throws UserError naming the parameter or design field at fault and what would be valid
 * @example
 * designTable([{ path: 'q', values: [0.5, 0.6] }], { kind: 'grid' });
 * // {size: 2, paths: ['q'], columns: [{values: Float64Array [0, 1], levels: [0.5, 0.6]}]}
 */
export function designTable(
  parameters: readonly VariedParameter[],
  design: Design,
  seed?: string | number,
): DesignTable {
  if (typeof design !== 'object' || design === null || !Object.hasOwn(FIELDS, design.kind)) {
    const kinds = Object.keys(FIELDS).map((kind) => `'${kind}'`);
    const got = shown((design as { kind?: unknown } | null)?.kind);
    throw new UserError(`design.kind: expected one of ${kinds.join(', ')}, got ${got}`);
  }
  const allowed = FIELDS[design.kind];
  for (const field of Object.keys(design)) {
    if (field !== 'kind' && !allowed.includes(field)) {
      throw new UserError(
        `design.${field}: not a field of a '${design.kind}' design (its fields: ${['kind', ...allowed].join(', ')})`,
      );
    }
  }
  checkParameters(parameters);
  switch (design.kind) {
    case 'grid':
      return gridDesign(parameters);
    case 'oat':
      return tableOf(parameters, oatCells(parameters));
    case 'sobol': {
      const skip = design.skip ?? 0;
      const cells = checkCellCount(design.cells);
      if (!Number.isInteger(skip) || skip < 0 || skip + cells > 2 ** 32) {
        throw new UserError(
          `design.skip: expected an integer >= 0 with skip + cells <= 2^32, got ${shown(skip)}`,
        );
      }
      return sobolDesign(parameters, cells, skip);
    }
    case 'morris':
      return tableOf(parameters, morrisCells(parameters, design, seededRandom(design.kind, seed)));
    case 'random':
    case 'lhs':
    case 'saltelli': {
      const cells = checkCellCount(
        design.kind === 'saltelli' ? design.baseCells : design.cells,
        design.kind === 'saltelli' ? 'baseCells' : 'cells',
      );
      const random = seededRandom(design.kind, seed);
      if (design.kind === 'saltelli') return saltelliDesign(parameters, cells, random);
      return design.kind === 'random'
        ? randomDesign(parameters, cells, random)
        : lhsDesign(parameters, cells, random);
    }
  }
}
