/**
 * The result files as the libraries write them, the reference the codecs' own encoders are
 * held to byte for byte, and an arbitrary of varied result tables to hold them to it over.
 * @module
 */
import { Table, tableFromArrays, tableToIPC } from '@uwdata/flechette';
import fc from 'fast-check';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ColumnSpec } from '../../src/engine/columns.ts';
import { arquero } from '../../src/results/arquero.ts';
import { arrowType } from '../../src/results/codecs/arrow.ts';
import { CREATED_BY, schemaElement } from '../../src/results/codecs/parquet.ts';
import { type ColumnValues, fileValues, type ResultTable } from '../../src/results/table.ts';

/** An Arrow IPC file as flechette writes it: `tableFromArrays`, the schema's nullability and metadata, `tableToIPC`. */
export function flechetteArrowFile(table: ResultTable): Uint8Array {
  const built = tableFromArrays(
    table.columns.map((spec) => {
      const values = table.values[spec.name]!;
      const typed = spec.type === 'int32' || (spec.type === 'float64' && !spec.nullable);
      return [spec.name, (typed ? values : fileValues(spec, values)) as never] as [string, never];
    }),
    { types: Object.fromEntries(table.columns.map((spec) => [spec.name, arrowType(spec)])) },
  );
  const schema = {
    ...built.schema,
    fields: built.schema.fields.map((f, k) => ({ ...f, nullable: !!table.columns[k]!.nullable })),
    metadata: new Map(Object.entries(table.metadata)),
  };
  return tableToIPC(new Table(schema, built.children), { format: 'file' })!;
}

/** A Parquet file as hyparquet-writer's `parquetWriteBuffer` writes it, with the codec's schema and options. */
export function hyparquetFile(table: ResultTable): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: table.columns.map((spec) => ({
      name: spec.name,
      data: fileValues(spec, table.values[spec.name]!) as never,
      ...(spec.type === 'utf8' ? { encoding: 'PLAIN' as const } : {}),
    })),
    schema: [
      { name: 'root', num_children: table.columns.length },
      ...table.columns.map(schemaElement),
    ],
    kvMetadata: Object.entries(table.metadata).map(([key, value]) => ({ key, value })),
    createdBy: CREATED_BY,
  });
  return new Uint8Array(buffer);
}

/** A CSV file as arquero's `toCSV` writes it: labels, null as empty, floats in round-trip form with `-0` kept. */
export function arqueroCsvFile(table: ResultTable): Uint8Array {
  const aq = arquero();
  const float = (v: unknown) => (v === null ? '' : Object.is(v, -0) ? '-0' : String(v));
  const columns = Object.fromEntries(
    table.columns.map((spec) => {
      const values = fileValues(spec, table.values[spec.name]!);
      return [spec.name, spec.type === 'float64' ? Array.from(values, float) : values];
    }),
  );
  return new TextEncoder().encode(aq.toCSV(aq.table(columns as never)));
}

/** Doubles with the awkward ones often: NaN (two bit patterns), -0, infinities, extremes. */
const doubles = fc.oneof(
  fc.double(),
  fc.constantFrom(
    Number.NaN,
    new Float64Array(new BigUint64Array([0xfff8000000000001n]).buffer)[0]!,
    -0,
    0,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MIN_VALUE,
    -Number.MAX_VALUE,
    0.1 + 0.2,
  ),
);

/** Doubles of a few dozen values (the awkward ones among them), so that a dictionary pays. */
const fewDoubles = fc.oneof(
  fc.constantFrom(0, -0, Number.NaN, 1.5, -2),
  fc.integer({ min: 0, max: 40 }).map((k) => k / 4),
);

/** Strings: hex seeds, empty, with commas, quotes and newlines, non-ASCII, lone surrogates, long. */
const strings = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '',
    'd5892758ca675e20',
    'a,b',
    'say "hi"',
    'two\nlines',
    'Zürich',
    '日本語',
    '😀x',
  ),
  fc.constantFrom('\ud800', 'a\udc00b', 'x'.repeat(5000), 'é'.repeat(3000)),
);

/** A column of one of the storage types, with its spec (labels for a category). */
const columnKinds = fc.constantFrom(
  'int32',
  'float64',
  'nullable',
  'bool',
  'utf8',
  'category',
) satisfies fc.Arbitrary<string>;

/** Values of a column of `rows` rows: of any value, or (`narrow`) of a few, so that a dictionary pays. */
function columnOf(
  kind: string,
  name: string,
  rows: number,
  narrow: boolean,
): fc.Arbitrary<[ColumnSpec, ColumnValues]> {
  const meaning = 'test';
  switch (kind) {
    case 'int32':
      return fc
        .array(
          narrow
            ? fc.integer({ min: -1, max: 30 })
            : fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
          {
            minLength: rows,
            maxLength: rows,
          },
        )
        .map((v) => [{ name, type: 'int32', meaning }, Int32Array.from(v)]);
    case 'float64':
    case 'nullable':
      return fc
        .array(narrow ? fewDoubles : doubles, {
          minLength: rows,
          maxLength: rows,
        })
        .map((v) => [
          { name, type: 'float64', meaning, ...(kind === 'nullable' ? { nullable: true } : {}) },
          Float64Array.from(v),
        ]);
    case 'bool':
      return fc
        .array(fc.boolean(), { minLength: rows, maxLength: rows })
        .map((v) => [{ name, type: 'bool', meaning }, v]);
    case 'utf8':
      return fc
        .array(strings, { minLength: rows, maxLength: rows })
        .map((v) => [{ name, type: 'utf8', meaning }, v]);
    default:
      return fc.uniqueArray(strings, { minLength: 1, maxLength: 6 }).chain((labels) =>
        fc
          .array(fc.integer({ min: 0, max: labels.length - 1 }), {
            minLength: rows,
            maxLength: rows,
          })
          .map((codes): [ColumnSpec, ColumnValues] => [
            { name, type: 'category', meaning, labels },
            Uint8Array.from(codes),
          ]),
      );
  }
}

/** Varied result tables: 1 to 8 columns of any types, 0 to 40 rows (or 1,000 and 1,023), metadata (any text). */
export const resultTables: fc.Arbitrary<ResultTable> = fc
  .record({
    kinds: fc.array(columnKinds, { minLength: 1, maxLength: 8 }),
    narrows: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    rows: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(0, 1, 7, 8, 9, 1000, 1023)),
    metadata: fc.dictionary(
      fc.oneof(fc.string({ minLength: 1 }), fc.string({ unit: 'binary', minLength: 1 })),
      fc.oneof(fc.string(), strings),
      { maxKeys: 2 },
    ),
  })
  .chain(({ kinds, narrows, rows, metadata }) =>
    fc
      .tuple(...kinds.map((kind, k) => columnOf(kind, `c${k}_${kind}`, rows, narrows[k] ?? false)))
      .map((columns) => ({
        columns: columns.map(([spec]) => spec),
        values: Object.fromEntries(columns.map(([spec, values]) => [spec.name, values])),
        metadata,
      })),
  );

/**
 * The most distinct values a dictionary of `count` values of `size` bytes can have and still
 * take at most half the PLAIN bytes (hyparquet-writer's rule), to aim tables at it.
 */
function dictionaryLimit(count: number, size: number): number {
  let d = 0;
  while (
    2 * (size * (d + 1) + Math.ceil((count * Math.ceil(Math.log2(d + 1))) / 8)) <=
    size * count
  )
    d++;
  return d;
}

/**
 * Tables of one numeric column (int32, float64 or nullable float64) of 40, 200 or 1,000 rows
 * whose number of distinct values is within 3 of the most a dictionary can have, every value
 * appearing somewhere: where the dictionary is decided on (or given up on) at the last value;
 * the column is a view into a larger buffer.
 * A double's distinct values include 0 (written 0 or -0, one value to a dictionary) and NaN.
 * Only V8's canonical NaN: with another bit pattern in a dictionary the library's own bytes vary
 * from call to call (it keeps dictionary values in a JavaScript array, where V8 may
 * canonicalise them; see the README, "Run files"), so there is no reference to compare with.
 */
export const nearDictionaryLimit: fc.Arbitrary<ResultTable> = fc
  .record({
    rows: fc.constantFrom(40, 200, 1000),
    kind: fc.constantFrom('int32', 'float64', 'nullable'),
    off: fc.integer({ min: -3, max: 3 }),
    picks: fc.array(fc.nat(), { minLength: 1000, maxLength: 1000 }),
    signs: fc.array(fc.boolean(), { minLength: 1000, maxLength: 1000 }),
    scale: fc.constantFrom(1, 0.1, 1e300),
  })
  .map(({ rows, kind, off, picks, signs, scale }) => {
    const isInt = kind === 'int32';
    // (a nullable column's NaNs, value 1, are nulls: its limit, of fewer values, is a little lower)
    const limit = dictionaryLimit(rows, isInt ? 4 : 8);
    const distinct = Math.max(1, Math.min(rows, limit + off));
    const value = (k: number, i: number) => {
      if (isInt) return k - 5;
      if (k === 0) return signs[i] ? -0 : 0;
      if (k === 1) return Number.NaN;
      return k * scale;
    };
    // every value k at row (k * 7919) % rows (7919 is prime to 40, 200 and 1,000), others at random
    const codes = Array.from({ length: rows }, (_, i) => picks[i]! % distinct);
    for (let k = 0; k < distinct; k++) codes[(k * 7919) % rows] = k;
    const values = codes.map(value);
    const spec: ColumnSpec = {
      name: 'x',
      type: isInt ? 'int32' : 'float64',
      meaning: 'test',
      ...(kind === 'nullable' ? { nullable: true } : {}),
    };
    // the column a view into a larger buffer, as a batch's columns can be
    const buffer = isInt ? new Int32Array(rows + 3) : new Float64Array(rows + 3);
    buffer.set(values, 2);
    return { columns: [spec], values: { x: buffer.subarray(2, 2 + rows) }, metadata: {} };
  });
