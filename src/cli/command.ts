import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UserError } from '../errors.ts';

/**
 * A `twolevel` sub-command: parses its own flags, calls the library, prints. A command's file
 * imports at its top only what its help and flag checks need, and the modules that do the
 * work (and their packages: arquero, vega, DuckDB, piscina...) with `await import()` in
 * `run`, so that `twolevel --help` and each command load no more than they use.
 */
export interface Command {
  name: string;
  /** One line for `twolevel --help`. */
  summary: string;
  /** The full `--help` text: usage line, flags, an example. */
  help: string;
  run(argv: string[]): Promise<void> | void;
}

/**
 * Parses a command's flags with `node:util.parseArgs`, turning its errors into a
 * {@link UserError} that names the command and points to `--help`.
 */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  argv: string[],
  options: T,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserError(
      `twolevel ${command}: ${(error as Error).message}\nRun 'twolevel ${command} --help' for the valid flags.`,
    );
  }
}

/** Parses a flag that must be an integer at least `min`, naming the flag when it is not. */
export function integerFlag(flag: string, value: string | undefined, fallback: number, min = 0) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new UserError(`--${flag}: expected an integer >= ${min}, got '${value}'`);
  }
  return n;
}
