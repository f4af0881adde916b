import type { ColumnSpec } from '../../engine/columns.ts';
import type { ColumnValues, ResultTable } from '../table.ts';

/** The formats a results folder's tables can be written in. */
export type TableFormat = 'parquet' | 'arrow' | 'csv';

/**
 * One file format of a results folder: its file extension and how a {@link ResultTable}
 * becomes bytes and back. Adding a format is adding one codec to `codecs/index.ts`.
 */
export interface Codec {
  format: TableFormat;
  /** With the dot, e.g. `.parquet`. */
  extension: string;
  /** What a reader needs to know, for the folder's README. */
  readers: string;
  encode(table: ResultTable): Uint8Array;
  /**
   * Reads a file's columns back in memory form, checking that each expected column is
   * there with the expected number of rows.
   *
   * @throws Error when the bytes are not a file of this format or a column is missing
   */
  decode(bytes: Uint8Array, columns: readonly ColumnSpec[]): Record<string, ColumnValues>;
}

/** Checks that decoded columns are all there and of one length; returns them. */
export function checkDecoded(
  columns: readonly ColumnSpec[],
  decoded: Record<string, ColumnValues>,
): Record<string, ColumnValues> {
  const rows = decoded[columns[0]?.name ?? '']?.length ?? 0;
  for (const spec of columns) {
    const values = decoded[spec.name];
    if (!values) throw new Error(`column '${spec.name}' is missing`);
    if (values.length !== rows) {
      throw new Error(`column '${spec.name}' has ${values.length} rows, expected ${rows}`);
    }
  }
  return decoded;
}
