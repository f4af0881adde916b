/** How a sweep reports progress: a live bar on a terminal, plain lines otherwise, or nothing. */
export type ProgressMode = 'bar' | 'lines' | 'quiet';

/** Receives the count of runs done as batches finish. */
export interface Progress {
  update(done: number): void;
  finish(done: number): void;
}

function duration(seconds: number) {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m${rest}s`;
}

/**
 * A progress reporter for `total` runs (those done before a resumed session included).
 * The rate counts the runs since the first report over the time since then (so the pool's
 * start-up does not drag it down); the ETA is the remaining runs over that rate. `bar` redraws one line at most 10 times a second; `lines` prints a line
 * every `every` seconds (none at the end: the caller prints its summary); `quiet` prints
 * nothing. Plain lines also say `no progress for N s` when no batch has finished for `every`
 * seconds (a slow batch or a stuck game; the watchdog bounds it), since a log shows nothing
 * else meanwhile.
 *
 * @param mode how to report
 * @param total runs in the sweep (this shard)
 * @param stream where to write (standard error by default)
 * @param every seconds between plain lines
 */
export function createProgress(
  mode: ProgressMode,
  total: number,
  stream: NodeJS.WritableStream = process.stderr,
  every = 10,
): Progress {
  const start = performance.now();
  let last = mode === 'lines' ? start : 0;
  let lastDone = 0;
  let lastChange = start;
  const stall =
    mode === 'lines' && every > 0
      ? setInterval(() => {
          const idle = (performance.now() - lastChange) / 1000;
          if (idle < every) return;
          last = performance.now();
          stream.write(
            `no progress for ${Math.round(idle)} s: ${lastDone}/${total} runs (a batch is still playing)\n`,
          );
        }, every * 1000)
      : undefined;
  stall?.unref();
  let first: { time: number; done: number } | undefined;
  const describe = (done: number) => {
    const now = performance.now();
    first ??= { time: now, done };
    const seconds = (now - first.time) / 1000;
    const rate = seconds > 0 ? (done - first.done) / seconds : 0;
    const eta = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
    const percent = total > 0 ? (100 * done) / total : 100;
    return { rate, eta, percent };
  };
  const line = (done: number) => {
    const { rate, eta, percent } = describe(done);
    const speed = rate > 0 ? rate.toFixed(0) : '?';
    return `${done}/${total} runs (${percent.toFixed(1)}%), ${speed} runs/s, ETA ${duration(eta)}`;
  };
  const draw = (done: number) => {
    const { percent } = describe(done);
    const width = 30;
    const filled = Math.round((width * percent) / 100);
    stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${line(done)}\x1b[K`);
  };
  return {
    update(done) {
      const now = performance.now();
      if (done !== lastDone) lastChange = now;
      lastDone = done;
      first ??= { time: now, done };
      if (mode === 'bar' && now - last >= 100) {
        last = now;
        draw(done);
      } else if (mode === 'lines' && now - last >= every * 1000) {
        last = now;
        stream.write(`${line(done)}\n`);
      }
    },
    // Plain lines end with the caller's own summary ("N runs done in S s"), so only the bar
    // is finished here.
    finish(done) {
      clearInterval(stall);
      if (mode === 'bar') {
        draw(done);
        stream.write('\n');
      }
    },
  };
}

/**
 * The line a rerun prints before it continues an unfinished sweep: how many runs an earlier
 * session left, how many remain, and the first cell it plays.
 *
 * @example
 * resumeMessage('results/q', 1200, 8000, 3);
 * // 'resuming results/q: 1200 of 8000 runs kept from an earlier session, 6800 to go, from cell 3'
 */
export function resumeMessage(out: string, kept: number, total: number, fromCell: number): string {
  return `resuming ${out}: ${kept} of ${total} runs kept from an earlier session, ${total - kept} to go, from cell ${fromCell}`;
}

/**
 * The message of a sweep stopped by Ctrl-C (SIGINT) once the batches under way finished:
 * how many runs are kept, and that running the same command again resumes.
 *
 * @example
 * interruptMessage('results/q', 1400, 8000);
 * // 'interrupted: 1400 of 8000 runs are kept in results/q; run the same command again to resume from there'
 */
export function interruptMessage(out: string, kept: number, total: number): string {
  return `interrupted: ${kept} of ${total} runs are kept in ${out}; run the same command again to resume from there`;
}
