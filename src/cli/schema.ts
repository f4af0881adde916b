import { experimentJsonSchema } from '../engine/experiment.ts';
import { UserError } from '../errors.ts';
import { describeDefaults } from '../scenario/documentSchema.ts';
import { scenarioJsonSchema } from '../scenario/parse.ts';
import { type Command, parseFlags } from './command.ts';

/** `twolevel schema`: prints the scenario or experiment JSON Schema, for editors' completion and checking. */
export const command: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of a scenario or experiment file (for editors)',
  help: `Usage: twolevel schema [--experiment]

Prints the JSON Schema (draft 2020-12) of a scenario file, or with --experiment of an
experiment file, every field with its description (meaning, MODEL.md symbol, default).
Point your editor at it:
  twolevel schema > scenario.schema.json
  twolevel schema --experiment > experiment.schema.json
and add "$schema": "./scenario.schema.json" to a scenario (or map *.scenario.json to it);
twolevel accepts "$schema" and "$comment" at the top of both kinds of file and ignores them.`,
  run(argv) {
    const { values, positionals } = parseFlags('schema', argv, {
      experiment: { type: 'boolean', default: false },
    });
    if (positionals.length > 0) {
      throw new UserError(
        `twolevel schema: expected no file, got ${positionals.join(' ')}. Run 'twolevel schema --help'.`,
      );
    }
    const schema = values.experiment ? experimentJsonSchema() : scenarioJsonSchema();
    console.log(JSON.stringify(describeDefaults(schema), null, 2));
  },
};
