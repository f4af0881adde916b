import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runTable } from '../../src/engine/store.ts';
import { CODECS } from '../../src/results/codecs/index.ts';
import type { ResultTable } from '../../src/results/table.ts';
import {
  arqueroCsvFile,
  flechetteArrowFile,
  hyparquetFile,
  nearDictionaryLimit,
  resultTables,
} from './libraryEncoders.ts';

/** The libraries' encoders the codecs' own are held to, by format. */
const LIBRARY = { arrow: flechetteArrowFile, parquet: hyparquetFile, csv: arqueroCsvFile } as const;

/** Whether a codec writes exactly the library's bytes for a table. */
function sameBytes(format: keyof typeof LIBRARY, table: ResultTable) {
  return Buffer.from(CODECS[format].encode(table)).equals(Buffer.from(LIBRARY[format](table)));
}

/** A run table of 203 runs (D = 2): every outcome, no agreement point in every fourth, -0, infinities. */
function runsOfEveryKind(): ResultTable {
  const layout = { countries: ['A', 'B'], dimensions: 2 };
  const n = 203;
  const columns: Record<string, Int32Array | Float64Array | Uint8Array> = {
    outcome: Uint8Array.from({ length: n }, (_, i) => (i * 7) % 5),
    defector: Int32Array.from({ length: n }, (_, i) => (i % 3) - 1),
    defection_period: new Int32Array(n),
    rounds: Int32Array.from({ length: n }, (_, i) => i % 50),
    reopenings: new Int32Array(n),
  };
  for (const name of ['x_1', 'x_2']) {
    columns[name] = Float64Array.from({ length: n }, (_, i) => (i % 4 === 0 ? Number.NaN : i / 7));
  }
  for (const c of layout.countries) {
    for (const m of ['gain', 'negotiator_gain', 'winset', 'side_payments']) {
      columns[`${m}_${c}`] = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    }
  }
  columns.true_overlap = new Float64Array(n).fill(-0);
  columns.believed_overlap = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const seeds = Array.from({ length: n }, (_, i) => i.toString(16).padStart(16, '0'));
  return runTable(layout, { cell: 2, first: 400, seeds, columns });
}

describe('the codecs’ own encoders', () => {
  for (const format of ['arrow', 'parquet', 'csv'] as const) {
    it(`write the library's bytes for varied tables of every column type (${format})`, () => {
      fc.assert(
        fc.property(resultTables, (table) => {
          expect(sameBytes(format, table)).toBe(true);
        }),
        { numRuns: 300, seed: 8 },
      );
    });

    it(`write the library's bytes for a run table of every outcome (${format})`, () => {
      expect(sameBytes(format, runsOfEveryKind())).toBe(true);
    });
  }

  it('refuse columns of different lengths as the library does (parquet)', () => {
    const int = { name: 'a', type: 'int32', meaning: 'test' } as const;
    const double = { name: 'b', type: 'float64', meaning: 'test' } as const;
    const table = {
      columns: [int, double],
      values: { a: Int32Array.of(1, 2, 3), b: Float64Array.of(0.5, 1.5) },
      metadata: {},
    };
    expect(() => CODECS.parquet.encode(table)).toThrow(/columns must have the same length/);
  });

  it("write the library's bytes for text of about 1 MiB, where pages split (parquet)", () => {
    // 1 MiB of UTF-8 bytes, or one byte less or more, in two strings of under 1 MiB of
    // UTF-16 code units: a utf8 column pages its UTF-8 bytes, a category its labels' lengths
    for (const bytes of [2 ** 20 - 1, 2 ** 20, 2 ** 20 + 1]) {
      const text = ['é'.repeat(2 ** 18), 'x'.repeat(bytes - 2 ** 19)];
      const spec = { name: 't', meaning: 'test' };
      const utf8 = { ...spec, type: 'utf8' } as const;
      const category = { ...spec, type: 'category', labels: text } as const;
      for (const table of [
        { columns: [utf8], values: { t: text }, metadata: {} },
        { columns: [category], values: { t: Uint8Array.of(0, 1) }, metadata: {} },
      ]) {
        expect(sameBytes('parquet', table)).toBe(true);
      }
    }
  });

  it("write the library's bytes for columns about as varied as a dictionary allows (parquet)", () => {
    fc.assert(
      fc.property(nearDictionaryLimit, (table) => {
        expect(sameBytes('parquet', table)).toBe(true);
      }),
      { numRuns: 200, seed: 8 },
    );
  });
});
