import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL } from '../../src/results/folder.ts';
import { appendJournal, readJournal, writeJournal } from '../../src/results/journal.ts';
import { floatsToHex, hexToFloats } from '../../src/results/lossless.ts';

const entry = (cell: number, batch: number, sums: number[]) => ({
  cell,
  batch,
  sums: Float64Array.from(sums),
  files: { [`runs/cell-${cell}-batch-${batch}.parquet`]: 'ab'.repeat(32) },
});

describe('journal', () => {
  it('stores sums losslessly: infinities, NaN and -0 keep their bits', () => {
    const sums = Float64Array.of(Infinity, -Infinity, Number.NaN, -0, 0.1 + 0.2, 5e-324, 1e308);
    const back = hexToFloats(floatsToHex(sums));
    expect(Buffer.from(back.buffer)).toEqual(Buffer.from(sums.buffer));
    // what JSON.stringify did before: Infinity became null, read back as 0
    expect(JSON.parse(JSON.stringify(Array.from(sums)))[0]).toBe(null);
    const folder = mkdtempSync(join(tmpdir(), 'twolevel-journal-'));
    appendJournal(folder, entry(0, 0, Array.from(sums)));
    const [read] = readJournal(folder).entries;
    expect(Buffer.from(read!.sums.buffer)).toEqual(Buffer.from(sums.buffer));
  });

  it('drops a torn last line, so appends start on a fresh line', () => {
    const folder = mkdtempSync(join(tmpdir(), 'twolevel-journal-'));
    appendJournal(folder, entry(0, 0, [1, 0.1]));
    appendJournal(folder, entry(0, 1, [2, 0.30000000000000004]));
    const file = join(folder, JOURNAL);
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"cell":1,"bat`);
    const { entries, damaged } = readJournal(folder);
    expect(entries.map((e) => [e.cell, e.batch])).toEqual([
      [0, 0],
      [0, 1],
    ]);
    expect(damaged).toEqual([]);
    appendJournal(folder, entry(1, 0, [3]));
    expect(readJournal(folder).entries).toHaveLength(3);
  });

  it('finds a line whose sums were changed (its checksum no longer matches)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'twolevel-journal-'));
    appendJournal(folder, entry(0, 0, [12, 7]));
    appendJournal(folder, entry(0, 1, [12, 5]));
    const file = join(folder, JOURNAL);
    const lines = readFileSync(file, 'utf8').split('\n');
    // one hex digit of the first sum flipped: 12 becomes 13 (0x4028 -> 0x402a)
    lines[1] = lines[1]!.replace('0000000000002840', '0000000000002a40');
    writeFileSync(file, lines.join('\n'));
    const { entries, damaged } = readJournal(folder);
    expect(entries.map((e) => e.batch)).toEqual([0]);
    expect(damaged).toEqual([
      { line: 2, problem: 'its checksum does not match (edited or damaged)' },
    ]);
  });

  it('rewrites itself in cell and batch order, the same bytes whatever the order of arrival', () => {
    const a = mkdtempSync(join(tmpdir(), 'twolevel-journal-'));
    const b = mkdtempSync(join(tmpdir(), 'twolevel-journal-'));
    const entries = [entry(1, 0, [1]), entry(0, 1, [2]), entry(0, 0, [3])];
    const digest = writeJournal(a, entries);
    expect(writeJournal(b, [...entries].reverse())).toBe(digest);
    expect(readJournal(a).entries.map((e) => [e.cell, e.batch])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
    ]);
  });
});
