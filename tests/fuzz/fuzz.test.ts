import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'twolevel-fuzz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** One case of tests/fuzz/mutate.ts. */
interface Case {
  kind: 'scenario' | 'experiment';
  index: number;
  file: string;
  result: 'error' | 'played' | 'valid' | 'planned' | 'crash';
  message?: string;
}

const SCENARIOS = 300;
const EXPERIMENTS = 150;

describe('fuzz: seeded mutations of the example scenarios and experiments (issue 12)', () => {
  it(`${SCENARIOS} scenarios and ${EXPERIMENTS} experiments: each a clear error naming its file, or a valid run`, () => {
    // In a child process, so that a hang fails this test (by the timeout) instead of stopping
    // the runner, and an out-of-memory is an exit code. About 5 s of CPU on one core.
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--max-old-space-size=1024',
        'tests/fuzz/mutate.ts',
        'twolevel-fuzz-1',
        String(SCENARIOS),
        String(EXPERIMENTS),
        scratch,
      ],
      { cwd: root, encoding: 'utf8', timeout: 150_000, maxBuffer: 64 * 2 ** 20 },
    );
    const cases = child.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Case);
    const last = cases.at(-1);
    expect(child.error?.message, `stopped after ${last?.kind} ${last?.index}`).toBeUndefined();
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(cases).toHaveLength(SCENARIOS + EXPERIMENTS);
    expect(cases.filter((c) => c.result === 'crash')).toEqual([]);
    for (const c of cases.filter((c) => c.result === 'error')) {
      // the file first, then the config path of each problem; never a stack trace
      expect(c.message!.startsWith(`${c.file}`), c.message).toBe(true);
      expect(c.message).not.toMatch(/\n\s+at /);
    }
    // the mutations leave enough inputs valid that games are played, of both kinds
    const played = (kind: Case['kind']) =>
      cases.filter((c) => c.kind === kind && c.result === 'played').length;
    expect(played('scenario')).toBeGreaterThan(SCENARIOS / 10);
    expect(played('experiment')).toBeGreaterThan(EXPERIMENTS / 20);
  }, 180_000);
});
