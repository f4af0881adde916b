import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runTable } from '../../src/engine/store.ts';
import { encodeArrowFile } from '../../src/results/codecs/arrow.ts';
import { flechetteArrowFile, resultTables } from './libraryEncoders.ts';

const layout = { countries: ['A', 'B'], dimensions: 2 };

describe('Arrow IPC encoder', () => {
  it('writes the same bytes as flechette for varied tables of every column type', () => {
    fc.assert(
      fc.property(resultTables, (table) => {
        expect(
          Buffer.from(encodeArrowFile(table)).equals(Buffer.from(flechetteArrowFile(table))),
        ).toBe(true);
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('writes the same bytes as flechette for a run table with every outcome and no agreement', () => {
    const n = 203;
    const columns: Record<string, Int32Array | Float64Array | Uint8Array> = {
      outcome: Uint8Array.from({ length: n }, (_, i) => (i * 7) % 5),
      defector: Int32Array.from({ length: n }, (_, i) => (i % 3) - 1),
      defection_period: new Int32Array(n),
      rounds: Int32Array.from({ length: n }, (_, i) => i % 50),
      reopenings: new Int32Array(n),
    };
    for (const name of ['x_1', 'x_2']) {
      columns[name] = Float64Array.from({ length: n }, (_, i) =>
        i % 4 === 0 ? Number.NaN : i / 7,
      );
    }
    for (const c of layout.countries) {
      for (const m of ['gain', 'negotiator_gain', 'winset', 'side_payments']) {
        columns[`${m}_${c}`] = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
      }
    }
    columns.true_overlap = new Float64Array(n).fill(-0);
    columns.believed_overlap = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    const seeds = Array.from({ length: n }, (_, i) => i.toString(16).padStart(16, '0'));
    const table = runTable(layout, { cell: 2, first: 400, seeds, columns });
    expect(Buffer.from(encodeArrowFile(table)).equals(Buffer.from(flechetteArrowFile(table)))).toBe(
      true,
    );
  });
});
