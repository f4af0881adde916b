import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JOURNAL } from '../../src/results/folder.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `twolevel run` on a file with the given arguments; resolves with its exit code. */
function twolevelRun(file: string, out: string, args: string[]) {
  const child = spawn(process.execPath, ['bin/twolevel.js', 'run', file, '--out', out, ...args], {
    cwd: root,
    stdio: 'ignore',
  });
  return { child, exit: new Promise<number | null>((r) => child.on('exit', r)) };
}

/**
 * Starts `twolevel run <file> --out <out>` on one worker, kills it with SIGKILL once the resume
 * journal holds `afterBatches` batches, and reports how many it held; `resume` then runs the
 * sweep again into the same folder on two workers and resolves with the exit code.
 */
export async function killMidway(file: string, out: string, afterBatches: number) {
  const journal = join(out, JOURNAL);
  const lines = () =>
    existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').length - 1 : 0;
  const { child, exit } = twolevelRun(file, out, ['--workers', '1', '--quiet']);
  while (lines() < afterBatches) await new Promise((r) => setTimeout(r, 10));
  child.kill('SIGKILL');
  await exit;
  return {
    batches: lines(),
    resume: () => twolevelRun(file, out, ['--workers', '2', '--quiet', '--no-analysis']).exit,
  };
}
