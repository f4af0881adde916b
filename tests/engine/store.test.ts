import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parameterColumns } from '../../src/engine/columns.ts';
import { readCellsTable, writeCells } from '../../src/engine/store.ts';
import { checksum } from '../../src/results/checksum.ts';
import { TABLE_FORMATS } from '../../src/results/codecs/index.ts';

const layout = { countries: ['A', 'B'], dimensions: 1 };
const parameters = parameterColumns([
  { path: 'countries.B.ratification.quota', type: 'float64' },
  { path: 'protocol.name', type: 'utf8' },
]);
// counts (runs, outcomes, tentative, ratified, each metric's n) are integers
const length = 8 + 3 * 13;
const sums = (k: number) =>
  Float64Array.from({ length }, (_, i) => (i < 8 || (i - 8) % 3 === 0 ? k + i : 1 / (i + k)));

describe('store: the cells tables', () => {
  const folder = mkdtempSync(join(tmpdir(), 'twolevel-store-'));
  const cells = [0, 1].map((k) => ({
    index: k,
    key: `{"k":${k}}`,
    values: { 'countries.B.ratification.quota': 0.5 + k / 10, 'protocol.name': 'nash' },
    sums: sums(k),
  }));
  const files = writeCells(folder, layout, parameters, cells);

  it('writes one table in every format, with checksums for the manifest', () => {
    expect(Object.keys(files)).toEqual(['cells.parquet', 'cells.arrow', 'cells.csv']);
    for (const [name, sha] of Object.entries(files)) {
      expect(checksum(readFileSync(join(folder, name)))).toBe(sha);
    }
  });

  it('reads back the exact sums it wrote, from each format', () => {
    for (const format of TABLE_FORMATS) {
      const back = readCellsTable(join(folder, `cells.${format}`), format, layout, parameters);
      expect(Array.from(back.cell as Int32Array)).toEqual([0, 1]);
      expect(back.key).toEqual(['{"k":0}', '{"k":1}']);
      expect(Array.from(back.countries_B_ratification_quota as Float64Array)).toEqual([0.5, 0.6]);
      expect(Array.from(back.sum_rounds as Float64Array)).toEqual([1 / 9, 1 / 10]);
      expect(Array.from(back.sumsq_believed_overlap as Float64Array)).toEqual([
        1 / (length - 1),
        1 / length,
      ]);
    }
  });

  it('names parameter columns safely in CSV', () => {
    const csv = readFileSync(join(folder, 'cells.csv'), 'utf8').split('\n');
    expect(csv[0]!.startsWith('cell,key,countries_B_ratification_quota,protocol_name,runs')).toBe(
      true,
    );
    expect(csv[2]!.split(',').slice(2, 5)).toEqual(['0.6', 'nash', '1']);
  });
});
