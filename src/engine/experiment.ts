/**
 * An experiment: a base scenario, the parameters a design varies, replications per cell
 * and a master seed, plus the hypotheses and figures the analysis evaluates. Written as a
 * TypeScript file in `experiments/` (`export default defineExperiment({...})`, typed) or
 * as JSON with the same fields.
 * @module
 */
import { z } from 'zod';
import { shown, UserError } from '../errors.ts';
import { describeIssues } from '../scenario/issues.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import type { Design, VariedParameter } from './designs/index.ts';

const cellValue = z.union([z.number(), z.string(), z.boolean()]);

const Parameter = z.strictObject({
  path: z.string().min(1),
  values: z.array(cellValue).min(1).optional(),
  range: z.tuple([z.number(), z.number()]).optional(),
  integer: z.boolean().optional(),
  scale: z.enum(['linear', 'log']).optional(),
  base: cellValue.optional(),
});

const cellCount = z.int().min(1);
const DesignSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('grid') }),
  z.strictObject({ kind: z.literal('random'), cells: cellCount }),
  z.strictObject({ kind: z.literal('lhs'), cells: cellCount }),
  z.strictObject({ kind: z.literal('sobol'), cells: cellCount, skip: z.int().min(0).optional() }),
  z.strictObject({ kind: z.literal('saltelli'), baseCells: cellCount }),
  z.strictObject({ kind: z.literal('oat') }),
]);

/**
 * A hypothesis (a sign from MODEL.md section 7): `outcome` (an outcome name,
 * `'ratification_failure'` = involuntary defections / tentative agreements, or a metric
 * column such as `gain_A`) moves in `direction` as the parameter `on` grows.
 *
 * - `test`: which test reads the evidence (see `HYPOTHESIS_TESTS` in engine/checkHypotheses.ts
 *   for the designs each fits); default `regression` on a continuous design, else `logistic`
 *   for a rate and `welch` for a mean.
 * - `given`: only the cells with these parameter values (`{ path: value }`).
 * - `by`: also evaluated separately at each level of this parameter (effect modification).
 * - `interactions`: pairs of parameters whose product the `regression` test adds.
 */
const Hypothesis = z.strictObject({
  outcome: z.string().min(1),
  on: z.string().min(1),
  direction: z.enum(['increasing', 'decreasing']),
  test: z.enum(['logistic', 'trend', 'mcnemar', 'welch', 'regression']).optional(),
  given: z.record(z.string(), cellValue).optional(),
  by: z.string().min(1).optional(),
  interactions: z.array(z.tuple([z.string().min(1), z.string().min(1)])).optional(),
  label: z.string().optional(),
});

/** The longest experiment or figure name (it names a folder or files; systems allow 255 bytes). */
export const MAX_NAME_LENGTH = 100;

/**
 * What is wrong with a name that becomes a folder or file name (an experiment's, a
 * figure's), or `undefined` when it is safe: letters, digits, `.`, `_`, `-`, starting with a
 * letter or digit (so no `..`, `/` or NUL can lead outside the results folder), at most
 * {@link MAX_NAME_LENGTH} characters.
 *
 * @param name the name
 * @param names what it names, for the message ("the results folder")
 */
export function nameProblem(name: unknown, names: string): string | undefined {
  if (typeof name !== 'string') return `expected a name (a string), got ${shown(name)}`;
  if (name.length > MAX_NAME_LENGTH) {
    return `expected at most ${MAX_NAME_LENGTH} characters (it names ${names}), got ${name.length}`;
  }
  if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) return undefined;
  return `expected letters, digits, '.', '_' or '-', starting with a letter or digit (it names ${names}), got ${shown(name)}`;
}

/** A zod string checked by {@link nameProblem}. */
const safeName = (names: string) =>
  z.string().superRefine((name, ctx) => {
    const problem = nameProblem(name, names);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A figure the analysis draws from the results. */
const Figure = z.strictObject({
  /** File name of the figure in `figures/` (without the extension). */
  name: safeName('files in figures/'),
  kind: z.enum(['rate', 'heatmap', 'shares', 'gains', 'scatter', 'partial', 'sensitivity']),
  x: z.string().optional(),
  y: z.string().optional(),
  series: z.string().optional(),
  outcomes: z.array(z.string()).optional(),
  title: z.string().optional(),
});

/** The zod schema of an experiment definition. */
export const ExperimentSchema = z.strictObject({
  /** Folder name of the results: letters, digits, `.`, `_`, `-`. */
  name: safeName('the results folder'),
  description: z.string().default(''),
  /** The base scenario, or the path of a scenario JSON file (relative to the experiment file). */
  scenario: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).default({}),
  parameters: z.array(Parameter).default([]),
  design: DesignSchema.default({ kind: 'grid' }),
  replications: z.int().min(1),
  seed: z.union([z.string(), z.number()]).default(1),
  /** Common random numbers: replication r of every cell shares its world draws. */
  crn: z.boolean().default(false),
  hypotheses: z.array(Hypothesis).default([]),
  figures: z
    .array(Figure)
    .default([])
    .superRefine((figures, ctx) => {
      const problem = duplicateFigure(figures);
      if (problem)
        ctx.addIssue({ code: 'custom', path: [problem.index, 'name'], message: problem.message });
    }),
});

/** The first figure whose name an earlier figure already has (they would overwrite each other). */
export function duplicateFigure(
  figures: readonly { name: string }[],
): { index: number; message: string } | undefined {
  const first = new Map<string, number>();
  for (const [index, { name }] of figures.entries()) {
    const earlier = first.get(name);
    if (earlier !== undefined) {
      return {
        index,
        message: `figures[${earlier}] has the name '${name}' too; each figure needs its own name (its files would overwrite each other)`,
      };
    }
    first.set(name, index);
  }
  return undefined;
}

/** A validated experiment, every default filled in. */
export type Experiment = Omit<z.output<typeof ExperimentSchema>, 'scenario' | 'design'> & {
  scenario: ScenarioInput | string;
  parameters: VariedParameter[];
  design: Design;
};

/** An experiment as a researcher writes it (fields with defaults optional). */
export type ExperimentInput = Omit<
  z.input<typeof ExperimentSchema>,
  'scenario' | 'design' | 'parameters'
> & {
  scenario?: ScenarioInput | string;
  parameters?: VariedParameter[];
  design?: Design;
};

/** A hypothesis of an experiment (see {@link ExperimentSchema}). */
export type Hypothesis = z.output<typeof Hypothesis>;
/** A figure of an experiment. */
export type Figure = z.output<typeof Figure>;

/**
 * Declares an experiment with full type checking in the editor:
 * `export default defineExperiment({ name: 'quota', replications: 200, ... })`.
 * It returns the definition as written; {@link parseExperiment} validates it when run.
 */
export function defineExperiment(experiment: ExperimentInput): ExperimentInput {
  return experiment;
}

let jsonSchema: object | undefined;

/**
 * Validates an experiment definition and fills in defaults; every mistake is reported on
 * its own line with its path, e.g. `replications: expected a positive integer, got 0`.
 *
 * @param input the definition (from a TypeScript module's default export or JSON)
 * @param source where it came from, for the message (a file name)
 * @throws UserError listing the mistakes
 */
export function parseExperiment(input: unknown, source = 'experiment'): Experiment {
  const result = ExperimentSchema.safeParse(input, { reportInput: true });
  if (!result.success) {
    jsonSchema ??= z.toJSONSchema(ExperimentSchema, { io: 'input' });
    const problems = describeIssues(result.error, jsonSchema, input);
    throw new UserError(
      `${source}: ${problems.length} problem(s) in the experiment:\n  ${problems.join('\n  ')}`,
    );
  }
  return result.data as Experiment;
}
