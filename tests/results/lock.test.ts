import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK } from '../../src/results/folder.ts';
import { lockFolder } from '../../src/results/lock.ts';

describe('lockFolder', () => {
  it('refuses a second writer, naming the holder, and releases', () => {
    const folder = mkdtempSync(join(tmpdir(), 'twolevel-lock-'));
    const release = lockFolder(folder, 'run');
    const holder = JSON.parse(readFileSync(join(folder, LOCK), 'utf8'));
    expect(holder).toMatchObject({ pid: process.pid, host: hostname(), command: 'run' });
    expect(() => lockFolder(folder, 'merge')).toThrow(
      new RegExp(
        `is locked by another twolevel 'run' \\(process ${process.pid} on this host, since .*\\); two processes writing one results folder would do the work twice\\. Wait for it to finish, or, if that process is gone, delete .*lock\\.json\\.`,
      ),
    );
    release();
    expect(existsSync(join(folder, LOCK))).toBe(false);
    lockFolder(folder, 'run')();
  });

  it('takes over a stale lock, whose holder on this host has exited', () => {
    const folder = mkdtempSync(join(tmpdir(), 'twolevel-lock-'));
    // a pid that was running a moment ago and is not now
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const pid = Number(gone.stdout.toString());
    const since = new Date().toISOString();
    writeFileSync(
      join(folder, LOCK),
      JSON.stringify({ pid, host: hostname(), command: 'run', since }),
    );
    const release = lockFolder(folder, 'run');
    expect(JSON.parse(readFileSync(join(folder, LOCK), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('refuses a lock held on another host, which cannot be checked from here', () => {
    const folder = mkdtempSync(join(tmpdir(), 'twolevel-lock-'));
    const holder = { pid: 1, host: 'node-17', command: 'run', since: '2026-01-01T00:00:00Z' };
    writeFileSync(join(folder, LOCK), JSON.stringify(holder));
    expect(() => lockFolder(folder, 'run')).toThrow(
      /process 1 on host node-17 \(not checkable from .*\), since 2026-01-01T00:00:00Z/,
    );
  });
});
