import { type CellValue, cellKey } from '../seeds.ts';
import { parameterAt } from './parameterAt.ts';
import type { Cell, DesignColumn, DesignTable, VariedParameter } from './types.ts';

/** The value of column `column` in cell `index`: the number, or the level it points to. */
export function valueAt(column: DesignColumn, index: number): CellValue {
  const x = column.values[index]!;
  return column.levels ? column.levels[x]! : x;
}

/**
 * An empty column of `size` cells for a checked parameter, filled cell by cell with unit
 * coordinates: `set(i, u)` stores {@link parameterAt}`(parameter, u)` for a parameter with a
 * `range`, the position of that level among its `values` otherwise.
 */
export function unitColumn(parameter: VariedParameter, size: number) {
  const values = new Float64Array(size);
  if (parameter.range !== undefined) {
    return {
      column: { values } as DesignColumn,
      set: (i: number, u: number) => {
        values[i] = parameterAt(parameter, u) as number;
      },
    };
  }
  const levels = parameter.values!;
  const n = levels.length;
  return {
    column: { values, levels } as DesignColumn,
    set: (i: number, u: number) => {
      values[i] = Math.min(n - 1, Math.floor(u * n));
    },
  };
}

/** The cells of a table as objects (small designs, and the library's `designCells`). */
export function cellsOf(table: DesignTable): Cell[] {
  return Array.from({ length: table.size }, (_, index) => ({
    index,
    values: valuesAt(table, index),
  }));
}

/** Cell `index`'s values by parameter path. */
export function valuesAt(table: DesignTable, index: number): Record<string, CellValue> {
  const values: Record<string, CellValue> = {};
  for (let p = 0; p < table.paths.length; p++) {
    values[table.paths[p]!] = valueAt(table.columns[p]!, index);
  }
  return values;
}

/**
 * The table of a list of cells (designs small enough to build cell by cell): a parameter whose
 * values are all numbers gets a numeric column, any other a column of levels (its distinct
 * values in order of first appearance).
 */
export function tableOf(
  parameters: readonly VariedParameter[],
  cells: readonly Cell[],
): DesignTable {
  const columns = parameters.map(({ path }): DesignColumn => {
    const values = new Float64Array(cells.length);
    if (cells.every((c) => typeof c.values[path] === 'number')) {
      cells.forEach((c, i) => {
        values[i] = c.values[path] as number;
      });
      return { values };
    }
    const levels: CellValue[] = [];
    const position = new Map<CellValue, number>();
    cells.forEach((c, i) => {
      const value = c.values[path]!;
      let at = position.get(value);
      if (at === undefined) {
        at = levels.push(value) - 1;
        position.set(value, at);
      }
      values[i] = at;
    });
    return { values, levels };
  });
  return { size: cells.length, paths: parameters.map((p) => p.path), columns };
}

/** A design cell with its {@link cellKey}. */
export interface KeyedCell extends Cell {
  key: string;
}

/**
 * Some cells of a design, made on demand from its columns (never all held at once): element
 * `i` is cell `first + i step`, `0 <= i < length`. All cells (`first` 0, `step` 1), or one
 * shard's (`first` = shard - 1, `step` = shards).
 */
export class CellList implements Iterable<KeyedCell> {
  readonly length: number;

  constructor(
    readonly table: DesignTable,
    private readonly first = 0,
    private readonly step = 1,
  ) {
    this.length = first < table.size ? Math.ceil((table.size - first) / step) : 0;
  }

  /** The design index of element `i`. */
  indexAt(i: number): number {
    return this.first + i * this.step;
  }

  /** Element `i`: its design index, values and key. */
  at(i: number): KeyedCell {
    const index = this.indexAt(i);
    const values = valuesAt(this.table, index);
    return { index, values, key: cellKey(values) };
  }

  *[Symbol.iterator](): Iterator<KeyedCell> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  /** Like `Array.prototype.map` over the cells (which are made one at a time). */
  map<T>(f: (cell: KeyedCell, i: number) => T): T[] {
    return Array.from({ length: this.length }, (_, i) => f(this.at(i), i));
  }
}
