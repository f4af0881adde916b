/**
 * `npm run notebook [-- --results <folder>] [--out <folder>]`: builds notebooks/results.html
 * into a static page (default notebooks/dist/results.html) for a results folder of any experiment (default
 * results/winset-size, from `npm start`).
 */
import { dirname, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../src/errors.ts';
import { buildNotebook } from './buildNotebook.ts';

try {
  const { values } = parseArgs({
    options: { results: { type: 'string' }, out: { type: 'string' } },
  });
  const page = await buildNotebook(values);
  console.log(
    `notebook: ${relative(process.cwd(), page)}\nView it over HTTP (browsers refuse module scripts from file://): serve ${relative(process.cwd(), dirname(page))}/ with any static server, or run \`npx notebooks preview --root notebooks\` for a live preview.`,
  );
} catch (error) {
  if (
    !(error instanceof UserError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
  ) {
    throw error;
  }
  console.error(
    error instanceof UserError
      ? error.message
      : `notebook: ${(error as Error).message}. Valid options: --results <folder>, --out <folder>.`,
  );
  process.exitCode = 2;
}
