import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import { importModule } from '../importModule.ts';
import { type Experiment, parseExperiment } from './experiment.ts';

/** An experiment read from its file, with the folder its relative paths start from. */
export interface LoadedExperiment {
  experiment: Experiment;
  /** The experiment file's folder: a scenario file or protocol module is found from here. */
  baseDir: string;
  file: string;
}

/**
 * Reads an experiment file: TypeScript or JavaScript (its default export, usually
 * `defineExperiment({...})`; TypeScript through tsx, see `importModule`) or JSON.
 *
 * @throws UserError when the file is missing, is not valid JSON, has no default export, or
 * holds an invalid experiment (each mistake named by its path)
 */
export async function loadExperiment(file: string): Promise<LoadedExperiment> {
  const path = resolve(file);
  if (!existsSync(path)) {
    throw new UserError(`${file}: no such experiment file (expected a .ts, .js or .json file)`);
  }
  let input: unknown;
  if (extname(path) === '.json') {
    try {
      input = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new UserError(`${file}: not valid JSON (${(error as Error).message})`);
    }
  } else {
    const module = (await importModule(path)) as { default?: unknown };
    if (module.default === undefined) {
      throw new UserError(
        `${file}: no default export; expected 'export default defineExperiment({...})'`,
      );
    }
    input = module.default;
  }
  return { experiment: parseExperiment(input, file), baseDir: dirname(path), file };
}
