import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/twolevel.js', import.meta.url));

describe('twolevel (the command dispatcher)', () => {
  it('lists every command with --help', () => {
    const out = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    for (const name of [
      'simulate',
      'winset',
      'run',
      'merge',
      'slurm',
      'status',
      'summarize',
      'plot',
      'report',
      'schema',
    ]) {
      expect(out.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
  });

  it('names the valid commands for an unknown one, without a stack trace, exit 2', () => {
    const out = spawnSync(process.execPath, [bin, 'simulat'], { encoding: 'utf8' });
    expect(out.status).toBe(2);
    expect(out.stderr.trim()).toBe(
      "twolevel: unknown command 'simulat'. Valid commands: simulate, winset, run, merge, slurm, status, analyse, summarize, plot, report, query, replay, sensitivity, discover, schema, validate.",
    );
  });

  it('stops quietly when its reader has closed (twolevel schema | head)', async () => {
    const child = spawn(process.execPath, [bin, 'schema'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout.destroy(); // the reader is gone before the first line is written
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});
