import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { config, observable } from '@observablehq/notebook-kit/vite';
import { build } from 'vite';
import { UserError } from '../src/errors.ts';

const notebooks = dirname(fileURLToPath(import.meta.url));

/** Where the notebook's cells read a sweep, relative to the notebook file (npm start's). */
const RESULTS = '../results/winset-size/';

/** The files of a results folder the notebook needs. */
const READS = ['manifest.json', 'cells.csv'];

/** Read when present: an experiment without hypotheses has none, and its cells are left out. */
const HYPOTHESES = 'hypotheses.csv';

/** Where the notebook reads from and where the built page goes. */
export interface NotebookOptions {
  /** A finished, analysed results folder of any experiment; default results/winset-size. */
  results?: string;
  /** Output folder; default notebooks/dist (emptied first). Another folder is not emptied. */
  out?: string;
}

/**
 * Builds notebooks/results.html with Observable Notebook Kit (its Vite plugin) into a static
 * page for one results folder: the page, its scripts (arquero, vega-embed and the project's
 * rate and mean intervals and cell column names, bundled from node_modules and src/, nothing
 * from a CDN) and the files it reads (`manifest.json`, `cells.csv`, `hypotheses.csv` when
 * the experiment has hypotheses), copied as assets. The notebook finds the parameters,
 * their levels, the countries and so the outcomes and means in the manifest, so it reads a
 * folder of any experiment. Its cells name `../results/winset-size/`; the folder given
 * replaces that prefix before the build, and without `hypotheses.csv` the cells showing the
 * hypotheses are left out. Serve the output folder over HTTP to view it (browsers refuse
 * module scripts and fetches from file:// pages).
 *
 * @returns the path of the built page
 * @throws UserError when the results folder lacks the manifest or the cell sums
 */
export async function buildNotebook(options: NotebookOptions = {}): Promise<string> {
  const results = resolve(options.results ?? join(notebooks, RESULTS));
  const missing = READS.filter((file) => !existsSync(join(results, file)));
  if (missing.length > 0) {
    throw new UserError(
      `notebook: the results folder ${results} has no ${missing.join(' or ')}. Run an experiment to the end first (\`npm start\` writes results/winset-size/; \`npx twolevel run <experiment>\` any other), then pass its folder with --results <folder>.`,
    );
  }
  const hypotheses = existsSync(join(results, HYPOTHESES));
  const prefix = `${relative(notebooks, results).split(sep).join('/')}/`;
  const out = resolve(options.out ?? join(notebooks, 'dist'));
  await build({
    ...config(),
    configFile: false,
    logLevel: 'warn',
    root: notebooks,
    plugins: [
      observable({
        transformNotebook: (notebook) => {
          const cells = notebook.cells
            .filter((cell) => hypotheses || !cell.value.includes(HYPOTHESES))
            .map((cell) => ({ ...cell, value: cell.value.replaceAll(RESULTS, prefix) }));
          // The toolkit pages' render signal, once the chart (and the hypotheses' table) is shown.
          const signal = {
            ...cells[0]!,
            id: Math.max(...cells.map((c) => c.id)) + 1,
            value: `if (chart${hypotheses ? ' && table' : ''}) document.body.dataset.rendered = 'true';`,
          };
          return { ...notebook, cells: [...cells, signal] };
        },
      }),
    ],
    build: {
      outDir: out,
      emptyOutDir: options.out === undefined,
      chunkSizeWarningLimit: 4096,
      // every file the notebook reads is an asset of its own, however small (none inlined)
      assetsInlineLimit: 0,
      rollupOptions: { input: join(notebooks, 'results.html') },
    },
  });
  return join(out, 'results.html');
}
