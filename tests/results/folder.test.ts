import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputFolder, isInside, runFileName } from '../../src/results/folder.ts';

describe('results folder', () => {
  it('names run files by cell and batch, zero-padded, with the format extension', () => {
    expect(runFileName(12, 3, 'parquet')).toBe(join('runs', 'cell-000012-batch-0003.parquet'));
    expect(runFileName(0, 0, 'csv')).toBe(join('runs', 'cell-000000-batch-0000.csv'));
  });

  it('tells whether a path is inside another', () => {
    expect(isInside('q1/runs', 'q1')).toBe(true);
    expect(isInside('q1', 'q1')).toBe(true);
    expect(isInside('q10', 'q1')).toBe(false);
    expect(isInside('..q', '.')).toBe(true);
    expect(isInside('q1', 'q1/runs')).toBe(false);
  });

  it("refuses a non-empty folder without a manifest unless forced: the user's README is safe", () => {
    const project = mkdtempSync(join(tmpdir(), 'twolevel-folder-'));
    writeFileSync(join(project, 'README.md'), '# my project');
    expect(() => checkOutputFolder(project, 'run')).toThrow(
      /run: .* is not empty \(README\.md\) and holds no twolevel results \(no manifest\.json\); writing there would replace files such as README\.md.*pass --force/,
    );
    checkOutputFolder(project, 'run', { force: true });
    // new, empty, holding only an empty runs/, or a results folder: fine
    checkOutputFolder(join(project, 'new'), 'run');
    mkdirSync(join(project, 'empty', 'runs'), { recursive: true });
    checkOutputFolder(join(project, 'empty'), 'run');
    writeFileSync(join(project, 'manifest.json'), '{}');
    checkOutputFolder(project, 'run');
  });

  it('refuses an output inside an input, and a file as output', () => {
    const root = mkdtempSync(join(tmpdir(), 'twolevel-folder-'));
    expect(() =>
      checkOutputFolder(join(root, 'q1', 'runs'), 'merge', { inputs: [join(root, 'q1')] }),
    ).toThrow(
      /merge: the output folder .*q1\/runs is inside the input .*q1; choose an --out folder outside it/,
    );
    writeFileSync(join(root, 'file'), 'x');
    expect(() => checkOutputFolder(join(root, 'file'), 'run')).toThrow(/is a file, not a folder/);
  });
});
