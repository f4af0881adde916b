import { scenarioJsonSchema } from '../scenario/parse.ts';
import type { Command } from './command.ts';

/** `twolevel schema`: prints the scenario JSON Schema, for editors' completion and checking. */
export const command: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of a scenario file (for editors)',
  help: `Usage: twolevel schema

Prints the JSON Schema (draft 2020-12) of a scenario file. Point your editor at it:
  twolevel schema > scenario.schema.json
and add "$schema": "./scenario.schema.json" to a scenario, or map *.scenario.json to it.`,
  run() {
    console.log(JSON.stringify(scenarioJsonSchema(), null, 2));
  },
};
