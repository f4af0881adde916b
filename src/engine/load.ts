import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import { importDefault } from '../importModule.ts';
import { type Experiment, parseExperiment } from './experiment.ts';

/** An experiment read from its file, with the folder its relative paths start from. */
export interface LoadedExperiment {
  experiment: Experiment;
  /** The experiment file's folder: a scenario file or protocol module is found from here. */
  baseDir: string;
  file: string;
}

/** The file types an experiment may be written in. */
const MODULE_TYPES = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/**
 * Reads an experiment file: TypeScript or JavaScript (its default export, usually
 * `defineExperiment({...})`; loaded with tsx in any package) or JSON.
 *
 * @throws UserError when the file is missing or of another type, is not valid JSON, fails
 * to load (a syntax error, a throw), has no default export, or holds an invalid experiment
 * (each mistake named by its path)
 */
export async function loadExperiment(file: string): Promise<LoadedExperiment> {
  const path = resolve(file);
  const type = extname(path);
  if (!existsSync(path)) {
    throw new UserError(`${file}: no such experiment file (expected a .ts, .js or .json file)`);
  }
  if (type !== '.json' && !MODULE_TYPES.includes(type)) {
    throw new UserError(
      `${file}: an experiment is a .ts, .js or .json file, got a '${type || 'no'}' file`,
    );
  }
  let input: unknown;
  if (type === '.json') {
    try {
      input = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new UserError(`${file}: not valid JSON (${(error as Error).message})`);
    }
  } else {
    input = await importDefault(path, 'experiment', file);
    if (input === undefined) {
      throw new UserError(
        `${file}: no default export; expected 'export default defineExperiment({...})'`,
      );
    }
  }
  return { experiment: parseExperiment(input, file), baseDir: dirname(path), file };
}
