import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, interruptMessage, resumeMessage } from '../../src/engine/progress.ts';

function sink() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, chunks };
}

describe('progress', () => {
  it('prints nothing when quiet', () => {
    const { stream, chunks } = sink();
    const p = createProgress('quiet', 100, stream);
    p.update(50);
    p.finish(100);
    expect(chunks).toEqual([]);
  });

  it('prints plain lines with runs done and percent', () => {
    const { stream, chunks } = sink();
    const p = createProgress('lines', 200, stream, 0);
    p.update(50);
    p.update(100);
    p.finish(200);
    expect(chunks).toHaveLength(2);
    // the first report has no rate yet
    expect(chunks[0]).toBe('50/200 runs (25.0%), ? runs/s, ETA ?\n');
    expect(chunks[1]).toMatch(/^100\/200 runs \(50\.0%\), \d+ runs\/s, ETA \dm\d\ds\n$/);
  });

  it('redraws one line on a terminal', () => {
    const { stream, chunks } = sink();
    const p = createProgress('bar', 4, stream);
    p.update(1);
    p.finish(4);
    expect(chunks[0]).toMatch(/^\r\[#{8}-{22}\] 1\/4 runs \(25\.0%\)/);
    expect(chunks.at(-1)).toBe('\n');
  });
});

describe('resume and interrupt messages', () => {
  it('a rerun says how many runs it keeps, how many remain and the first cell it plays', () => {
    expect(resumeMessage('results/q', 1200, 8000, 3)).toBe(
      'resuming results/q: 1200 of 8000 runs kept from an earlier session, 6800 to go, from cell 3',
    );
  });

  it('Ctrl-C says how many runs are kept and that rerunning resumes', () => {
    expect(interruptMessage('results/q', 1400, 8000)).toBe(
      'interrupted: 1400 of 8000 runs are kept in results/q; run the same command again to resume from there',
    );
  });
});
