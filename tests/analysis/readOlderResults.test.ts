import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readResults } from '../../src/analysis/readResults.ts';

/**
 * A results folder written by toolkit 0.3.0 (before the fifth outcome `aborted`): two cells of
 * 20 games each, every game agreed (its cells.csv: runs 20, agreement 20, tentative 20). Kept
 * without per-run rows (`--runs none`) and without the report.
 */
const folder = fileURLToPath(new URL('./fixtures/results-0.3.0', import.meta.url));

describe('readResults on a folder from toolkit 0.3.0', () => {
  it('reads its counts and counts no aborted run (it had no such outcome)', () => {
    const { cells, manifest } = readResults(folder);
    expect(manifest.outcomes).not.toContain('aborted');
    expect(Array.from(cells.array('runs') as ArrayLike<number>)).toEqual([20, 20]);
    expect(Array.from(cells.array('agreement') as ArrayLike<number>)).toEqual([20, 20]);
    expect(Array.from(cells.array('tentative') as ArrayLike<number>)).toEqual([20, 20]);
    expect(Array.from(cells.array('aborted') as ArrayLike<number>)).toEqual([0, 0]);
  });
});
