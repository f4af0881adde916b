import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appendJournal,
  JOURNAL,
  readCellSums,
  readJournal,
  runFileName,
  writeAtomic,
  writeCells,
} from '../../src/engine/store.ts';

const layout = { countries: ['A', 'B'], dimensions: 1 };

describe('store', () => {
  it('names run files by cell and batch, zero-padded', () => {
    expect(runFileName(12, 3, 'arrow')).toBe(join('runs', 'cell-000012-batch-0003.arrow'));
    expect(runFileName(0, 0, 'csv')).toBe(join('runs', 'cell-000000-batch-0000.csv'));
  });

  it('writes atomically: no temporary file is left', () => {
    const folder = mkdtempSync(join(tmpdir(), 'twolevel-store-'));
    writeAtomic(join(folder, 'a.txt'), 'hello');
    expect(readdirSync(folder)).toEqual(['a.txt']);
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('hello');
  });

  it('drops a torn last journal line, so appends start on a fresh line', () => {
    const folder = mkdtempSync(join(tmpdir(), 'twolevel-store-'));
    appendJournal(folder, { cell: 0, batch: 0, sums: [1, 0.1] });
    appendJournal(folder, { cell: 0, batch: 1, sums: [2, 0.30000000000000004] });
    const file = join(folder, JOURNAL);
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"cell":1,"bat`);
    const entries = readJournal(folder);
    expect(entries.map((e) => [e.cell, e.batch])).toEqual([
      [0, 0],
      [0, 1],
    ]);
    // doubles round-trip exactly through the journal
    expect(entries[1]!.sums[1]).toBe(0.1 + 0.2);
    appendJournal(folder, { cell: 1, batch: 0, sums: [3] });
    expect(readJournal(folder)).toHaveLength(3);
  });

  it('reads back the exact sums it wrote to cells.arrow', () => {
    const folder = mkdtempSync(join(tmpdir(), 'twolevel-store-'));
    const parameters = [
      { path: 'countries.B.ratification.quota', type: 'float64' as const },
      { path: 'protocol.name', type: 'utf8' as const },
    ];
    // counts (runs, outcomes, tentative, ratified, each metric's n) are integers
    const length = 7 + 3 * 13;
    const sums = (k: number) =>
      Float64Array.from({ length }, (_, i) => (i < 7 || (i - 7) % 3 === 0 ? k + i : 1 / (i + k)));
    const cells = [0, 1].map((k) => ({
      index: k,
      key: `{"k":${k}}`,
      values: { 'countries.B.ratification.quota': 0.5 + k / 10, 'protocol.name': 'nash' },
      sums: sums(k),
    }));
    writeCells(folder, layout, parameters, cells);
    const back = readCellSums(join(folder, 'cells.arrow'), layout, parameters);
    expect(back.get(0)).toEqual(sums(0));
    expect(back.get(1)).toEqual(sums(1));
    const csv = readFileSync(join(folder, 'cells.csv'), 'utf8').split('\n');
    expect(csv[0]!.startsWith('cell,key,countries.B.ratification.quota,protocol.name,runs')).toBe(
      true,
    );
    expect(csv[2]!.split(',').slice(2, 5)).toEqual(['0.6', 'nash', '1']);
  });
});
