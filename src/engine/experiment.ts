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
import { scenarioJsonSchema } from '../scenario/parse.ts';
import { fileAnnotations, type ScenarioInput } from '../scenario/schema.ts';
import type { Design, VariedParameter } from './designs/index.ts';

const cellValue = z.union([z.number(), z.string(), z.boolean()]);

/**
 * A varied parameter. With `alternatives` the parameter replaces a whole sub-object of the
 * scenario (its path ends at an object, e.g. `countries.B.ratification`) by one of several
 * named objects; its levels are their names (`values` defaults to all of them, in order).
 */
const Parameter = z
  .strictObject({
    path: z
      .string()
      .min(1)
      .describe(
        'where the parameter sits in the scenario: a dotted path, a country by name or position (countries.B.ratification.quota, countries[1].tau); with alternatives, the object they replace (countries.B.ratification)',
      ),
    values: z
      .array(cellValue)
      .min(1)
      .optional()
      .describe(
        'the levels (numbers, strings or booleans): grid and oat take each in turn; random, lhs and sobol choose among them when there is no range; with alternatives, some of their names (default all, in order)',
      ),
    alternatives: z
      .record(z.string().min(1), z.record(z.string(), z.unknown()))
      .optional()
      .describe(
        'named alternatives for the whole object at path, e.g. { "one chamber": {...}, "two chambers": {...} }: each replaces it in the cells that take its name (fields it leaves out take their defaults)',
      ),
    range: z
      .tuple([z.number(), z.number()])
      .optional()
      .describe(
        '[lo, hi] with lo < hi, sampled by random, lhs and sobol designs (grid and oat need values)',
      ),
    integer: z
      .boolean()
      .optional()
      .describe(
        'round sampled values to integers; the range is widened to [lo - 1/2, hi + 1/2] so each integer of [lo, hi] gets an equal share (integer bounds); default false',
      ),
    scale: z
      .enum(['linear', 'log'])
      .optional()
      .describe(
        'how a range is sampled: uniformly in x (linear, default) or in log x (log, needs lo > 0)',
      ),
    base: cellValue
      .optional()
      .describe(
        'the value an oat design holds this parameter at while it varies the others (required by oat)',
      ),
  })
  .superRefine((parameter, ctx) => {
    const { alternatives } = parameter;
    if (alternatives === undefined) return;
    const names = Object.keys(alternatives);
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (names.length === 0)
      issue('alternatives', 'expected at least one named alternative, got none');
    if (parameter.range !== undefined) {
      issue('range', 'a parameter with alternatives takes their names as levels, not a range');
    }
    const valid = names.map((n) => `'${n}'`).join(', ');
    for (const [k, value] of (parameter.values ?? []).entries()) {
      if (typeof value !== 'string' || !Object.hasOwn(alternatives, value)) {
        ctx.addIssue({
          code: 'custom',
          path: ['values', k],
          message: `expected the name of an alternative (${valid}), got ${JSON.stringify(value)}`,
        });
      }
    }
    const base = parameter.base;
    if (base !== undefined && (typeof base !== 'string' || !Object.hasOwn(alternatives, base))) {
      issue('base', `expected the name of an alternative (${valid}), got ${JSON.stringify(base)}`);
    }
  })
  .transform((parameter) =>
    parameter.alternatives !== undefined && parameter.values === undefined
      ? { ...parameter, values: Object.keys(parameter.alternatives) }
      : parameter,
  )
  .describe('a scenario parameter the design varies');

const cellCount = z.int().min(1).describe('number of cells (parameter points) the design draws');
const DesignSchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({ kind: z.literal('grid') })
      .describe("grid: every combination of the parameters' values, the last varying fastest"),
    z
      .strictObject({ kind: z.literal('random'), cells: cellCount })
      .describe(
        'random: cells independent points, each parameter uniform over its range (or values)',
      ),
    z
      .strictObject({ kind: z.literal('lhs'), cells: cellCount })
      .describe(
        'lhs: a Latin hypercube of cells points, one in each of cells equal strata of every range',
      ),
    z
      .strictObject({
        kind: z.literal('sobol'),
        cells: cellCount.describe('number of cells (best a power of two)'),
        skip: z
          .int()
          .min(0)
          .optional()
          .describe('Sobol points to skip before the first cell; default 0'),
      })
      .describe('sobol: points skip .. skip + cells - 1 of the Sobol sequence, no seed'),
    z
      .strictObject({
        kind: z.literal('saltelli'),
        baseCells: cellCount.describe('N: base points of the shifted Sobol sequence'),
      })
      .describe(
        'saltelli: Sobol sensitivity indices (Saltelli 2010): N (k + 2) cells for k parameters, each with a range; read by twolevel sensitivity',
      ),
    z
      .strictObject({
        kind: z.literal('morris'),
        trajectories: z
          .int()
          .min(2)
          .describe('r: Morris trajectories of k + 1 points each (10 to 50 is usual)'),
        levels: z
          .int()
          .min(2)
          .multipleOf(2)
          .describe(
            'p: an even number of grid levels per range (4 is usual); delta = p / (2 (p - 1))',
          ),
        candidates: z
          .int()
          .min(2)
          .optional()
          .describe(
            "M >= r: random candidate trajectories of which Campolongo et al. 2007's selection keeps the r spread widest; default none (r random trajectories)",
          ),
      })
      .describe(
        'morris: elementary effects (Morris 1991): r trajectories on a p-level grid, at most r (k + 1) cells for k parameters, each with a range; read by twolevel sensitivity (mu, mu*, sigma)',
      ),
    z
      .strictObject({ kind: z.literal('oat') })
      .describe(
        "oat: one at a time: the base point, then each parameter's values with the others at base",
      ),
  ])
  .describe('how the cells are chosen');

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
const Hypothesis = z
  .strictObject({
    outcome: z
      .string()
      .min(1)
      .describe(
        'a rate (agreement, no_agreement, involuntary_defection, voluntary_defection, aborted, ratification_failure = involuntary defections / tentative agreements) or a mean (gain_A, rounds, winset_B, ...)',
      ),
    on: z.string().min(1).describe('the path of a varied parameter with numeric values'),
    direction: z
      .enum(['increasing', 'decreasing'])
      .describe('the sign the hypothesis predicts as the parameter grows'),
    test: z
      .enum(['logistic', 'trend', 'mcnemar', 'welch', 'regression'])
      .optional()
      .describe(
        'logistic: grouped logistic regression on the parameter (rates); trend: Cochran-Armitage (rates); mcnemar: paired outcomes under crn; welch: Welch t, highest against lowest level; regression: every varied parameter at once, cell by cell (any design). Default: regression on a continuous design, else logistic for a rate and welch for a mean',
      ),
    given: z
      .record(z.string(), cellValue)
      .optional()
      .describe('only the cells with these parameter values, { path: value }'),
    by: z
      .string()
      .min(1)
      .optional()
      .describe('also evaluated separately at each level of this parameter (effect modification)'),
    interactions: z
      .array(z.tuple([z.string().min(1), z.string().min(1)]))
      .optional()
      .describe('pairs of parameters whose product the regression test adds'),
    label: z
      .string()
      .optional()
      .describe('the sentence tables and the report show; default "<outcome> <direction> in <on>"'),
  })
  .describe(
    "a signed hypothesis, tested with Holm's adjustment across the experiment's hypotheses",
  );

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

/** Adaptive replication: batches until the target's Wilson 95% half-width is small enough. */
const AdaptiveReplications = z
  .strictObject({
    min: z.int().min(1).describe('runs every cell plays first'),
    max: z.int().min(1).describe('runs a cell plays at most'),
    target: z
      .strictObject({
        outcome: z.string().min(1).describe('the outcome whose rate is estimated (e.g. agreement)'),
        halfWidth: z
          .number()
          .gt(0)
          .lt(0.5)
          .describe('the Wilson 95% half-width at which a cell stops'),
      })
      .describe('the rate whose interval decides when a cell has run enough'),
  })
  .superRefine((r, ctx) => {
    if (r.max >= r.min) return;
    ctx.addIssue({
      code: 'custom',
      path: ['max'],
      message: `expected max >= min (${r.min}), got ${r.max}`,
    });
  });

/** A figure the analysis draws from the results. */
const Figure = z
  .strictObject({
    name: safeName('files in figures/').describe(
      "file name of the figure in figures/ (without extension): letters, digits, '.', '_', '-'",
    ),
    kind: z
      .enum(['rate', 'heatmap', 'shares', 'gains', 'scatter', 'partial', 'sensitivity'])
      .describe(
        "rate: outcome rates against x (a parameter or a mean) with Wilson bands, one line per series; heatmap: a rate over two parameters x and y; shares: outcome shares by x; gains: the distribution of each country's gain; scatter (sampled designs): each cell's estimate against x with binned means and t intervals; partial: the multi-factor regression's average prediction as x moves (partial dependence), with a bootstrap band; sensitivity (saltelli design): first-order and total Sobol indices per parameter; (morris design) mu* against sigma per parameter, with mu* intervals",
      ),
    x: z
      .string()
      .optional()
      .describe('horizontal axis: a varied parameter (rate: or a mean such as winset_B)'),
    y: z.string().optional().describe('vertical axis of a heatmap: a varied parameter'),
    series: z
      .string()
      .optional()
      .describe('a varied parameter drawn as one line (or group) per level'),
    outcomes: z
      .array(z.string())
      .optional()
      .describe(
        'the outcomes drawn (heatmap: its one rate); default every outcome that occurred (heatmap: agreement)',
      ),
    title: z.string().optional().describe('the title; default built from the fields'),
  })
  .describe('a figure the analysis draws');

/** The zod schema of an experiment definition. */
export const ExperimentSchema = z
  .strictObject({
    ...fileAnnotations,
    name: safeName('the results folder').describe(
      "the experiment's name: letters, digits, '.', '_', '-'; results go to results/<name>/",
    ),
    description: z.string().default('').describe('what the experiment asks, for the report'),
    scenario: z
      .union([z.string().min(1), z.record(z.string(), z.unknown())])
      .default({})
      .describe(
        'the base scenario (see twolevel schema), or the path of a scenario JSON file relative to the experiment file',
      ),
    parameters: z
      .array(Parameter)
      .default([])
      .describe('the scenario parameters the design varies'),
    design: DesignSchema.default({ kind: 'grid' }),
    replications: z
      .union([z.int().min(1), AdaptiveReplications])
      .describe(
        'games per cell (R), or adaptive { min, max, target: { outcome, halfWidth } }: each cell runs in batches until the Wilson 95% half-width of the target rate is at most halfWidth, or max runs',
      ),
    seed: z
      .union([z.string(), z.number()])
      .default(1)
      .describe('master seed: every run seed is a hash of it, the cell and the replication'),
    crn: z
      .boolean()
      .default(false)
      .describe(
        'common random numbers: replication r of every cell shares its world draws, so cells differ by their parameters alone',
      ),
    hypotheses: z.array(Hypothesis).default([]).describe('the signs to test'),
    figures: z
      .array(Figure)
      .default([])
      .superRefine((figures, ctx) => {
        const problem = duplicateFigure(figures);
        if (problem)
          ctx.addIssue({ code: 'custom', path: [problem.index, 'name'], message: problem.message });
      })
      .describe('the figures to draw, each with its own name'),
  })
  .transform(({ $schema, $comment, ...experiment }) => experiment)
  .describe('a twolevel experiment: a sweep of seeded two-level games (README, Experiments)');

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
 * The JSON Schema of an experiment file as a user writes it (`twolevel schema --experiment`,
 * for editors): every field with its description, and `scenario` as a path or an inline
 * scenario checked against the scenario's own schema.
 */
export function experimentJsonSchema(): object {
  const schema = z.toJSONSchema(ExperimentSchema, { io: 'input' }) as {
    properties: Record<string, { anyOf?: object[]; description?: string }>;
  };
  const { $schema, ...scenario } = scenarioJsonSchema() as { $schema?: string };
  const field = schema.properties.scenario!;
  field.anyOf = [
    { type: 'string', minLength: 1, description: 'path of a scenario JSON file' },
    scenario,
  ];
  return schema;
}

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
    let problems = describeIssues(result.error, jsonSchema, input);
    // An object for `replications` is adaptive: name its own mistakes, not the union's.
    const replications = (input as { replications?: unknown } | null)?.replications;
    const adaptive = AdaptiveReplications.safeParse(replications, { reportInput: true });
    if (typeof replications !== 'object' || replications === null) {
      // not an adaptive object: say what a count must be, as for any other count
      problems = problems.map((p) =>
        p.startsWith('replications: ') ? p.replace(' or an object, got ', ', got ') : p,
      );
    } else if (!adaptive.success) {
      const schema = z.toJSONSchema(AdaptiveReplications, { io: 'input' });
      problems = [
        ...problems.filter((p) => !/^replications[:.]/.test(p)),
        ...describeIssues(adaptive.error, schema, replications, 'replications'),
      ];
    }
    throw new UserError(
      `${source}: ${problems.length} problem(s) in the experiment:\n  ${problems.join('\n  ')}`,
    );
  }
  return result.data as Experiment;
}
