import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { UserError } from '../errors.ts';
import { describeIssues } from './issues.ts';
import { Scenario, type ScenarioInput } from './schema.ts';

/** A scenario that failed validation; its message lists every mistake, one per line. */
export class ScenarioError extends UserError {
  override name = 'ScenarioError';
  constructor(
    readonly problems: string[],
    source: string,
  ) {
    super(`${source}: ${problems.length} problem(s) in the scenario:\n  ${problems.join('\n  ')}`);
  }
}

let jsonSchema: object | undefined;

/** The JSON Schema of a scenario as a user writes it (for editors; `twolevel schema`). */
export function scenarioJsonSchema() {
  jsonSchema ??= z.toJSONSchema(Scenario, { io: 'input' });
  return jsonSchema;
}

/**
 * Validates a scenario and fills in every default, country names (A, B, C, ...) and
 * constituent counts `M_i`. Throws a {@link ScenarioError} naming each wrong field by its path,
 * e.g. `countries[1].constituents.count: expected a positive integer, got -3`.
 * `prefix` is put before every path (e.g. `scenario.` inside an experiment file).
 */
export function parseScenario(input: unknown, source = 'scenario', prefix = ''): Scenario {
  const result = Scenario.safeParse(input === undefined ? {} : input, { reportInput: true });
  if (!result.success) {
    throw new ScenarioError(
      describeIssues(result.error, scenarioJsonSchema(), input, prefix),
      source,
    );
  }
  return result.data;
}

/** Reads a scenario from a JSON file; bad JSON and bad fields are reported with the file name. */
export function loadScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`${file}: cannot read the scenario file (${(error as Error).message})`);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseScenario(input, file);
}

export type { ScenarioInput };
