import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { OUTCOMES, runColumns } from '../../src/engine/columns.ts';
import { runTable } from '../../src/engine/store.ts';
import { CODECS, parseRunsFormats, TABLE_FORMATS } from '../../src/results/codecs/index.ts';
import { parquetKeyValues } from '../../src/results/codecs/parquet.ts';

const layout = { countries: ['A', 'B'], dimensions: 1 };

/** A batch of four runs, one per outcome, with an agreement point missing and extreme sums. */
function batch() {
  const specs = runColumns(layout);
  const columns: Record<string, Int32Array | Float64Array | Uint8Array> = {};
  for (const spec of specs.slice(3)) {
    columns[spec.name] =
      spec.type === 'category'
        ? Uint8Array.of(0, 1, 2, 3)
        : spec.type === 'int32'
          ? Int32Array.of(3, -1, 7, 2)
          : Float64Array.of(0.1 + 0.2, Number.NaN, 1e308 * 10, -0);
  }
  return runTable(layout, {
    cell: 5,
    first: 10,
    seeds: ['00000000000000ff', 'a', 'b"c', 'd,e'],
    columns,
  });
}

describe('codecs', () => {
  it('round-trip every column to the same bits in every format', () => {
    const table = batch();
    for (const format of TABLE_FORMATS) {
      const codec = CODECS[format];
      const back = codec.decode(codec.encode(table), table.columns);
      for (const spec of table.columns) {
        expect(
          Array.from(back[spec.name]! as ArrayLike<unknown>),
          `${format} ${spec.name}`,
        ).toEqual(Array.from(table.values[spec.name]! as ArrayLike<unknown>));
      }
      expect(Array.from(back.replication as Int32Array)).toEqual([10, 11, 12, 13]);
    }
  });

  it('writes the agreement point as null, outcome as labels and marks non-nullable fields (Arrow)', () => {
    const read = tableFromIPC(CODECS.arrow.encode(batch()));
    const x = read.getChild('x_1')!;
    expect(x.get(1)).toBe(null);
    expect(x.nullCount).toBe(1);
    expect(read.schema.fields.find((f) => f.name === 'x_1')!.nullable).toBe(true);
    expect(read.schema.fields.find((f) => f.name === 'rounds')!.nullable).toBe(false);
    expect(String(read.schema.fields.find((f) => f.name === 'outcome')!.type)).toMatch(
      /^Dictionary<Int8, Utf8>$/,
    );
    expect(String(read.schema.fields.find((f) => f.name === 'seed')!.type)).toBe('Utf8');
    // the four runs have codes 0..3, the first four of OUTCOMES
    expect(Array.from(read.getChild('outcome')!.toArray())).toEqual(OUTCOMES.slice(0, 4));
  });

  it('writes CSV with labels and an empty field for no agreement point', () => {
    const text = new TextDecoder().decode(CODECS.csv.encode(batch())).split('\n');
    expect(text[0]!.split(',').slice(0, 4)).toEqual(['cell', 'replication', 'seed', 'outcome']);
    expect(text[1]!.split(',').slice(0, 4)).toEqual(['5', '10', '00000000000000ff', 'agreement']);
    const x = text[0]!.split(',').indexOf('x_1');
    expect(text[2]!.split(',')[x]).toBe('');
  });

  it('keeps metadata in Parquet', () => {
    const table = { ...batch(), metadata: { twolevel: '{"parameters":{}}' } };
    expect(parquetKeyValues(CODECS.parquet.encode(table)).twolevel).toBe('{"parameters":{}}');
  });

  it('refuses a file that is not of its format or misses a column', () => {
    const table = batch();
    for (const format of TABLE_FORMATS) {
      const codec = CODECS[format];
      const bytes = codec.encode(table);
      expect(() => codec.decode(bytes.subarray(0, bytes.length >> 1), table.columns)).toThrow();
      expect(() =>
        codec.decode(bytes, [...table.columns, { name: 'extra', type: 'int32', meaning: '' }]),
      ).toThrow();
    }
  });

  it('parses --runs: formats in order without repeats, or none', () => {
    expect(parseRunsFormats('parquet,csv,parquet')).toEqual(['parquet', 'csv']);
    expect(parseRunsFormats('none')).toEqual([]);
    expect(() => parseRunsFormats('feather')).toThrow(
      "--runs: unknown format 'feather'; expected none, or one or more of parquet, arrow, csv",
    );
  });
});
