/*
 * Issue 12, item 13: a full disk (ENOSPC) in every command that writes gives one line naming
 * the error and what to do, never a stack trace. The disk is a 2 MB tmpfs, filled up; mounting
 * one needs root, so elsewhere the test is skipped.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/engine/experiment.ts';
import { runExperiment } from '../../src/engine/run.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'twolevel-disk-full-'));
const disk = join(scratch, 'disk');
mkdirSync(disk);
const mounted =
  process.getuid?.() === 0 &&
  spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', disk]).status === 0;

afterAll(() => {
  if (mounted) spawnSync('umount', [disk]);
  rmSync(scratch, { recursive: true, force: true });
});

const definition = {
  name: 'full',
  scenario: { countries: [{ constituents: { count: 9 } }, { constituents: { count: 9 } }] },
  parameters: [{ path: 'countries.B.ratification.quota', values: [0.5, 0.6] }],
  replications: 20,
  figures: [{ name: 'rates', kind: 'rate', x: 'countries.B.ratification.quota' }],
};

/** Fills the mounted disk: writes 64 KB blocks until the device refuses. */
function fill() {
  const block = Buffer.alloc(64 * 1024);
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(disk, `filler-${i}`), block);
    } catch {
      return;
    }
  }
}

/** Runs `twolevel ...args`; returns its exit status and standard error. */
function twolevel(...args: string[]) {
  const child = spawnSync(process.execPath, ['bin/twolevel.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: child.status, stderr: child.stderr };
}

describe.skipIf(!mounted)('a full disk', () => {
  beforeAll(async () => {
    writeFileSync(join(scratch, 'full.json'), JSON.stringify(definition));
    const experiment = parseExperiment(definition);
    const quiet = { workers: 1, progress: 'quiet' as const };
    await runExperiment(experiment, { ...quiet, out: join(scratch, 'whole') });
    for (const index of [1, 2]) {
      await runExperiment(experiment, {
        ...quiet,
        out: join(scratch, `shard-${index}`),
        shard: { index, count: 2 },
      });
    }
    cpSync(join(scratch, 'whole'), join(disk, 'whole'), { recursive: true });
    fill();
  }, 120_000);

  it.each([
    ['run', ['run', join(scratch, 'full.json'), '--out', join(disk, 'fresh'), '--workers', '1']],
    ['summarize', ['summarize', join(disk, 'whole')]],
    ['plot', ['plot', join(disk, 'whole')]],
    ['report', ['report', join(disk, 'whole')]],
    [
      'merge',
      ['merge', join(scratch, 'shard-1'), join(scratch, 'shard-2'), '--out', join(disk, 'merged')],
    ],
    [
      'simulate --svg',
      [
        'simulate',
        join(root, 'experiments/scenarios/bonn-package-deal.json'),
        '--svg',
        join(disk, 'bonn.svg'),
      ],
    ],
  ])(
    '%s says so in one line, without a stack trace',
    (_, args) => {
      const { status, stderr } = twolevel(...args);
      expect(stderr).toMatch(/no space left on the device \(ENOSPC\)\. Free some space/);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(status).toBe(1);
    },
    120_000,
  );
});
