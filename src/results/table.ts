import type { ColumnSpec } from '../engine/columns.ts';

/**
 * A column's values as held in memory: int32 in an `Int32Array`, float64 in a
 * `Float64Array` (NaN for null in a nullable column), a category as its codes in a
 * `Uint8Array`, strings and booleans in plain arrays.
 */
export type ColumnValues =
  | Int32Array
  | Float64Array
  | Uint8Array
  | readonly string[]
  | readonly boolean[];

/**
 * A table for a result file: its columns in file order with their types, the values by
 * column name, and key-value metadata stored in the file where the format has a place for
 * it (Parquet key-value metadata, Arrow schema metadata; CSV has none).
 */
export interface ResultTable {
  columns: readonly ColumnSpec[];
  values: Readonly<Record<string, ColumnValues>>;
  metadata: Readonly<Record<string, string>>;
}

/** The number of rows of a table (of its first column). */
export function tableRows(table: ResultTable): number {
  const first = table.columns[0];
  return first ? table.values[first.name]!.length : 0;
}

/**
 * A column's values as a reader sees them: category codes as their labels, NaN in a
 * nullable column as null.
 */
export function fileValues(spec: ColumnSpec, values: ColumnValues): readonly unknown[] {
  if (spec.type === 'category') {
    return Array.from(values as Uint8Array, (code) => spec.labels![code]!);
  }
  if (spec.nullable) {
    return Array.from(values as Float64Array, (v) => (Number.isNaN(v) ? null : v));
  }
  return values as readonly unknown[];
}

/**
 * A column as read from a file back in memory form ({@link ColumnValues}): labels to codes,
 * null to NaN, numbers into typed arrays.
 *
 * @throws Error when a category label is not one of the column's labels
 */
export function memoryValues(spec: ColumnSpec, values: ArrayLike<unknown>): ColumnValues {
  switch (spec.type) {
    case 'int32':
      return Int32Array.from(values as ArrayLike<number>);
    case 'float64':
      return Float64Array.from(values as ArrayLike<number | null>, (v) =>
        v === null || v === undefined ? Number.NaN : v,
      );
    case 'category':
      return Uint8Array.from(values as ArrayLike<string>, (label) => {
        const code = spec.labels!.indexOf(label);
        if (code < 0) {
          throw new Error(
            `column '${spec.name}': '${label}' is not one of ${spec.labels!.join(', ')}`,
          );
        }
        return code;
      });
    case 'bool':
      return Array.from(values as ArrayLike<boolean>, Boolean);
    case 'utf8':
      return Array.from(values as ArrayLike<string>, String);
  }
}
