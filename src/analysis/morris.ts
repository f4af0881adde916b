import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { replicationRule } from '../engine/adaptive.ts';
import {
  morrisDelta,
  morrisTrajectories,
  morrisUnit,
  trajectoryPoint,
} from '../engine/designs/morris.ts';
import type { MorrisDesign } from '../engine/designs/types.ts';
import { cellKey, designSeed } from '../engine/seeds.ts';
import { UserError } from '../errors.ts';
import { arquero } from '../results/arquero.ts';
import { writeAtomic } from '../results/atomic.ts';
import { cellOutput, checkOutputName, outputNames } from './cellOutputs.ts';
import { type MorrisMeasure, morrisMeasures } from './morrisMeasures.ts';
import type { Results } from './readResults.ts';
import { SENSITIVITY_RESAMPLES } from './sobolIndices.ts';
import { markdownTable, withInterval } from './summaryDisplay.ts';

/** The Morris measures of one output of a sweep, or why there are none. */
export interface OutputMorris {
  output: string;
  kind: 'rate' | 'mean';
  /** Why no measures were computed (no trials in some cell, a constant output), else undefined. */
  skipped?: string;
  /** Per parameter, in the experiment's order. */
  measures: MorrisMeasure[];
}

/** A sweep's Morris screening: its design and the measures of each output. */
export interface MorrisSensitivity {
  method: 'morris';
  parameters: string[];
  trajectories: number;
  levels: number;
  delta: number;
  /** The candidate trajectories Campolongo's selection chose from, if any. */
  candidates?: number;
  cells: number;
  replications: number;
  resamples: number;
  seed: string;
  /** Why the replication noise is not estimated (common random numbers), if so. */
  note?: string;
  outputs: OutputMorris[];
}

/**
 * The elementary effects of one output over a Morris sweep: for trajectory t and its step s
 * (moving parameter i from point s - 1 to point s), `EE = (y_s - y_{s-1}) / (u_s - u_{s-1})`
 * with `u` parameter i's unit coordinate (`morrisUnit`: the fraction of its range, of its log
 * range on a log scale). The step is +-delta, or for an integer parameter the step its
 * rounded values actually took. An effect is thus the change of the output per whole range of
 * the parameter (f = sum a_i x_i on ranges [lo_i, hi_i] gives EE_i = a_i (hi_i - lo_i)).
 * Each effect's sampling variance is `(nu_{s-1} + nu_s) / step^2` from the two cells'.
 *
 * @returns effects and noise laid out `t * k + i`, or the first cell without an estimate
 */
function elementaryEffects(
  results: Results,
  value: Float64Array,
  noise: Float64Array,
  trajectories: ReturnType<typeof morrisTrajectories>,
  levels: number,
): { effects: Float64Array; noise: Float64Array } | { missing: number } {
  const parameters = results.manifest.experiment.parameters;
  const k = parameters.length;
  const cellOf = new Map(results.manifest.cells.map((c) => [c.key, c.index]));
  const effects = new Float64Array(trajectories.length * k);
  const effectNoise = new Float64Array(trajectories.length * k);
  trajectories.forEach((trajectory, t) => {
    const cells = Array.from({ length: k + 1 }, (_, s) => {
      const values = trajectoryPoint(parameters, trajectory, s, levels);
      const cell = cellOf.get(cellKey(values));
      if (cell === undefined) {
        throw new UserError(
          `${results.dir}: point ${s} of Morris trajectory ${t} (${cellKey(values)}) is not a cell of this sweep: the folder was written by another version of the design; run the experiment again`,
        );
      }
      return { cell, values };
    });
    for (let s = 1; s <= k; s++) {
      const i = trajectory.order[s - 1]!;
      const parameter = parameters[i]!;
      const a = cells[s - 1]!;
      const b = cells[s]!;
      const step =
        morrisUnit(parameter, b.values[parameter.path] as number) -
        morrisUnit(parameter, a.values[parameter.path] as number);
      effects[t * k + i] = (value[b.cell]! - value[a.cell]!) / step;
      effectNoise[t * k + i] = (noise[a.cell]! + noise[b.cell]!) / (step * step);
    }
  });
  const missing = effects.findIndex((e) => !Number.isFinite(e));
  if (missing >= 0) {
    const t = Math.floor(missing / k);
    const cell = Array.from({ length: k + 1 }, (_, s) =>
      cellOf.get(cellKey(trajectoryPoint(parameters, trajectories[t]!, s, levels))),
    ).find((c) => !Number.isFinite(value[c!]!));
    return { missing: cell ?? -1 };
  }
  return { effects, noise: effectNoise };
}

/**
 * Morris screening of a sweep run with a `morris` design: for each output (every rate and
 * metric mean, or those named), each parameter's mu, mu* and sigma over the r trajectories
 * ({@link morrisMeasures}) with percentile bootstrap 95% intervals from resampling
 * trajectories, from the cells' estimates. The trajectories are rebuilt from the manifest's
 * design and master seed, as the sweep built them, and found by their cells' values. Each
 * output's resampling is seeded with `<seed>/<output>`. `noise_sd`, the replication noise of
 * one effect, assumes independent cells; under common random numbers it is not estimated.
 *
 * @param results a finished results folder of a `morris` design
 * @param options outputs (default all), resamples (default 1000), seed (default the master seed)
 * @throws UserError when the design is not `morris`, or an output name is unknown
 */
export function morrisSensitivity(
  results: Results,
  options: { outputs?: readonly string[]; resamples?: number; seed?: string } = {},
): MorrisSensitivity {
  const { manifest } = results;
  const design = manifest.experiment.design;
  if (design.kind !== 'morris') {
    throw new UserError(
      `${results.dir}: Morris measures need a 'morris' design (its trajectories), but this sweep used '${design.kind}'. Set design: { kind: 'morris', trajectories: 20, levels: 4 } in the experiment (at most r (k + 1) cells for k parameters) and run it again.`,
    );
  }
  const layout = manifest.layout;
  const outputs = options.outputs ?? outputNames(layout);
  for (const name of outputs) checkOutputName(name, layout);
  const resamples = options.resamples ?? SENSITIVITY_RESAMPLES;
  const seed = options.seed ?? String(manifest.masterSeed);
  const trajectories = morrisTrajectories(
    manifest.experiment.parameters,
    design as MorrisDesign,
    seedrandom.alea(designSeed(manifest.masterSeed)),
  );
  const k = results.parameters.length;
  return {
    method: 'morris',
    parameters: results.parameters,
    trajectories: design.trajectories,
    levels: design.levels,
    delta: morrisDelta(design.levels),
    ...(design.candidates !== undefined && { candidates: design.candidates }),
    cells: manifest.cells.length,
    replications: replicationRule(manifest.experiment.replications).max,
    resamples,
    seed,
    ...(manifest.crn && {
      note: 'under common random numbers the cells share their replication noise',
    }),
    outputs: outputs.map((name) => {
      const output = cellOutput(results, name);
      const noise = manifest.crn ? output.noise.map(() => Number.NaN) : output.noise;
      const effects = elementaryEffects(results, output.value, noise, trajectories, design.levels);
      if ('missing' in effects) {
        const what = output.kind === 'rate' ? 'no trials' : 'no run counted';
        return {
          output: name,
          kind: output.kind,
          skipped: `cell ${effects.missing} has ${what}`,
          measures: [],
        };
      }
      if (output.value.every((v) => v === output.value[0])) {
        return {
          output: name,
          kind: output.kind,
          skipped: 'constant over all cells',
          measures: [],
        };
      }
      const measures = morrisMeasures(effects.effects, k, effects.noise, {
        resamples,
        seed: `${seed}/${name}`,
      });
      return { output: name, kind: output.kind, measures };
    }),
  };
}

/** The columns of a Morris sweep's `sensitivity.csv`, in order. */
const COLUMNS = [
  'output',
  'kind',
  'parameter',
  'mu',
  'mu_lo',
  'mu_hi',
  'mu_star',
  'mu_star_lo',
  'mu_star_hi',
  'sigma',
  'sigma_lo',
  'sigma_hi',
  'noise_sd',
  'trajectories',
] as const;

/** One row per output and parameter, as {@link COLUMNS}; skipped outputs are left out. */
export function morrisRows(result: MorrisSensitivity): Record<string, number | string>[] {
  return result.outputs.flatMap((o) =>
    o.measures.map((m, i) => ({
      output: o.output,
      kind: o.kind,
      parameter: result.parameters[i]!,
      ...m,
      trajectories: result.trajectories,
    })),
  );
}

/** The sentence that says how the measures were computed (for the Markdown and the report). */
export function morrisMethod(result: MorrisSensitivity): string {
  const k = result.parameters.length;
  const chosen =
    result.candidates === undefined
      ? 'random trajectories'
      : `trajectories chosen from ${result.candidates} random candidates to spread widest (Campolongo et al. 2007)`;
  return `Morris design: r = ${result.trajectories} ${chosen} on a p = ${result.levels} level grid (delta = ${result.delta.toFixed(3)} of each range), k = ${k} parameters, ${result.cells} cells of ${result.replications} replications. Each elementary effect is the change of the output per whole range of the parameter (its log range on a log scale); mu is their mean (its sign the direction), mu* the mean of their absolute values (the overall influence: rank parameters by it), sigma their standard deviation (interactions and non-linearity; compare it with the noise sd, the replication noise of one effect${result.note ? `, not estimated here: ${result.note}` : ''}). Percentile bootstrap 95% intervals from ${result.resamples} resamples of the trajectories (seed '${result.seed}/<output>').`;
}

/** The measures as a display table: one row per output and parameter. */
export function morrisDisplay(result: MorrisSensitivity) {
  const rows: string[][] = [];
  for (const o of result.outputs) {
    if (o.skipped) {
      rows.push([o.output, '', `not computed: ${o.skipped}`, '', '', '']);
      continue;
    }
    o.measures.forEach((m, i) => {
      rows.push([
        o.output,
        result.parameters[i]!,
        withInterval(m.mu_star, m.mu_star_lo, m.mu_star_hi, 3),
        withInterval(m.mu, m.mu_lo, m.mu_hi, 3),
        withInterval(m.sigma, m.sigma_lo, m.sigma_hi, 3),
        Number.isFinite(m.noise_sd) ? m.noise_sd.toFixed(3) : '',
      ]);
    });
  }
  return {
    header: ['output', 'parameter', 'mu* [95% CI]', 'mu [95% CI]', 'sigma [95% CI]', 'noise sd'],
    rows,
  };
}

/**
 * Writes a Morris sweep's `sensitivity.csv` (one row per output and parameter, every column
 * of {@link morrisRows}, full precision), `sensitivity.md` (the method and the table) and
 * `sensitivity.json` (the whole analysis, with `method: 'morris'`, which the report reads).
 *
 * @returns the paths written
 */
export function writeMorris(dir: string, result: MorrisSensitivity): string[] {
  const csv = join(dir, 'sensitivity.csv');
  const md = join(dir, 'sensitivity.md');
  const json = join(dir, 'sensitivity.json');
  const rows = morrisRows(result);
  const aq = arquero();
  writeAtomic(
    csv,
    rows.length > 0 ? aq.toCSV(aq.from(rows).select(...COLUMNS)) : `${COLUMNS.join(',')}\n`,
  );
  writeAtomic(
    md,
    `# Sensitivity (Morris elementary effects)\n\n${morrisMethod(result)}\n\n${markdownTable(morrisDisplay(result))}`,
  );
  writeAtomic(json, `${JSON.stringify(result, (_, v) => (Number.isNaN(v) ? null : v), 1)}\n`);
  return [csv, md, json];
}

/** Reads the Morris `sensitivity.json` of a results folder, or undefined when there is none. */
export function readMorris(dir: string): MorrisSensitivity | undefined {
  const file = join(dir, 'sensitivity.json');
  if (!existsSync(file)) return undefined;
  const result = JSON.parse(readFileSync(file, 'utf8'), (_, v) => (v === null ? Number.NaN : v));
  return result.method === 'morris' ? result : undefined;
}
