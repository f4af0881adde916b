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
import { type ExperimentInput, parseExperiment } from '../../src/engine/experiment.ts';
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

/** Runs `experiment` into the scratch folder, analyses it and builds the notebook for it. */
async function notebookFor(input: ExperimentInput, replications: number) {
  const results = join(scratch, input.name);
  await runExperiment(parseExperiment({ ...input, replications }), {
    out: results,
    workers: 1,
    progress: 'quiet',
  });
  await analyseResults(results, { formats: ['svg'] });
  const out = join(scratch, `site-${input.name}`);
  const page = await buildNotebook({ results, out });
  return { results, out, page, html: readFileSync(page, 'utf8') };
}

/** The points of the drawn chart as their accessible descriptions, `field: value` pairs. */
function points(dom: string): Record<string, string>[] {
  return [...dom.matchAll(/<path aria-label="([^"]+)"[^>]+aria-roledescription="point"/g)].map(
    ([, label]) =>
      Object.fromEntries(
        label!.split('; ').map((pair) => {
          const at = pair.lastIndexOf(': ');
          return [pair.slice(0, at), pair.slice(at + 2)];
        }),
      ),
  );
}

const Z = 1.959963984540054;
const RATIFICATION = 'countries.B.ratification';
const FOREIGN = 'countries.A.negotiator.beliefs.sigmaForeign';

/** A second experiment unlike winset-size: one parameter, named alternatives, no hypotheses. */
const vetoPlayers: ExperimentInput = {
  name: 'veto-players',
  scenario: {
    countries: [{ constituents: { count: 21 } }, { reversion: 1, constituents: { count: 21 } }],
    protocol: { name: 'ultimatum', candidates: 41 },
  },
  parameters: [
    {
      path: RATIFICATION,
      alternatives: {
        'one chamber': {},
        'two chambers': {
          chambers: [{ members: { from: 0, to: 11 } }, { members: { from: 10, to: 21 } }],
        },
      },
    },
  ],
  replications: 30,
  seed: 3,
};

describe('notebooks/results.html', async () => {
  // experiments/winset-size.ts with 20 replications per cell: 5 x 3 x 3 cells, 900 games
  const winset = await notebookFor(winsetSize, 20);
  // 2 cells x 30 games
  const veto = await notebookFor(vetoPlayers, 30);

  it('builds a page that loads its scripts and styles from its own folder', () => {
    expect(winset.page).toBe(join(winset.out, 'results.html'));
    expect(winset.html).toMatch(/<script type="module"[^>]* src="\.\/assets\//);
    expect(winset.html).not.toMatch(/<script[^>]+src="(https?:)?\/\//);
    expect(winset.html).not.toMatch(/<link[^>]+href="(https?:)?\/\//);
  });

  it('reads the results folder it was given: its manifest, cells and hypotheses when it has them', () => {
    for (const { out, results } of [winset, veto]) {
      const assets = readdirSync(join(out, 'assets'));
      const copied = (ext: string) => assets.filter((f) => f.endsWith(ext));
      expect(copied('.json').map((f) => readFileSync(join(out, 'assets', f), 'utf8'))).toEqual([
        readFileSync(join(results, 'manifest.json'), 'utf8'),
      ]);
      const csv = copied('.csv').map((f) => readFileSync(join(out, 'assets', f), 'utf8'));
      expect(csv).toContain(readFileSync(join(results, 'cells.csv'), 'utf8'));
      expect(csv).toHaveLength(results === winset.results ? 2 : 1);
    }
  });

  it('refuses a results folder without a finished sweep, and says how to make one', async () => {
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
    expect(cli.stderr).toContain('has no manifest.json or cells.csv');
    expect(cli.stderr).toContain('Run an experiment to the end first');
  });

  it.skipIf(!chromium)(
    "winset-size: the agreement rate by isolationist share, one line per foreign uncertainty (pooled over B's negotiator), and the hypotheses",
    async () => {
      const { result, asked } = await served(winset.out, (origin) => visit(origin, 'results.html'));
      const { dom, requested, origin } = result;
      expect(requested.length).toBeGreaterThan(0);
      expect(requested.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
      // a cell that threw shows its error in place of its output
      expect(dom.match(/class="[^"]*observablehq--error[^"]*">.{0,200}/g) ?? []).toEqual([]);
      expect(dom).toContain('The sweep holds 45 cells and 900 games (grid design, 20 replications');
      // the five hypotheses of experiments/winset-size.ts, each pooled and at 3 levels
      expect(dom.match(/<td[^>]*>(supported|contradicted|inconclusive)<\/td>/g)).toHaveLength(20);
      const drawn = points(dom);
      expect(drawn).toHaveLength(15);
      // 5 isolationist shares x 3 levels of sigma_foreign, each pooled over B's negotiator's 3
      // ideal points: 60 games a point, with the Wilson interval of its count
      expect(drawn.filter((p) => p[FOREIGN] === '0')).toHaveLength(5);
      for (const point of drawn) {
        expect(point.runs).toBe('60');
        const [lo, hi] = wilsonInterval(Number(point.agreement), 60, Z);
        expect(Number(point.lo)).toBeCloseTo(lo!, 3);
        expect(Number(point.hi)).toBeCloseTo(hi!, 3);
      }
      expect(asked.some((path) => path.endsWith('.csv'))).toBe(true);
    },
  );

  it.skipIf(!chromium)(
    'veto-players: the named alternatives in design order, the counts of cells.csv, no hypotheses',
    async () => {
      const { result } = await served(veto.out, (origin) => visit(origin, 'results.html'));
      const { dom } = result;
      expect(dom.match(/class="[^"]*observablehq--error[^"]*">.{0,200}/g) ?? []).toEqual([]);
      expect(dom).toContain(`The sweep holds 2 cells and 60 games (grid design, 30 replications`);
      expect(dom).toContain(`It varies ${RATIFICATION}.`);
      expect(dom).not.toContain('The hypotheses as declared and tested');
      const [header, ...rows] = readFileSync(join(veto.results, 'cells.csv'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(','));
      const agreement = header!.indexOf('agreement');
      const drawn = points(dom);
      expect(drawn.map((p) => p[RATIFICATION])).toEqual(['one chamber', 'two chambers']);
      drawn.forEach((point, i) => {
        const k = Number(rows[i]![agreement]);
        expect(point.agreement).toBe(String(k));
        const [lo, hi] = [
          (k + Z ** 2 / 2) / (30 + Z ** 2),
          (Z * Math.sqrt((k * (30 - k)) / 30 + Z ** 2 / 4)) / (30 + Z ** 2),
        ];
        expect(Number(point.lo)).toBeCloseTo(lo - hi, 3);
        expect(Number(point.hi)).toBeCloseTo(lo + hi, 3);
      });
    },
  );
});
