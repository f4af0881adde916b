import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/twolevel.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'twolevel-interrupt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A sweep of 4 x 20,000 default games: a minute on one worker, so it is still running when interrupted. */
const experiment = join(scratch, 'long.json');
writeFileSync(
  experiment,
  JSON.stringify({
    name: 'long',
    parameters: [{ path: 'countries.B.ratification.quota', values: [0.5, 0.6, 0.7, 0.8] }],
    replications: 20000,
  }),
);
const out = join(scratch, 'results');

function start(...args: string[]) {
  const child = spawn(
    process.execPath,
    [bin, 'run', experiment, '--workers', '1', '--out', out, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, exit, stderr: () => stderr };
}

/** Waits until `ready()` holds, polling every 50 ms. */
async function until(ready: () => boolean) {
  while (!ready()) await new Promise((done) => setTimeout(done, 50));
}

/** A finished batch is on disk: the journal holds a line (lock.json comes earlier). */
function batchWritten() {
  const journal = join(out, 'batches.ndjson');
  return existsSync(journal) && readFileSync(journal, 'utf8').includes('\n');
}

function interrupt(child: ChildProcess) {
  child.kill('SIGINT');
}

describe('twolevel run, interrupted with Ctrl-C and run again', () => {
  it('says how many runs are kept and that rerunning resumes, and the rerun says from where', async () => {
    const first = start();
    await until(batchWritten);
    interrupt(first.child);
    expect(await first.exit).toBe(130);
    const stopped =
      /interrupted: (\d+) of 80000 runs are kept in (.+); run the same command again to resume from there\n$/.exec(
        first.stderr(),
      );
    expect(stopped, first.stderr()).not.toBeNull();
    const kept = Number(stopped![1]);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(80000);
    expect(stopped![2]).toBe(out);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.runsDone).toBe(kept);

    const second = start();
    await until(() => second.stderr().includes('\n') || second.child.exitCode !== null);
    interrupt(second.child);
    expect(await second.exit).toBe(130);
    const firstCell = Math.floor(kept / 20000);
    expect(second.stderr().split('\n')[0]).toBe(
      `resuming ${out}: ${kept} of 80000 runs kept from an earlier session, ${80000 - kept} to go, from cell ${firstCell}`,
    );
    expect(second.stderr()).toMatch(/interrupted: \d+ of 80000 runs are kept/);

    // run to the end: the last line counts the runs this session played, not all 80,000
    const kept2 = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).runsDone;
    const third = start('--no-analysis');
    expect(await third.exit, third.stderr()).toBe(0);
    const lines = third.stderr().trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^80000/80000 runs done; this session played ${80000 - kept2} in \\d+\\.\\d s, \\d+ runs/s$`,
      ),
    );
  });
});
