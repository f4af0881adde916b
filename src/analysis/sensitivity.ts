import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replicationRule } from '../engine/adaptive.ts';
import { UserError } from '../errors.ts';
import { arquero } from '../results/arquero.ts';
import { writeAtomic } from '../results/atomic.ts';
import { cellOutput, checkOutputName, outputNames } from './cellOutputs.ts';
import type { Results } from './readResults.ts';
import { type ParameterIndices, SENSITIVITY_RESAMPLES, sobolIndices } from './sobolIndices.ts';
import { markdownTable, withInterval } from './summaryDisplay.ts';

/** The Sobol indices of one output of a sweep, or why there are none. */
export interface OutputSensitivity {
  output: string;
  kind: 'rate' | 'mean';
  /** Why no indices were computed (no trials in some cell, a constant output), else undefined. */
  skipped?: string;
  variance: number;
  /** Share of the cells' variance that is replication noise (NaN when it cannot be estimated). */
  noiseShare: number;
  /** Whether `indices` are corrected for replication noise (see {@link sobolIndices}). */
  corrected: boolean;
  /** Per parameter, in the experiment's order: the reported (corrected when possible) indices. */
  indices: ParameterIndices[];
  /** The indices of the cell estimates as they are, noise included. */
  uncorrected: ParameterIndices[];
}

/** A sweep's sensitivity analysis: its design and the indices of each output. */
export interface Sensitivity {
  parameters: string[];
  baseCells: number;
  replications: number;
  resamples: number;
  seed: string;
  /** Why the indices are not corrected for noise (common random numbers), if so. */
  note?: string;
  outputs: OutputSensitivity[];
}

/**
 * Sobol sensitivity indices of a sweep run with a `saltelli` design: for each output (every
 * rate and metric mean, or those named), the first-order and total indices of each varied
 * parameter with percentile bootstrap 95% intervals ({@link sobolIndices}), computed from the
 * cells' estimates and corrected for their replication noise (the within-cell variance the
 * cells store). Under common random numbers the cells' noise is shared, the correction's
 * independence assumption fails, and the indices are reported uncorrected.
 *
 * Each output's resampling is seeded with `<seed>/<output>`, so an output's intervals do not
 * depend on which other outputs are analysed.
 *
 * @param results a finished results folder of a `saltelli` design
 * @param options outputs (default all), resamples (default 1000), seed (default the master seed)
 * @throws UserError when the design is not `saltelli`, or an output name is unknown
 */
export function sensitivity(
  results: Results,
  options: { outputs?: readonly string[]; resamples?: number; seed?: string } = {},
): Sensitivity {
  const { manifest } = results;
  const design = manifest.experiment.design;
  if (design.kind !== 'saltelli') {
    throw new UserError(
      `${results.dir}: Sobol indices need a 'saltelli' design (its A, B and A_B^(i) cells), but this sweep used '${design.kind}'. Set design: { kind: 'saltelli', baseCells: 1024 } in the experiment (N (k + 2) cells for k parameters), or { kind: 'morris', trajectories: 20, levels: 4 } for Morris screening (at most r (k + 1) cells), and run it again.`,
    );
  }
  const k = results.parameters.length;
  const layout = manifest.layout;
  const outputs = options.outputs ?? outputNames(layout);
  for (const name of outputs) checkOutputName(name, layout);
  const resamples = options.resamples ?? SENSITIVITY_RESAMPLES;
  const seed = options.seed ?? String(manifest.masterSeed);
  const crn = manifest.crn;
  return {
    parameters: results.parameters,
    baseCells: design.baseCells,
    replications: replicationRule(manifest.experiment.replications).max,
    resamples,
    seed,
    ...(crn && {
      note: 'common random numbers: the cells share their replication noise, so the indices are not corrected for it',
    }),
    outputs: outputs.map((name) => {
      const output = cellOutput(results, name);
      const base = {
        output: name,
        kind: output.kind,
        variance: Number.NaN,
        noiseShare: Number.NaN,
      };
      const empty = { ...base, corrected: false, indices: [], uncorrected: [] };
      const missing = output.value.findIndex((v) => !Number.isFinite(v));
      if (missing >= 0) {
        const what = output.kind === 'rate' ? 'no trials' : 'no run counted';
        return { ...empty, skipped: `cell ${missing} has ${what}` };
      }
      const noisy = output.noise.every(Number.isFinite);
      const result = sobolIndices(output.value, k, noisy ? output.noise : undefined, {
        resamples,
        seed: `${seed}/${name}`,
      });
      if (!(result.variance > 0)) return { ...empty, skipped: 'constant over all cells' };
      if (noisy && !crn && !(result.noiseShare < 1)) {
        return {
          ...empty,
          variance: result.variance,
          noiseShare: result.noiseShare,
          skipped: `replication noise is all of its variance (noise share ${result.noiseShare.toFixed(2)}); run more replications`,
        };
      }
      const corrected = !crn && noisy && result.corrected.every((p) => Number.isFinite(p.S1));
      return {
        ...base,
        variance: result.variance,
        noiseShare: result.noiseShare,
        corrected,
        indices: corrected ? result.corrected : result.uncorrected,
        uncorrected: result.uncorrected,
      };
    }),
  };
}

/** The columns of `sensitivity.csv`, in order. */
const COLUMNS = [
  'output',
  'kind',
  'parameter',
  'S1',
  'S1_lo',
  'S1_hi',
  'ST',
  'ST_lo',
  'ST_hi',
  'corrected',
  'S1_uncorrected',
  'S1_uncorrected_lo',
  'S1_uncorrected_hi',
  'ST_uncorrected',
  'ST_uncorrected_lo',
  'ST_uncorrected_hi',
  'variance',
  'noise_share',
] as const;

/** One row per output and parameter, as {@link COLUMNS}; skipped outputs are left out. */
export function sensitivityRows(result: Sensitivity): Record<string, number | string | boolean>[] {
  return result.outputs.flatMap((o) =>
    o.indices.map((p, i) => {
      const raw = o.uncorrected[i]!;
      return {
        output: o.output,
        kind: o.kind,
        parameter: result.parameters[i]!,
        S1: p.S1,
        S1_lo: p.S1_lo,
        S1_hi: p.S1_hi,
        ST: p.ST,
        ST_lo: p.ST_lo,
        ST_hi: p.ST_hi,
        corrected: o.corrected,
        S1_uncorrected: raw.S1,
        S1_uncorrected_lo: raw.S1_lo,
        S1_uncorrected_hi: raw.S1_hi,
        ST_uncorrected: raw.ST,
        ST_uncorrected_lo: raw.ST_lo,
        ST_uncorrected_hi: raw.ST_hi,
        variance: o.variance,
        noise_share: o.noiseShare,
      };
    }),
  );
}

/** The sentence that says how the indices were computed (for the Markdown and the report). */
export function sensitivityMethod(result: Sensitivity): string {
  const k = result.parameters.length;
  const cells = result.baseCells * (k + 2);
  return `Saltelli design: N = ${result.baseCells} base points, k = ${k} parameters, ${cells} cells of ${result.replications} replications. First-order S1 (Saltelli et al. 2010) and total ST (Jansen 1999) Sobol indices of each cell estimate, ${result.note ? `not corrected (${result.note})` : 'corrected for replication noise (the noise share is the part of the cells’ variance that is within-cell sampling variance)'}; percentile bootstrap 95% intervals from ${result.resamples} resamples of the base points (seed '${result.seed}/<output>'). S1 is the share of the output's variance explained by the parameter alone, ST the share it takes part in, interactions included; ST - S1 is the part through interactions.`;
}

/** An output's noise share as text, saying when its indices are not corrected for it. */
function noiseText(o: OutputSensitivity): string {
  const share = Number.isFinite(o.noiseShare) ? o.noiseShare.toFixed(3) : 'unknown';
  return o.corrected ? share : `${share} (not corrected)`;
}

/** The indices as a display table: one row per output and parameter. */
export function sensitivityDisplay(result: Sensitivity) {
  const rows: string[][] = [];
  for (const o of result.outputs) {
    if (o.skipped) {
      rows.push([o.output, '', '', `not computed: ${o.skipped}`, '']);
      continue;
    }
    o.indices.forEach((p, i) => {
      rows.push([
        o.output,
        i === 0 ? noiseText(o) : '',
        result.parameters[i]!,
        withInterval(p.S1, p.S1_lo, p.S1_hi, 3),
        withInterval(p.ST, p.ST_lo, p.ST_hi, 3),
      ]);
    });
  }
  return { header: ['output', 'noise share', 'parameter', 'S1 [95% CI]', 'ST [95% CI]'], rows };
}

/**
 * Writes `sensitivity.csv` (one row per output and parameter, every column of
 * {@link sensitivityRows}, full precision), `sensitivity.md` (the method and the table) and
 * `sensitivity.json` (the whole analysis, which the report reads).
 *
 * @returns the paths written
 */
export function writeSensitivity(dir: string, result: Sensitivity): string[] {
  const csv = join(dir, 'sensitivity.csv');
  const md = join(dir, 'sensitivity.md');
  const json = join(dir, 'sensitivity.json');
  const rows = sensitivityRows(result);
  const aq = arquero();
  const table = rows.length > 0 ? aq.from(rows).select(...COLUMNS) : aq.table({});
  writeAtomic(csv, rows.length > 0 ? aq.toCSV(table) : `${COLUMNS.join(',')}\n`);
  writeAtomic(
    md,
    `# Sensitivity (Sobol indices)\n\n${sensitivityMethod(result)}\n\n${markdownTable(sensitivityDisplay(result))}`,
  );
  writeAtomic(json, `${JSON.stringify(result, (_, v) => (Number.isNaN(v) ? null : v), 1)}\n`);
  return [csv, md, json];
}

/** Reads the Sobol `sensitivity.json` of a results folder, or undefined when there is none (or it holds Morris measures). */
export function readSensitivity(dir: string): Sensitivity | undefined {
  const file = join(dir, 'sensitivity.json');
  if (!existsSync(file)) return undefined;
  const result = JSON.parse(readFileSync(file, 'utf8'), (_, v) => (v === null ? Number.NaN : v));
  return result.method === 'morris' ? undefined : result;
}
