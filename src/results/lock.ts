import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.ts';
import { LOCK } from './folder.ts';

/** Who holds a folder's lock. */
interface Holder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

/** Whether a process of this host is alive (signal 0 tests without signalling). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock of a results folder (`lock.json`, created exclusively, holding this
 * process's pid, host, command and start time), so that a second writer is refused
 * instead of doing the work twice and removing the first one's temporary files. A lock
 * whose holder was on this host and is no longer running is stale and taken over; one
 * held by a live process, or by another host (which cannot be checked from here), is
 * refused with its holder.
 *
 * @returns a function that releases the lock (only if this process still holds it)
 * @throws UserError naming the holder and what to do
 */
export function lockFolder(out: string, command: string): () => void {
  const file = join(out, LOCK);
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    command,
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      return () => {
        const holder = readHolder(file);
        if (holder?.pid === me.pid && holder.host === me.host && holder.since === me.since) {
          rmSync(file, { force: true });
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    // A lock with this process's pid from before it started was left by an earlier process
    // that had the same pid; one from since then is this process's own (a second writer).
    const started = Date.now() - process.uptime() * 1000;
    const stale =
      holder === undefined ||
      (holder.host === me.host &&
        (holder.pid === me.pid ? Date.parse(holder.since) < started : !alive(holder.pid)));
    if (!stale) {
      const where =
        holder.host === me.host
          ? `process ${holder.pid} on this host`
          : `process ${holder.pid} on host ${holder.host} (not checkable from ${me.host})`;
      throw new UserError(
        `${out} is locked by another twolevel '${holder.command}' (${where}, since ${holder.since}); two processes writing one results folder would do the work twice. Wait for it to finish, or, if that process is gone, delete ${file}.`,
      );
    }
    rmSync(file, { force: true });
  }
  throw new UserError(`${out}: could not take the lock ${file}; try again.`);
}
