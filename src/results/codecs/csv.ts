/**
 * CSV with a header row (arquero's writer and reader): a category as its label, null as
 * an empty field, NaN as `NaN`, infinities as `Infinity` / `-Infinity`, `-0` as `-0`, strings quoted when
 * they hold a comma or a quote. Numbers are written in JavaScript's shortest round-trip
 * form, so they read back to the same bits.
 * @module
 */
import type { ColumnSpec } from '../../engine/columns.ts';
import { arquero } from '../arquero.ts';
import { type ColumnValues, fileValues, memoryValues, type ResultTable } from '../table.ts';
import { type Codec, checkDecoded } from './codec.ts';

/** A double as CSV text: shortest round-trip form, `-0` kept, null as an empty field. */
function formatFloat(value: unknown): string {
  if (value === null) return '';
  return Object.is(value, -0) ? '-0' : String(value);
}

/** How a CSV field of a column is read back. */
function parser(spec: ColumnSpec): (text: string) => unknown {
  switch (spec.type) {
    case 'int32':
    case 'float64':
      return (text) => (text === '' || text === undefined ? null : Number(text));
    case 'bool':
      return (text) => text === 'true';
    default:
      return (text) => text;
  }
}

/** CSV files (`.csv`). */
export const csv: Codec = {
  format: 'csv',
  extension: '.csv',
  readers:
    "CSV with a header row: `read.csv` in R, `pandas.read_csv` in Python, `read_csv('runs/*.csv')` in DuckDB; an empty field is null (`NA`, `NaN`, `NULL`)",
  encode(table: ResultTable) {
    const aq = arquero();
    const columns = Object.fromEntries(
      table.columns.map((spec) => {
        const values = fileValues(spec, table.values[spec.name]!);
        return [spec.name, spec.type === 'float64' ? Array.from(values, formatFloat) : values];
      }),
    );
    return new TextEncoder().encode(aq.toCSV(aq.table(columns as never)));
  },
  decode(bytes: Uint8Array, columns: readonly ColumnSpec[]) {
    const aq = arquero();
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (!text.endsWith('\n')) throw new Error('the file does not end with a newline (truncated)');
    const header = text.slice(0, text.indexOf('\n')).split(',');
    const expected = columns.map((c) => c.name);
    if (header.length !== expected.length || header.some((h, k) => h !== expected[k])) {
      throw new Error(`the header is not ${expected.join(',')}`);
    }
    const table = aq.fromCSV(text, {
      autoType: false,
      parse: Object.fromEntries(columns.map((spec) => [spec.name, parser(spec)])),
    });
    const decoded: Record<string, ColumnValues> = {};
    for (const spec of columns) {
      decoded[spec.name] = memoryValues(spec, table.array(spec.name) as ArrayLike<unknown>);
    }
    return checkDecoded(columns, decoded);
  },
};
