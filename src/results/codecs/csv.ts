/**
 * CSV with a header row (RFC 4180): a category as its label, null as an empty field, NaN as
 * `NaN`, infinities as `Infinity` / `-Infinity`, `-0` as `-0`, a field quoted (its quotes
 * doubled) when it holds a comma, a quote, a line feed or a carriage return, every line
 * ended by a line feed. Numbers are written in JavaScript's shortest round-trip form, so
 * they read back to the same bits. Written here row by row from the typed columns, byte for
 * byte what arquero's `toCSV` writes for the same table (tests/results/encoderBytes.test.ts);
 * read with arquero's `fromCSV`.
 * @module
 */
import type { ColumnSpec } from '../../engine/columns.ts';
import { arquero } from '../arquero.ts';
import { type ColumnValues, memoryValues, type ResultTable, tableRows } from '../table.ts';
import { type Codec, checkDecoded } from './codec.ts';

/** A field that needs quoting (RFC 4180, 2.6): it holds a comma, a quote or a line break. */
const NEEDS_QUOTES = /[",\n\r]/;

/** Text as a CSV field: as it is, or quoted with its quotes doubled (RFC 4180, 2.5 to 2.7). */
function field(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A double as CSV text: shortest round-trip form, `-0` kept. */
function formatFloat(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

/** How row `i` of a column is written: its field text. */
function formatter(spec: ColumnSpec, values: ColumnValues): (i: number) => string {
  switch (spec.type) {
    case 'int32':
      return (i) => String((values as Int32Array)[i]);
    case 'float64': {
      const floats = values as Float64Array;
      return spec.nullable
        ? (i) => (Number.isNaN(floats[i]!) ? '' : formatFloat(floats[i]!))
        : (i) => formatFloat(floats[i]!);
    }
    case 'bool':
      return (i) => String((values as readonly boolean[])[i]);
    case 'utf8':
      return (i) => field((values as readonly string[])[i]!);
    case 'category': {
      const labels = spec.labels!.map(field);
      return (i) => labels[(values as Uint8Array)[i]!]!;
    }
  }
}

/**
 * The CSV text of a table: the header row of column names, then one row per table row,
 * every line ended by a line feed.
 */
export function csvText(table: ResultTable): string {
  const formats = table.columns.map((spec) => formatter(spec, table.values[spec.name]!));
  const lines = [table.columns.map((spec) => field(spec.name)).join(',')];
  const fields: string[] = new Array(formats.length);
  for (let i = 0, n = tableRows(table); i < n; i++) {
    for (let k = 0; k < formats.length; k++) fields[k] = formats[k]!(i);
    lines.push(fields.join(','));
  }
  return `${lines.join('\n')}\n`;
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
    return new TextEncoder().encode(csvText(table));
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
