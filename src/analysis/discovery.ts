import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.ts';
import { arquero } from '../results/arquero.ts';
import { writeAtomic } from '../results/atomic.ts';
import { cellOutput } from './cellOutputs.ts';
import { MIN_COVERAGE, type PrimBox, type PrimOptions, pastePrimBox, prim } from './prim.ts';
import type { Results } from './readResults.ts';
import { markdownTable } from './summaryDisplay.ts';

/** Which cells are cases of interest: an output above or below a threshold. */
export interface CaseDefinition {
  output: string;
  direction: 'above' | 'below';
  threshold: number;
}

/** A parameter the chosen box restricts, and what dropping that restriction would give. */
export interface Restriction {
  parameter: string;
  lo: number;
  hi: number;
  /** Coverage and density of the box without this restriction (the parameter's full range). */
  coverageWithout: number;
  densityWithout: number;
}

/** Scenario discovery on a sweep: the case definition, the PRIM trajectory and the chosen box. */
export interface Discovery {
  cases: CaseDefinition;
  parameters: string[];
  /** Cells analysed (with an estimate) and cases among them. */
  cells: number;
  caseCount: number;
  /** Cells left out because their estimate is undefined (no trials). */
  excluded: number;
  options: Required<PrimOptions> & { minCoverage: number };
  trajectory: PrimBox[];
  /** The sample's range of each parameter. */
  limits: PrimBox;
  /** Index into `trajectory` of the box chosen before pasting. */
  chosen: number;
  /** The chosen box after pasting. */
  box: PrimBox;
  /** The parameters the box restricts, in the experiment's order. */
  restrictions: Restriction[];
}

/**
 * Scenario discovery (Bryant and Lempert 2010) with PRIM (Friedman and Fisher 1999): the
 * cells whose estimate of `output` is above (or below) `threshold` are the cases; PRIM peels
 * the sampled parameter space down to boxes of ever higher case density ({@link prim}), and
 * the box chosen is the densest on the trajectory among those covering at least
 * `minCoverage` of the cases (ties: the larger coverage), then pasted ({@link pastePrimBox}).
 * `box` (an index into the trajectory) chooses a box instead. Restrictions whose removal does
 * not lower the density are then dropped, one at a time (peeling can narrow a parameter for
 * nothing once the density is at its ceiling; Bryant and Lempert 2010 prune such
 * dimensions for interpretability). For each remaining restriction, the coverage and density
 * without it show what it adds.
 *
 * Each cell counts once, whatever its runs; a cell is a case by its estimate, which is itself
 * noisy, so cells near the threshold can fall on either side.
 *
 * @throws UserError for an unknown output, a non-numeric parameter, no cases, or a bad option
 */
export function discover(
  results: Results,
  cases: CaseDefinition,
  options: PrimOptions & { minCoverage?: number; box?: number } = {},
): Discovery {
  const output = cellOutput(results, cases.output);
  const parameters = results.parameters;
  const manifestCells = results.manifest.cells;
  for (const path of parameters) {
    const bad = manifestCells.find((c) => typeof c.values[path] !== 'number');
    if (bad) {
      throw new UserError(
        `${results.dir}: PRIM needs numeric parameters, but '${path}' is ${JSON.stringify(bad.values[path])} in cell ${bad.index}`,
      );
    }
  }
  const kept = manifestCells.filter((c) => Number.isFinite(output.value[c.index]!));
  const x = parameters.map((path) => Float64Array.from(kept, (c) => c.values[path] as number));
  const y = Float64Array.from(kept, (c) => {
    const v = output.value[c.index]!;
    return (cases.direction === 'above' ? v > cases.threshold : v < cases.threshold) ? 1 : 0;
  });
  const caseCount = y.reduce((a, b) => a + b, 0);
  const where = `${cases.output} ${cases.direction === 'above' ? '>' : '<'} ${cases.threshold}`;
  if (caseCount === 0) {
    const values = kept.map((c) => output.value[c.index]!);
    throw new UserError(
      `no cell has ${where} (the ${kept.length} cells range from ${Math.min(...values).toPrecision(3)} to ${Math.max(...values).toPrecision(3)}); choose a threshold inside that range`,
    );
  }
  const full = {
    peelAlpha: options.peelAlpha ?? 0.05,
    pasteAlpha: options.pasteAlpha ?? 0.05,
    minSupport: options.minSupport ?? 0.05,
    minCoverage: options.minCoverage ?? MIN_COVERAGE,
  };
  for (const [name, value] of Object.entries(full)) {
    if (!(value > 0 && value < 1) && !(name === 'minCoverage' && value >= 0 && value <= 1)) {
      throw new UserError(`--${flagName(name)}: expected a number between 0 and 1, got ${value}`);
    }
  }
  const { trajectory, limits } = prim(x, y, full);
  let chosen: number;
  if (options.box !== undefined) {
    if (!Number.isInteger(options.box) || options.box < 0 || options.box >= trajectory.length) {
      throw new UserError(
        `--box: expected a box of the trajectory, 0 to ${trajectory.length - 1}, got ${options.box}`,
      );
    }
    chosen = options.box;
  } else {
    chosen = 0;
    trajectory.forEach((b, i) => {
      const best = trajectory[chosen]!;
      if (b.coverage < full.minCoverage) return;
      if (b.density > best.density || (b.density === best.density && b.coverage > best.coverage)) {
        chosen = i;
      }
    });
  }
  const box = pruned(x, y, limits, pastePrimBox(x, y, trajectory[chosen]!, full), caseCount);
  const restrictions: Restriction[] = restricted(limits, box).map((d) => {
    const without = dropRestriction(x, y, limits, box, d, caseCount);
    return {
      parameter: parameters[d]!,
      lo: box.lo[d]!,
      hi: box.hi[d]!,
      coverageWithout: without.coverage,
      densityWithout: without.density,
    };
  });
  return {
    cases,
    parameters,
    cells: kept.length,
    caseCount,
    excluded: manifestCells.length - kept.length,
    options: full,
    trajectory,
    limits,
    chosen,
    box,
    restrictions,
  };
}

/** The dimensions a box restricts: bounds inside the sample's range. */
function restricted(limits: PrimBox, box: PrimBox): number[] {
  return box.lo.flatMap((lo, d) => (lo > limits.lo[d]! || box.hi[d]! < limits.hi[d]! ? [d] : []));
}

/** The box with dimension d widened to the sample's range. */
function dropRestriction(
  x: readonly Float64Array[],
  y: Float64Array,
  limits: PrimBox,
  box: PrimBox,
  d: number,
  cases: number,
): PrimBox {
  const lo = [...box.lo];
  const hi = [...box.hi];
  lo[d] = limits.lo[d]!;
  hi[d] = limits.hi[d]!;
  let count = 0;
  let hits = 0;
  for (let i = 0; i < y.length; i++) {
    if (x.every((column, e) => column[i]! >= lo[e]! && column[i]! <= hi[e]!)) {
      count++;
      hits += y[i]!;
    }
  }
  return {
    lo,
    hi,
    count,
    coverage: hits / cases,
    density: hits / count,
    support: count / y.length,
  };
}

/**
 * Drops, one at a time, the restrictions whose removal does not lower the box's density
 * (the one that gains most coverage first), so the box names only parameters that matter:
 * peeling can narrow a parameter for nothing once the density is at its ceiling.
 */
function pruned(
  x: readonly Float64Array[],
  y: Float64Array,
  limits: PrimBox,
  box: PrimBox,
  cases: number,
): PrimBox {
  let current = box;
  for (;;) {
    const wider = restricted(limits, current)
      .map((d) => dropRestriction(x, y, limits, current, d, cases))
      .filter((b) => b.density >= current.density)
      .sort((a, b) => b.coverage - a.coverage);
    if (wider.length === 0) return current;
    current = wider[0]!;
  }
}

function flagName(option: string): string {
  return option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** A bound as text: 4 significant digits. */
function bound(v: number): string {
  return Number(v.toPrecision(4)).toString();
}

/** The case definition in words, e.g. `involuntary_defection > 0.2 in 231 of 1792 cells`. */
export function casesText(result: Discovery): string {
  const op = result.cases.direction === 'above' ? '>' : '<';
  return `${result.cases.output} ${op} ${result.cases.threshold} in ${result.caseCount} of ${result.cells} cells`;
}

/** The chosen box as a display table: each parameter's bounds, its sampled range, and its effect. */
export function discoveryDisplay(result: Discovery) {
  const rows = result.parameters.map((parameter, d) => {
    const r = result.restrictions.find((x) => x.parameter === parameter);
    return [
      parameter,
      r ? `[${bound(r.lo)}, ${bound(r.hi)}]` : 'not restricted',
      `[${bound(result.limits.lo[d]!)}, ${bound(result.limits.hi[d]!)}]`,
      r ? `${r.coverageWithout.toFixed(3)} / ${r.densityWithout.toFixed(3)}` : '',
    ];
  });
  return {
    header: ['parameter', 'box', 'sampled range', 'coverage / density without it'],
    rows,
  };
}

/** The chosen box in sentences: coverage, density, support and the restricted parameters. */
export function discoverySummary(result: Discovery): string {
  const { box } = result;
  const restricted = result.restrictions.map((r) => r.parameter);
  return `Cases: ${casesText(result)}${result.excluded > 0 ? ` (${result.excluded} cells without an estimate left out)` : ''}. PRIM (Friedman and Fisher 1999): peeling alpha ${result.options.peelAlpha}, pasting alpha ${result.options.pasteAlpha}, minimum support ${result.options.minSupport}; ${result.trajectory.length} boxes on the peeling trajectory. Chosen: box ${result.chosen} (the densest covering at least ${result.options.minCoverage} of the cases), then pasted, and restrictions that do not raise the density dropped: coverage ${box.coverage.toFixed(3)} (cases inside / all cases), density ${box.density.toFixed(3)} (cases inside / cells inside), support ${box.support.toFixed(3)} (${box.count} of ${result.cells} cells). It restricts ${restricted.length === 0 ? 'no parameter' : restricted.join(', ')}.`;
}

/**
 * Writes `discovery.csv` (the peeling trajectory: one row per box with coverage, density,
 * support, cells, restricted parameter count, each parameter's `<path>_lo` and `<path>_hi`,
 * and whether it is the chosen box; the pasted box last, `step` = 'pasted'), `discovery.md`
 * (the case definition, the chosen box and its table) and `discovery.json` (the whole
 * analysis, which the report reads).
 *
 * @returns the paths written
 */
export function writeDiscovery(dir: string, result: Discovery): string[] {
  const csv = join(dir, 'discovery.csv');
  const md = join(dir, 'discovery.md');
  const json = join(dir, 'discovery.json');
  const row = (box: PrimBox, step: string, chosen: boolean) => {
    const out: Record<string, number | string | boolean> = {
      step,
      coverage: box.coverage,
      density: box.density,
      support: box.support,
      cells: box.count,
      restricted: restrictedCount(result, box),
      chosen,
    };
    result.parameters.forEach((p, d) => {
      out[`${p}_lo`] = box.lo[d]!;
      out[`${p}_hi`] = box.hi[d]!;
    });
    return out;
  };
  const rows = [
    ...result.trajectory.map((b, i) => row(b, String(i), false)),
    row(result.box, 'pasted', true),
  ];
  const aq = arquero();
  writeAtomic(csv, aq.toCSV(aq.from(rows)));
  writeAtomic(
    md,
    `# Scenario discovery (PRIM)\n\n${discoverySummary(result)}\n\n${markdownTable(discoveryDisplay(result))}`,
  );
  writeAtomic(json, `${JSON.stringify(result, null, 1)}\n`);
  return [csv, md, json];
}

/** How many parameters a box restricts (bounds inside the sample's range). */
export function restrictedCount(result: Pick<Discovery, 'limits'>, box: PrimBox): number {
  return box.lo.filter((lo, d) => lo > result.limits.lo[d]! || box.hi[d]! < result.limits.hi[d]!)
    .length;
}

/** Reads `discovery.json` of a results folder, or undefined when there is none. */
export function readDiscovery(dir: string): Discovery | undefined {
  const file = join(dir, 'discovery.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Discovery) : undefined;
}
