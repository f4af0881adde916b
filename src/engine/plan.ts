import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, relative, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import { protocolNames } from '../negotiation/protocols/registry.ts';
import type { TableFormat } from '../results/codecs/index.ts';
import type { Shard } from '../results/manifest.ts';
import { softwareVersions } from '../results/software.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { type ReplicationRule, replicationRule } from './adaptive.ts';
import {
  checkCellBudget,
  checkGameBudget,
  checkSweepBudget,
  designSize,
  memoryLimit,
  runWork,
} from './budget.ts';
import { checkFigures } from './checkFigures.ts';
import { checkHypotheses } from './checkHypotheses.ts';
import {
  type ColumnType,
  type ParameterColumn,
  parameterColumns,
  type RunLayout,
  sumsLength,
} from './columns.ts';
import { type Cell, type DesignTable, designTable, type VariedParameter } from './designs/index.ts';
import { CellList, cellsOf, type KeyedCell } from './designs/table.ts';
import type { Experiment } from './experiment.ts';
import { type PathSegments, resolveParameterPath, withParameter } from './paths.ts';
import { cellKey } from './seeds.ts';

/**
 * Designs of at most this many cells have every cell's scenario validated at planning; a
 * larger design has those of its {@link representativeCells} validated (every cell's
 * scenario is validated again when it is played).
 */
export const CHECKED_CELLS = 10_000;

/**
 * Largest number of replications of one cell in a batch (one run file per format) when the
 * replications are fixed. A run file has a fixed cost (Parquet's and Arrow's metadata, a file
 * created and renamed) besides its rows, so fewer, larger files cost less CPU per run and are
 * quicker to read; 1,000 rows are one Parquet row group.
 */
export const MAX_BATCH = 1000;

/**
 * Largest batch of an adaptive `replications`: its stopping rule looks at a cell after each
 * batch, so this is also the step in which a cell's runs grow (src/engine/adaptive.ts).
 */
export const MAX_ADAPTIVE_BATCH = 200;

export type { Shard };

/**
 * How per-run rows are written: in one or more table formats (Parquet, Arrow IPC, CSV),
 * or not at all (`'none'` or an empty list).
 */
export type RunsFormat = TableFormat | 'none' | readonly TableFormat[];

/** The formats of a {@link RunsFormat}, in order (default Parquet). */
export function runsFormats(runs: RunsFormat | undefined): TableFormat[] {
  if (runs === undefined) return ['parquet'];
  if (runs === 'none') return [];
  return typeof runs === 'string' ? [runs] : [...runs];
}

/** A design cell with its key ({@link cellKey}). */
export type PlannedCell = KeyedCell;

/** Whether design cell `index` belongs to `shard` (index = shard - 1 mod shards), or there is none. */
export function inShard(shard: Shard | null, index: number): boolean {
  return !shard || index % shard.count === shard.index - 1;
}

/** Everything a sweep needs, resolved and validated before any game is played. */
export interface Plan {
  experiment: Experiment;
  /** The validated base scenario (defaults filled in). */
  scenario: Scenario;
  /** Each varied parameter's resolved path into the scenario. */
  segments: PathSegments[];
  /** Each varied parameter's column type in the cells tables. */
  parameterTypes: ColumnType[];
  /** Each varied parameter's path, column name and type in the cells tables. */
  parameterColumns: ParameterColumn[];
  /** Every cell of the design (all shards), made on demand from the design's columns. */
  cells: CellList;
  /** The cells this run plays (its shard, or all). */
  mine: CellList;
  layout: RunLayout;
  /** Runs per cell: fixed (`min = max`) or adaptive ({@link replicationRule}). */
  replications: ReplicationRule;
  /** Replications per task and per run file; the last batch of a cell may be shorter. */
  batchSize: number;
  /** Batches of a cell at `replications.max` runs (an adaptive cell may stop before). */
  batchesPerCell: number;
  /** The formats of the per-run files, none for `--runs none`. */
  runs: TableFormat[];
  shard: Shard | null;
  /**
   * SHA-256 of what determines the outputs, the shard aside (so shards of one sweep share
   * it): the experiment's fields that fix the runs, the protocol module's source, the runs
   * format, the batch size and the toolkit's version (package.json `version`; not the git
   * commit, which moves with every commit). A folder written with another is refused.
   */
  fingerprint: string;
}

/** Options that change what a sweep computes or writes. */
export interface PlanOptions {
  /** Folder that relative paths in the experiment (scenario file, protocol module) start from. */
  baseDir?: string;
  runs?: RunsFormat;
  shard?: Shard | null;
  /** Where the experiment came from, for messages. */
  source?: string;
  /**
   * Largest batch (default {@link MAX_BATCH}, {@link MAX_ADAPTIVE_BATCH} for adaptive
   * replications); smaller batches mean more, smaller run files.
   */
  maxBatch?: number;
  /** Worker threads that will play at once (the memory estimate counts a game per worker). */
  workers?: number;
  /**
   * Plan what the estimates refuse (too many cells, a game too big or too long, a sweep of
   * years); in `runExperiment` also discard the results of a different definition.
   */
  force?: boolean;
}

/** The scenario input of an experiment: inline, or read from a JSON file. */
function scenarioInput(experiment: Experiment, baseDir: string, source: string): ScenarioInput {
  if (typeof experiment.scenario !== 'string') return experiment.scenario;
  const file = resolve(baseDir, experiment.scenario);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ScenarioInput;
  } catch (error) {
    throw new UserError(
      `${source}: scenario: cannot read the scenario file ${file} (${(error as Error).message})`,
    );
  }
}

/** A protocol module path made absolute (relative to the experiment's folder). */
function absoluteModule(scenario: Scenario, baseDir: string): Scenario {
  const module = scenario.protocol.module;
  if (module === undefined || isAbsolute(module)) return scenario;
  return { ...scenario, protocol: { ...scenario.protocol, module: resolve(baseDir, module) } };
}

/**
 * Bytes a cell takes in the main thread at its most, when the sweep writes the cells tables:
 * the cell and its key, its values, its sums (`sums` float64s) and its row of the table (the
 * plan itself holds 8 bytes per cell and parameter).
 */
function cellBytes(parameters: number, sums: number) {
  return 400 + 150 * parameters + 16 * sums;
}

/**
 * The storage type of a parameter's values in the cells: float64 if all numbers, bool if all
 * booleans, else utf8 (a column of levels is judged by the levels its cells use).
 */
function parameterType(table: DesignTable, p: number): ColumnType {
  const { values, levels } = table.columns[p]!;
  if (!levels) return 'float64';
  const used = new Uint8Array(levels.length);
  for (let i = 0; i < table.size; i++) used[values[i]!] = 1;
  const kinds = new Set(levels.filter((_, j) => used[j]).map((v) => typeof v));
  if (kinds.size === 1 && kinds.has('number')) return 'float64';
  if (kinds.size === 1 && kinds.has('boolean')) return 'bool';
  return 'utf8';
}

/**
 * Each column's values as numbers that are equal exactly when the values' keys are: the
 * number itself (`-0` as `0`), or for a level the position of its first equal level.
 */
function comparableColumns(table: DesignTable): Float64Array[] {
  return table.columns.map(({ values, levels }) => {
    if (!levels) return values.map((x) => (x === 0 ? 0 : x));
    const first = new Map<string, number>();
    const canonical = levels.map((v, j) => {
      const key = JSON.stringify(v);
      if (!first.has(key)) first.set(key, j);
      return first.get(key)!;
    });
    return values.map((x) => canonical[x]!);
  });
}

/**
 * The number of distinct cells of a design (cells with equal keys are one): all of them when
 * some column has no value twice (a sort of that column), else counted by sorting the cells
 * by all their columns.
 */
function distinctCells(table: DesignTable): number {
  const n = table.size;
  if (n <= 1) return n;
  const columns = comparableColumns(table);
  for (const column of columns) {
    const sorted = column.slice().sort();
    if (sorted.every((x, i) => i === 0 || x !== sorted[i - 1])) return n;
  }
  const compare = (a: number, b: number) => {
    for (const column of columns) {
      const d = column[a]! - column[b]!;
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    return 0;
  };
  const order = new Uint32Array(n).map((_, i) => i).sort(compare);
  let distinct = 1;
  for (let i = 1; i < n; i++) if (compare(order[i - 1]!, order[i]!) !== 0) distinct++;
  return distinct;
}

/**
 * Each parameter's largest value in the design's cells, for a parameter whose values are all
 * numbers (not named alternatives); undefined for the others.
 */
function largestNumbers(parameters: readonly VariedParameter[], table: DesignTable) {
  return table.columns.map(({ values, levels }, p) => {
    if (parameters[p]!.alternatives) return undefined;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < table.size; i++) {
      const value = levels ? levels[values[i]!] : values[i];
      if (typeof value !== 'number') return undefined;
      if (value > max) max = value;
    }
    return max;
  });
}

/**
 * The cells whose scenarios stand for a large design's: for every parameter the first cell
 * of each level it takes, or the cells of its smallest and largest values and cell 0 (for a
 * range), ascending. Between them they hold every value a level parameter takes and the
 * bounds of every range, so a value the scenario schema rejects at a bound or a level is found
 * among them (the game budget takes each with every numeric parameter at its largest).
 */
export function representativeCells(table: DesignTable): number[] {
  const chosen = new Set<number>(table.size > 0 ? [0] : []);
  for (const { values, levels } of table.columns) {
    if (levels) {
      const first = new Int32Array(levels.length).fill(-1);
      for (let i = 0; i < table.size; i++) {
        if (first[values[i]!] === -1) first[values[i]!] = i;
      }
      for (const i of first) if (i >= 0) chosen.add(i);
      continue;
    }
    let lo = 0;
    let hi = 0;
    for (let i = 1; i < table.size; i++) {
      if (values[i]! < values[lo]!) lo = i;
      if (values[i]! > values[hi]!) hi = i;
    }
    chosen.add(lo).add(hi);
  }
  return [...chosen].sort((a, b) => a - b);
}

/**
 * The scenario of one cell: the base scenario with the cell's values at their paths (for a
 * parameter with named alternatives, the object of the alternative the cell names),
 * validated again (a value the schema rejects is reported with the cell and the path).
 *
 * @param plan the base scenario, the parameters and their resolved paths
 */
export function cellScenario(
  plan: Pick<Plan, 'scenario' | 'segments' | 'experiment'>,
  cell: Cell,
  source = 'experiment',
): Scenario {
  let input: unknown = plan.scenario;
  plan.experiment.parameters.forEach((parameter, p) => {
    const value = cell.values[parameter.path]!;
    const alternative = parameter.alternatives?.[String(value)];
    input = withParameter(input, plan.segments[p]!, alternative ?? value);
  });
  const where = `${source}, cell ${cell.index} ${cellKey(cell.values)}`;
  return parseScenario(input, where, 'scenario');
}

/** Checks that `--shard i/n` is well formed. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UserError(`--shard: expected i/n with 1 <= i <= n (e.g. 2/4), got '${text}'`);
  }
  return { index, count };
}

/**
 * Resolves an experiment into a plan: base scenario, parameter paths, the design's cells
 * (one column of values per parameter; a cell and its key are made when asked for), their
 * scenarios validated (every cell's up to {@link CHECKED_CELLS} cells, else its
 * {@link representativeCells}'), the column layout, batches and the fingerprint. Memory is
 * 8 bytes per cell and parameter, whatever the replications.
 *
 * Batches: `ceil(R / maxBatch)` per cell, of `ceil(R / batches)` replications each, so
 * the files and the order of summation depend on the experiment alone; an adaptive
 * `replications` sizes its batches by `min` (R = min, `maxBatch` {@link MAX_ADAPTIVE_BATCH})
 * and has up to `ceil(max / batchSize)`.
 *
 * @throws UserError for an unknown parameter path (with the nearest valid ones), a value
 * the scenario schema rejects (naming the cell and the path), cells that change the
 * countries' names, or a hypothesis or figure naming an unknown outcome, metric or
 * parameter ({@link checkHypotheses}, {@link checkFigures})
 */
export function planExperiment(experiment: Experiment, options: PlanOptions = {}): Plan {
  const baseDir = options.baseDir ?? process.cwd();
  const source = options.source ?? `experiment '${experiment.name}'`;
  const runs = runsFormats(options.runs);
  const shard = options.shard ?? null;
  const input = scenarioInput(experiment, baseDir, source);
  const scenario = absoluteModule(parseScenario(input, source, 'scenario'), baseDir);
  const paths = experiment.parameters.map((p) => p.path);
  const segments = experiment.parameters.map(({ path, alternatives }) => {
    try {
      return resolveParameterPath(path, scenario, alternatives ? 'object' : 'value');
    } catch (error) {
      throw new UserError(`${source}: ${(error as Error).message}`);
    }
  });
  const force = options.force ?? false;
  const workers = options.workers ?? availableParallelism();
  const names = scenario.countries.map((c) => c.name);
  const size = designSize(experiment.parameters, experiment.design);
  const sums = sumsLength({ countries: names, dimensions: scenario.space.D });
  if (size !== undefined) checkCellBudget(size, cellBytes(paths.length, sums), source, force);
  let table: DesignTable;
  try {
    table = designTable(experiment.parameters, experiment.design, experiment.seed);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(`${source}: ${error.message}`);
  }
  const cells = new CellList(table);
  checkCellBudget(cells.length, cellBytes(paths.length, sums), source, force);
  const mine = shard ? new CellList(table, shard.index - 1, shard.count) : cells;
  if (mine.length === 0) {
    throw new UserError(
      `--shard ${shard!.index}/${shard!.count}: the design has ${cells.length} cell(s), so shard ${shard!.index} would have none; use at most ${cells.length} shards`,
    );
  }
  // The built-in and registered protocols, and the one the base scenario's module provides.
  const protocols = new Set(protocolNames());
  if (scenario.protocol.module !== undefined) protocols.add(scenario.protocol.name);
  let dimensions = scenario.space.D;
  let work = 0;
  const limit = memoryLimit();
  const everyCell = cells.length <= CHECKED_CELLS;
  const checked = everyCell
    ? Array.from({ length: cells.length }, (_, i) => i)
    : representativeCells(table);
  const largest = everyCell ? [] : largestNumbers(experiment.parameters, table);
  for (const index of checked) {
    const cell = cells.at(index);
    const s = cellScenario({ scenario, segments, experiment }, cell, source);
    const where = `${source}, cell ${cell.index} ${cell.key}`;
    const cellNames = s.countries.map((c) => c.name);
    if (cellNames.join('\u0000') !== names.join('\u0000')) {
      throw new UserError(
        `${where}: the countries must be the same in every cell (${names.join(', ')}), got ${cellNames.join(', ')}`,
      );
    }
    if (!protocols.has(s.protocol.name)) {
      throw new UserError(
        `${where}: scenario.protocol.name: unknown protocol '${s.protocol.name}'; valid: ${[...protocols].join(', ')}`,
      );
    }
    // Checked by its representatives, a design's largest game is bounded by each of them with
    // every numeric parameter at its largest value (games grow with every size they read).
    let sized = s;
    largest.forEach((max, p) => {
      if (max !== undefined) sized = withParameter(sized, segments[p]!, max) as Scenario;
    });
    const sizedWhere =
      sized === s ? where : `${where} with every numeric parameter at its largest value`;
    checkGameBudget(sized, sizedWhere, Math.min(workers, mine.length), force, limit);
    work = Math.max(work, runWork(sized));
    dimensions = Math.max(dimensions, s.space.D);
  }
  const replications = replicationRule(experiment.replications, source);
  checkSweepBudget(mine.length * replications.max, work, source, force);
  const distinct = distinctCells(table);
  if (distinct !== cells.length) {
    throw new UserError(
      `${source}: the design repeats a cell (${cells.length} cells, ${distinct} distinct); give each parameter distinct values`,
    );
  }
  const layout = { countries: names, dimensions };
  try {
    checkHypotheses(experiment.hypotheses, paths, layout, {
      kind: experiment.design.kind,
      crn: experiment.crn,
      // the hypotheses read the cells' values (made only when there are hypotheses)
      cells: experiment.hypotheses.length > 0 ? cellsOf(table) : [],
      adaptive: typeof experiment.replications !== 'number',
    });
    checkFigures(experiment.figures, experiment.parameters, layout, experiment.design);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(`${source}: ${error.message}`);
  }
  const parameterTypes = paths.map((_, p) => parameterType(table, p));
  const columns = parameterColumns(paths.map((path, k) => ({ path, type: parameterTypes[k]! })));
  const maxBatch =
    options.maxBatch ?? (replications.target === null ? MAX_BATCH : MAX_ADAPTIVE_BATCH);
  const batchSize = Math.ceil(replications.min / Math.ceil(replications.min / maxBatch));
  const batchesPerCell = Math.ceil(replications.max / batchSize);
  const moduleFile = scenario.protocol.module;
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify({
        format: 2,
        toolkitVersion: softwareVersions().package.version,
        name: experiment.name,
        // The module by its path from the experiment's folder (the folder may move) and its source.
        scenario: moduleFile
          ? {
              ...scenario,
              protocol: { ...scenario.protocol, module: relative(baseDir, moduleFile) },
            }
          : scenario,
        protocolSource:
          moduleFile && existsSync(moduleFile) ? readFileSync(moduleFile, 'utf8') : null,
        parameters: experiment.parameters,
        design: experiment.design,
        replications: experiment.replications,
        seed: experiment.seed,
        crn: experiment.crn,
        runs,
        batchSize,
      }),
    )
    .digest('hex');
  return {
    experiment,
    scenario,
    segments,
    parameterTypes,
    parameterColumns: columns,
    cells,
    mine,
    layout,
    replications,
    batchSize,
    batchesPerCell,
    runs,
    shard,
    fingerprint,
  };
}

/** The replications `[first, first + count)` of batch `b` of a cell. */
export function batchRange(plan: Plan, batch: number): { first: number; count: number } {
  const first = batch * plan.batchSize;
  return { first, count: Math.min(plan.batchSize, plan.replications.max - first) };
}
