import { execFile, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The package as a researcher gets it: `npm pack`, then `npm install` of the tarball into an
 * empty folder (no clone, no package.json), then `npx twolevel run` of experiment files written
 * in that folder, TypeScript importing from 'twolevel' and JSON.
 */

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'twolevel-package-'));
const app = join(scratch, 'study');
// removing the installed node_modules takes a while on a loaded machine
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 120_000);

const npm = (args: string[], cwd: string) =>
  exec('npm', args, {
    cwd,
    maxBuffer: 1 << 24,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
const twolevel = (args: string[]) =>
  exec('npx', ['--no-install', 'twolevel', ...args], { cwd: app, maxBuffer: 1 << 24 });

beforeAll(async () => {
  // prepack builds dist/ first; its lines come before npm's JSON
  const { stdout } = await npm(['pack', '--json', '--pack-destination', scratch], root);
  const [{ filename }] = JSON.parse(stdout.slice(stdout.search(/^\[/m))) as { filename: string }[];
  mkdirSync(app);
  // --no-save: the folder keeps no package.json, as a folder of experiment files would.
  await npm(
    [
      'install',
      '--no-save',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      join(scratch, filename),
    ],
    app,
  );
}, 300_000);

const quota = 'countries.B.ratification.quota';

describe('the packed package, installed into an empty folder', () => {
  it('ships the compiled command, its sources and the examples, not the tests', () => {
    const installed = join(app, 'node_modules', 'twolevel');
    expect(existsSync(join(installed, 'bin', 'twolevel.js'))).toBe(true);
    // the compiled command (npm run build, at npm pack) and the sources it was built from
    expect(existsSync(join(installed, 'dist', 'cli', 'main.js'))).toBe(true);
    expect(existsSync(join(installed, 'dist', 'engine', 'worker.js'))).toBe(true);
    expect(existsSync(join(installed, 'src', 'cli', 'main.ts'))).toBe(true);
    expect(existsSync(join(installed, 'experiments', 'winset-size.ts'))).toBe(true);
    expect(existsSync(join(installed, 'tests'))).toBe(false);
    expect(existsSync(join(app, 'package.json'))).toBe(false);
    // an experiment's `import ... from 'twolevel'` loads the compiled library, not its sources
    const resolved = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "console.log(import.meta.resolve('twolevel'))"],
      { cwd: app, encoding: 'utf8' },
    );
    expect(resolved.stdout.trim()).toBe(
      pathToFileURL(join(installed, 'dist', 'lib', 'index.js')).href,
    );
  });

  it('runs a TypeScript experiment that imports defineExperiment from twolevel', async () => {
    writeFileSync(
      join(app, 'quota.ts'),
      `import { defineExperiment } from 'twolevel';

export default defineExperiment({
  name: 'quota',
  scenario: './two-countries.json',
  parameters: [{ path: '${quota}', values: [0.5, 0.75] }],
  replications: 40,
  seed: 7,
  hypotheses: [{ outcome: 'agreement', on: '${quota}', direction: 'decreasing', test: 'trend' }],
});
`,
    );
    writeFileSync(
      join(app, 'two-countries.json'),
      JSON.stringify({
        countries: [{ constituents: { count: 21 } }, { constituents: { count: 21 } }],
      }),
    );
    const { stdout } = await twolevel(['run', 'quota.ts', '--workers', '1', '--quiet']);
    expect(stdout.split('\n')[0]).toBe('results/quota');
    expect(stdout).toContain('report:     results/quota/report.html');
    const manifest = JSON.parse(
      readFileSync(join(app, 'results', 'quota', 'manifest.json'), 'utf8'),
    );
    expect(manifest.status).toBe('complete');
    expect(manifest.runsDone).toBe(80);
    expect(readFileSync(join(app, 'results', 'quota', 'hypotheses.csv'), 'utf8')).toContain(
      'trend',
    );
  }, 120_000);

  it('runs a JSON experiment and refuses a bad one with the path and no stack trace', async () => {
    writeFileSync(
      join(app, 'quota.json'),
      JSON.stringify({
        name: 'quota-json',
        parameters: [{ path: quota, values: [0.5, 0.75] }],
        replications: 10,
      }),
    );
    const { stdout } = await twolevel([
      'run',
      'quota.json',
      '--workers',
      '1',
      '--quiet',
      '--no-analysis',
    ]);
    expect(stdout.trim()).toBe('results/quota-json');
    expect(readdirSync(join(app, 'results', 'quota-json'))).toContain('cells.csv');

    writeFileSync(join(app, 'bad.json'), JSON.stringify({ name: 'bad', replications: 0 }));
    const refused = await twolevel(['run', 'bad.json']).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect((refused as { code: number }).code).toBe(2);
    expect((refused as { stderr: string }).stderr).toBe(
      'bad.json: 1 problem(s) in the experiment:\n  replications: expected a positive integer, got 0\n',
    );
  }, 120_000);
});
