import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * Importing loads only what is used (issue 8): the library, the command and the sweep's worker
 * import a heavy package (arquero's 166 modules, hyparquet's 79, PDFKit with fontkit, vega,
 * resvg, DuckDB) only when a function that needs it is called. Each case starts Node on the
 * sources (through tsx, as `twolevel` runs without dist/) with a loader hook that prints every
 * module it loads, and compares the npm packages among them with the list that must be there.
 * This is a test of module lists, not of timings (those are in `npm run bench`).
 */

const root = fileURLToPath(new URL('../', import.meta.url));
const exec = promisify(execFile);
const hooks = mkdtempSync(join(tmpdir(), 'twolevel-imports-'));
afterAll(() => rmSync(hooks, { recursive: true, force: true }));
writeFileSync(
  join(hooks, 'print-loads.mjs'),
  'export async function load(url, context, next) { process.stderr.write("LOAD " + url + "\\n"); return next(url, context); }\n',
);
writeFileSync(
  join(hooks, 'register.mjs'),
  `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(hooks, 'print-loads.mjs')).href)});\n`,
);

/** The loader itself (tsx and the esbuild it compiles with), not the code under test. */
const LOADER = new Set(['tsx', 'esbuild']);

/** The npm packages a Node process started with `args` (under tsx, in the checkout) loads. */
async function packagesLoaded(args: string[]): Promise<string[]> {
  const { stderr } = await exec(
    process.execPath,
    ['--import', join(hooks, 'register.mjs'), '--import', 'tsx', ...args],
    { cwd: root, maxBuffer: 1 << 24 },
  );
  const packages = new Set<string>();
  for (const line of stderr.split('\n')) {
    const match = /^LOAD .*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line);
    if (match && !LOADER.has(match[1]!)) packages.add(match[1]!);
  }
  return [...packages].sort();
}

describe('importing loads only what is used', () => {
  it('the library (src/index.ts) loads zod, not arquero, Parquet, PDF, vega, resvg or DuckDB', async () => {
    const index = pathToFileURL(join(root, 'src', 'index.ts')).href;
    expect(
      await packagesLoaded(['--input-type=module', '-e', `await import(${JSON.stringify(index)})`]),
    ).toEqual([
      // @uwdata/flechette: the Arrow codec (one module)
      '@uwdata/flechette',
      'seedrandom',
      'simple-statistics',
      // parseScenario
      'zod',
    ]);
  });

  it("the command's help loads only zod (the commands that read a scenario)", async () => {
    expect(await packagesLoaded(['src/cli/main.ts', '--help'])).toEqual([
      'seedrandom',
      'simple-statistics',
      'zod',
    ]);
    expect(await packagesLoaded(['src/cli/main.ts', 'winset', '--help'])).toEqual(['zod']);
    expect(await packagesLoaded(['src/cli/main.ts', 'run', '--help'])).toEqual([]);
  });

  it("the sweep's worker loads zod only", async () => {
    expect(await packagesLoaded(['src/engine/worker.ts'])).toEqual(['zod']);
  });
});
