import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import winsetSize from '../../experiments/winset-size.ts';
import { buildNotebook } from '../../notebooks/buildNotebook.ts';
import { wilsonInterval } from '../../src/analysis/wilsonInterval.ts';
import { parseExperiment } from '../../src/engine/experiment.ts';
import { runExperiment } from '../../src/engine/run.ts';
import { UserError } from '../../src/errors.ts';
import { analyseResults } from '../../src/report/analyseResults.ts';
import { chromium, renderedPage } from '../report/chromium.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'twolevel-notebook-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The MIME types the built page needs (browsers refuse module scripts served as anything else). */
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
};

/** Serves `dir` on 127.0.0.1 while `visit` runs; returns what `visit` returns and the paths asked for. */
async function served<T>(dir: string, visit: (origin: string) => Promise<T>) {
  const asked: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    asked.push(path);
    try {
      const body = readFileSync(join(dir, path));
      response.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  try {
    return { result: await visit(`http://127.0.0.1:${port}`), asked };
  } finally {
    server.close();
  }
}

/**
 * Loads `url` in headless Chromium and returns the DOM after the scripts ran, and every URL
 * the page itself asked for (the requests of the net log whose initiator is the page's
 * origin; the browser's own background requests have none).
 */
async function visit(origin: string, page: string) {
  const netLog = join(mkdtempSync(join(scratch, 'net-log-')), 'net-log.json');
  const stdout = await renderedPage(`${origin}/${page}`, [`--log-net-log=${netLog}`]);
  const log = JSON.parse(readFileSync(netLog, 'utf8')) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; params?: { url?: string; initiator?: string } }[];
  };
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const requested = log.events
    .filter((e) => e.type === startJob && e.params?.initiator === origin)
    .map((e) => e.params!.url!);
  return { dom: stdout, requested, origin };
}

describe('notebooks/winset-size.html', async () => {
  // experiments/winset-size.ts with 20 replications per cell: 5 x 3 x 3 cells, 900 games
  const results = join(scratch, 'winset-size');
  await runExperiment(parseExperiment({ ...winsetSize, replications: 20 }), {
    out: results,
    workers: 1,
    progress: 'quiet',
  });
  await analyseResults(results, { formats: ['svg'] });
  const out = join(scratch, 'site');
  const page = await buildNotebook({ results, out });
  const html = readFileSync(page, 'utf8');

  it('builds a page that loads its scripts and styles from its own folder', () => {
    expect(page).toBe(join(out, 'winset-size.html'));
    expect(html).toMatch(/<script type="module"[^>]* src="\.\/assets\//);
    expect(html).not.toMatch(/<script[^>]+src="(https?:)?\/\//);
    expect(html).not.toMatch(/<link[^>]+href="(https?:)?\/\//);
  });

  it('reads the results folder it was given, not results/winset-size', () => {
    const arrows = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.arrow'));
    expect(arrows).toHaveLength(1);
    expect(readFileSync(join(out, 'assets', arrows[0]!))).toEqual(
      readFileSync(join(results, 'cells.arrow')),
    );
  });

  it('refuses a results folder without the sweep, and says to run npm start', async () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    await expect(buildNotebook({ results: empty, out: join(scratch, 'none') })).rejects.toThrow(
      UserError,
    );
    const cli = spawnSync('npx', ['tsx', 'notebooks/build.ts', '--results', empty], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain('has no cells.arrow or hypotheses.csv');
    expect(cli.stderr).toContain('Run `npm start` first');
  });

  it.skipIf(!chromium)(
    'renders the chart and the hypotheses in headless Chromium, loading nothing from elsewhere',
    async () => {
      const { result, asked } = await served(out, (origin) => visit(origin, 'winset-size.html'));
      const { dom, requested, origin } = result;
      expect(requested.length).toBeGreaterThan(0);
      expect(requested.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
      // a cell that threw shows its error in place of its output
      expect(dom.match(/class="[^"]*observablehq--error[^"]*">.{0,200}/g) ?? []).toEqual([]);
      expect(dom).toMatch(/<svg[^>]+class="marks"/);
      // 45 cells x 20 replications, pooled over sigma_foreign into 5 x 3 groups of 60 games
      expect(dom).toContain('The sweep holds 45 cells and 900 games, shown here in 15 groups');
      // the five hypotheses of experiments/winset-size.ts, each pooled and at 3 levels
      expect(dom.match(/<td[^>]*>(supported|contradicted|inconclusive)<\/td>/g)).toHaveLength(20);
      // every group's point carries the Wilson interval of its count out of 60 games
      const groups = [
        ...dom.matchAll(
          /ideal: (0\.\d); mean [^;]*; agreement: (\d+); runs: (\d+); lo: ([\d.]+); hi: ([\d.]+)"/g,
        ),
      ];
      expect(groups).toHaveLength(15);
      expect(new Set(groups.map((g) => g[1]))).toEqual(new Set(['0.6', '0.7', '0.8']));
      for (const [, , x, n, lo, hi] of groups) {
        expect(Number(n)).toBe(60);
        const [wLo, wHi] = wilsonInterval(Number(x), 60);
        expect(Number(lo)).toBeCloseTo(wLo!, 3);
        expect(Number(hi)).toBeCloseTo(wHi!, 3);
      }
      expect(asked.some((path) => path.endsWith('.arrow'))).toBe(true);
    },
  );
});
