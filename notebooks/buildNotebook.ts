import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { config, observable } from '@observablehq/notebook-kit/vite';
import { build } from 'vite';
import { UserError } from '../src/errors.ts';

const notebooks = dirname(fileURLToPath(import.meta.url));

/** Where the notebook's cells read the sweep, relative to the notebook file. */
const RESULTS = '../results/winset-size/';

/** The files of a results folder the notebook reads. */
const READS = ['cells.arrow', 'hypotheses.csv'];

/** Where the notebook reads from and where the built page goes. */
export interface NotebookOptions {
  /** A finished, analysed results folder of experiments/winset-size.ts; default results/winset-size. */
  results?: string;
  /** Output folder; default notebooks/dist (emptied first). Another folder is not emptied. */
  out?: string;
}

/**
 * Builds notebooks/winset-size.html with Observable Notebook Kit (its Vite plugin) into a
 * static page: the page, its scripts (arquero, vega-embed and the project's wilsonInterval,
 * bundled from node_modules, nothing from a CDN) and the results files it reads, copied as
 * assets. The cells read `../results/winset-size/`; a `results` folder elsewhere replaces
 * that prefix in the cells before the build. Serve the output folder over HTTP to view it
 * (browsers refuse module scripts and fetches from file:// pages).
 *
 * @returns the path of the built page
 * @throws UserError when the results folder lacks a file the notebook reads
 */
export async function buildNotebook(options: NotebookOptions = {}): Promise<string> {
  const results = resolve(options.results ?? join(notebooks, RESULTS));
  const missing = READS.filter((file) => !existsSync(join(results, file)));
  if (missing.length > 0) {
    throw new UserError(
      `notebook: the results folder ${results} has no ${missing.join(' or ')}. Run \`npm start\` first: it runs experiments/winset-size.ts and analyses it into results/winset-size/ (or pass --results <folder> of such a run).`,
    );
  }
  const prefix = `${relative(notebooks, results).split(sep).join('/')}/`;
  const out = resolve(options.out ?? join(notebooks, 'dist'));
  await build({
    ...config(),
    configFile: false,
    logLevel: 'warn',
    root: notebooks,
    plugins: [
      observable({
        transformNotebook: (notebook) => ({
          ...notebook,
          cells: notebook.cells.map((cell) => ({
            ...cell,
            value: cell.value.replaceAll(RESULTS, prefix),
          })),
        }),
      }),
    ],
    build: {
      outDir: out,
      emptyOutDir: options.out === undefined,
      chunkSizeWarningLimit: 4096,
      rollupOptions: { input: join(notebooks, 'winset-size.html') },
    },
  });
  return join(out, 'winset-size.html');
}
