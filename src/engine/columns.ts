/**
 * The columns a sweep writes: one row per run in `runs/*.parquet` (or `.arrow`, `.csv`), one
 * row per cell in `cells.parquet`, `cells.arrow` and `cells.csv`. Every column is non-nullable
 * except `x_<d>`. For a scenario with countries named `A`, `B`, ...
 * (column names use the scenario's country names) in an agreement space of dimension `D`:
 *
 * **Per-run columns** (`runs/`), rows ordered by cell, then replication:
 *
 * | column | type | meaning |
 * |---|---|---|
 * | `cell` | int32 | index of the cell in the design (0, 1, ...) |
 * | `replication` | int32 | replication index `r` within the cell (0, 1, ...) |
 * | `seed` | utf8 | the run's seed (16 hex digits); `twolevel replay` replays the game |
 * | `outcome` | category | `agreement`, `no_agreement`, `involuntary_defection`, `voluntary_defection` or `aborted` |
 * | `defector` | int32 | index of the country that defected (position in `countries`), -1 when none |
 * | `defection_period` | int32 | period h (1..H) in which a ratified agreement was reneged on, 0 otherwise |
 * | `rounds` | int32 | Level I rounds played (all reopenings included) |
 * | `reopenings` | int32 | times Level I reopened after a failed ratification |
 * | `x_1` .. `x_D` | float64, nullable | the last tentative agreement point, ratified or not; null when none was reached |
 * | `gain_<c>` | float64 | country c's median constituent: utility at the ratified x minus at no agreement (0 when none was ratified) |
 * | `negotiator_gain_<c>` | float64 | country c's chief negotiator: the same gain (0 when none was ratified) |
 * | `winset_<c>` | float64 | size of country c's true win-set `|W_c|` as first drawn |
 * | `side_payments_<c>` | float64 | side payments spent by country c's negotiator |
 * | `true_overlap` | float64 | measure of the intersection of the true win-sets |
 * | `believed_overlap` | float64 | measure of the agreements the first proposer believes every country ratifies |
 *
 * **Per-cell running sums** (`cells.arrow`), one row per cell, ordered by `cell`:
 *
 * | column | type | meaning |
 * |---|---|---|
 * | `cell` | int32 | index of the cell in the design |
 * | `key` | utf8 | the cell key (canonical JSON of its parameter values, see seeds.ts) |
 * | `<parameter column>` | float64, utf8 or bool | the cell's value of each varied parameter; the column name is the path made safe ({@link parameterColumnName}) |
 * | `runs` | int32 | runs done |
 * | `agreement`, `no_agreement`, `involuntary_defection`, `voluntary_defection`, `aborted` | int32 | runs ending in each outcome |
 * | `tentative` | int32 | runs that reached a tentative agreement at Level I at least once (outcome not `no_agreement` or `aborted`, or reopened) |
 * | `ratified` | int32 | runs whose agreement was ratified: `agreement` + `voluntary_defection` |
 * | `n_<m>` | int32 | runs counted in metric m's sums (see below) |
 * | `sum_<m>` | float64 | sum of metric m over those runs |
 * | `sumsq_<m>` | float64 | sum of squares of metric m over those runs |
 *
 * The metrics m are `rounds`, `reopenings`, `winset_<c>`, `side_payments_<c>`,
 * `true_overlap`, `believed_overlap` (over all runs) and `x_<d>`, `gain_<c>`,
 * `negotiator_gain_<c>` (over ratified runs only: the terms of an agreement that held at
 * Level II). Within those runs a NaN value is left out, so `n_<m>` is the count of finite
 * values. The ratification failure rate is `involuntary_defection / tentative`; a mean is
 * `sum / n`, a variance `(sumsq - sum^2 / n) / (n - 1)`.
 *
 * Sums are added run by run in replication order within a batch, and batches in order
 * within a cell, so they are bit-identical whatever the worker count, shard or resume.
 * @module
 */
import { type GameRecord, OUTCOMES, type Outcome } from '../negotiation/record.ts';

export { OUTCOMES, type Outcome };

/** What fixes the columns of a sweep: the country names (in order) and the dimension `D`. */
export interface RunLayout {
  countries: readonly string[];
  dimensions: number;
}

/**
 * A column's storage type: int32, float64, utf8 (plain strings), bool, or `category` (a
 * label out of a fixed list, held in memory as its code: Arrow dictionary, Parquet ENUM,
 * CSV label).
 */
export type ColumnType = 'int32' | 'float64' | 'utf8' | 'bool' | 'category';

/** A column of an output table: its name, storage type and meaning (for the README). */
export interface ColumnSpec {
  name: string;
  type: ColumnType;
  meaning: string;
  /**
   * Whether the column may hold null ("no value"); only float64 columns may, and a NaN
   * in memory is written as null. Every other column is marked non-nullable in the file.
   */
  nullable?: boolean;
  /** A `category` column's labels, by code. */
  labels?: readonly string[];
  /** A parameter column's path in the scenario (its name is {@link parameterColumnName}). */
  path?: string;
}

/** A varied parameter as the result files store it: its path, column name and type. */
export interface ParameterColumn {
  path: string;
  /** A name R, pandas and SQL keep as it is (see {@link parameterColumnName}). */
  column: string;
  type: ColumnType;
}

/**
 * The column name of a varied parameter: its path with every run of characters other than
 * ASCII letters, digits and `_` turned into one `_` (R's `read.csv` would otherwise mangle
 * `chambers[1].quota` into `chambers.1..quota`), with `_2`, `_3`, ... appended when two
 * paths give the same name. The path itself is kept in the manifest and the file metadata.
 *
 * @example
 * parameterColumnName('countries.B.ratification.chambers[1].quota', []);
 * // 'countries_B_ratification_chambers_1_quota'
 */
export function parameterColumnName(path: string, taken: readonly string[]): string {
  const base = path.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'parameter';
  const start = /^[A-Za-z]/.test(base) ? base : `p_${base}`;
  let name = start;
  for (let k = 2; taken.includes(name); k++) name = `${start}_${k}`;
  return name;
}

/** The parameter columns of a sweep's varied parameters, names made safe and distinct. */
export function parameterColumns(
  parameters: readonly { path: string; type: ColumnType }[],
): ParameterColumn[] {
  const taken: string[] = [...FIXED_CELL_COLUMNS];
  return parameters.map((p) => {
    const column = parameterColumnName(p.path, taken);
    taken.push(column);
    return { path: p.path, column, type: p.type };
  });
}

/** Names of the cells table's columns other than the parameters (a parameter may not take one). */
const FIXED_CELL_COLUMNS = ['cell', 'key', 'runs', 'tentative', 'ratified'];

/** A numeric per-run quantity summed per cell, and over which runs. */
export interface Metric {
  name: string;
  over: 'all' | 'ratified';
  meaning: string;
}

/** The metrics summed per cell, in storage order: whole-run ones, then per dimension and country. */
export function cellMetrics(layout: RunLayout): Metric[] {
  const metrics: Metric[] = [
    { name: 'rounds', over: 'all', meaning: 'Level I rounds played, all sessions' },
    { name: 'reopenings', over: 'all', meaning: 'times Level I reopened after a failed vote' },
  ];
  for (let d = 1; d <= layout.dimensions; d++) {
    metrics.push({
      name: `x_${d}`,
      over: 'ratified',
      meaning: `last tentative agreement point, dimension ${d}, ratified or not (null when none was reached)`,
    });
  }
  for (const c of layout.countries) {
    const ratified = 'at the ratified agreement minus at no agreement (0 when none was ratified)';
    metrics.push(
      {
        name: `gain_${c}`,
        over: 'ratified',
        meaning: `${c}'s median constituent: utility ${ratified}`,
      },
      {
        name: `negotiator_gain_${c}`,
        over: 'ratified',
        meaning: `${c}'s negotiator: utility ${ratified}`,
      },
      { name: `winset_${c}`, over: 'all', meaning: `size of ${c}'s true win-set as first drawn` },
      {
        name: `side_payments_${c}`,
        over: 'all',
        meaning: `side payments spent by ${c}'s negotiator`,
      },
    );
  }
  metrics.push(
    {
      name: 'true_overlap',
      over: 'all',
      meaning: 'measure of the intersection of the true win-sets',
    },
    {
      name: 'believed_overlap',
      over: 'all',
      meaning: 'measure of the agreements the first proposer believes every country ratifies',
    },
  );
  return metrics;
}

/** The per-run columns, in file order (see the module comment). */
export function runColumns(layout: RunLayout): ColumnSpec[] {
  return [
    { name: 'cell', type: 'int32', meaning: 'index of the cell in the design' },
    { name: 'replication', type: 'int32', meaning: 'replication index within the cell' },
    { name: 'seed', type: 'utf8', meaning: "the run's seed; `twolevel replay` replays it" },
    {
      name: 'outcome',
      type: 'category',
      labels: OUTCOMES,
      meaning: `how the game ended: ${OUTCOMES.map((o) => `\`${o}\``).join(', ')}`,
    },
    { name: 'defector', type: 'int32', meaning: 'index of the defecting country, -1 when none' },
    {
      name: 'defection_period',
      type: 'int32',
      meaning: 'period h (1..H) of a voluntary defection, 0 otherwise',
    },
    ...cellMetrics(layout).map((m) => ({
      name: m.name,
      type: (m.name === 'rounds' || m.name === 'reopenings' ? 'int32' : 'float64') as ColumnType,
      meaning: m.meaning,
      ...(/^x_\d+$/.test(m.name) ? { nullable: true } : {}),
    })),
  ];
}

/** The per-cell columns, in file order, for the varied parameters ({@link parameterColumns}). */
export function cellColumns(
  layout: RunLayout,
  parameters: readonly ParameterColumn[],
): ColumnSpec[] {
  const columns: ColumnSpec[] = [
    { name: 'cell', type: 'int32', meaning: 'index of the cell in the design' },
    { name: 'key', type: 'utf8', meaning: 'cell key: canonical JSON of its parameter values' },
    ...parameters.map((p) => ({
      name: p.column,
      type: p.type,
      path: p.path,
      meaning: `the cell's value of \`${p.path}\``,
    })),
    { name: 'runs', type: 'int32', meaning: 'runs done' },
    ...OUTCOMES.map((o) => ({ name: o, type: 'int32' as const, meaning: `runs ending in ${o}` })),
    { name: 'tentative', type: 'int32', meaning: 'runs that reached a tentative agreement' },
    { name: 'ratified', type: 'int32', meaning: 'runs whose agreement was ratified' },
  ];
  for (const m of cellMetrics(layout)) {
    const over = m.over === 'all' ? 'all runs' : 'ratified runs';
    columns.push(
      { name: `n_${m.name}`, type: 'int32', meaning: `${over} with a finite ${m.name}` },
      { name: `sum_${m.name}`, type: 'float64', meaning: `sum of ${m.meaning}` },
      { name: `sumsq_${m.name}`, type: 'float64', meaning: `sum of squares of ${m.meaning}` },
    );
  }
  return columns;
}

/** Offsets into a cell's sums vector: runs, the outcome counts, tentative, ratified, metrics. */
const SUM_RUNS = 0;
const SUM_OUTCOMES = 1;
const SUM_TENTATIVE = SUM_OUTCOMES + OUTCOMES.length;
const SUM_RATIFIED = SUM_TENTATIVE + 1;
const SUM_METRICS = SUM_RATIFIED + 1;

/** Length of a cell's sums vector: the counts, then `(n, sum, sumsq)` per metric. */
export function sumsLength(layout: RunLayout) {
  return SUM_METRICS + 3 * cellMetrics(layout).length;
}

/**
 * Adds a batch's sums into a cell's, element by element (`total[k] += batch[k]`); done
 * in batch order, the totals are the same bits wherever the batches ran.
 */
export function addSums(total: Float64Array, batch: Float64Array) {
  for (let k = 0; k < total.length; k++) total[k]! += batch[k]!;
}

const OUTCOME_CODE: Record<Outcome, number> = {
  agreement: 0,
  no_agreement: 1,
  involuntary_defection: 2,
  voluntary_defection: 3,
  aborted: 4,
};

/**
 * The columns and running sums of a batch of consecutive replications of one cell.
 * Columns are preallocated typed arrays (none with `keepRuns = false`, for `--runs none`);
 * {@link RunBatch.record} writes one run without allocating.
 */
export class RunBatch {
  readonly sums: Float64Array;
  readonly outcome: Uint8Array;
  readonly defector: Int32Array;
  readonly defectionPeriod: Int32Array;
  readonly rounds: Int32Array;
  readonly reopenings: Int32Array;
  /** The float64 metric columns other than rounds and reopenings, in {@link cellMetrics} order. */
  readonly values: Float64Array[];
  private readonly countries: number;
  private readonly dimensions: number;
  private readonly ratifiedOnly: Uint8Array;
  private readonly scratch: Float64Array;

  constructor(
    readonly layout: RunLayout,
    readonly size: number,
    readonly keepRuns: boolean,
  ) {
    const metrics = cellMetrics(layout);
    const n = keepRuns ? size : 0;
    this.sums = new Float64Array(sumsLength(layout));
    this.outcome = new Uint8Array(n);
    this.defector = new Int32Array(n);
    this.defectionPeriod = new Int32Array(n);
    this.rounds = new Int32Array(n);
    this.reopenings = new Int32Array(n);
    this.values = metrics.slice(2).map(() => new Float64Array(n));
    this.countries = layout.countries.length;
    this.dimensions = layout.dimensions;
    this.ratifiedOnly = Uint8Array.from(metrics, (m) => (m.over === 'ratified' ? 1 : 0));
    this.scratch = new Float64Array(metrics.length);
  }

  /** Stores run `i` of the batch (0-based) and adds it to the sums. */
  record(i: number, run: GameRecord) {
    const code = OUTCOME_CODE[run.outcome];
    const ratified = code === 0 || code === 3;
    // aborted talks (4) never reached a tentative agreement, like no_agreement (1)
    const tentative = (code !== 1 && code !== 4) || run.reopenings > 0;
    const s = this.sums;
    s[SUM_RUNS]! += 1;
    s[SUM_OUTCOMES + code]! += 1;
    if (tentative) s[SUM_TENTATIVE]! += 1;
    if (ratified) s[SUM_RATIFIED]! += 1;
    const v = this.scratch;
    v[0] = run.rounds;
    v[1] = run.reopenings;
    let k = 2;
    const x = run.agreement;
    for (let d = 0; d < this.dimensions; d++) v[k++] = d < x.length ? x[d]! : Number.NaN;
    for (let c = 0; c < this.countries; c++) {
      v[k++] = run.medianGain[c]!;
      v[k++] = run.negotiatorGain[c]!;
      v[k++] = run.winSetSize[c]!;
      v[k++] = run.sidePayments[c]!;
    }
    v[k++] = run.overlapSize;
    v[k++] = run.believedOverlapSize;
    for (let m = 0; m < k; m++) {
      const value = v[m]!;
      if ((this.ratifiedOnly[m] === 1 && !ratified) || !Number.isFinite(value)) continue;
      const at = SUM_METRICS + 3 * m;
      s[at]! += 1;
      s[at + 1]! += value;
      s[at + 2]! += value * value;
    }
    if (!this.keepRuns) return;
    this.outcome[i] = code;
    this.defector[i] = run.defector;
    this.defectionPeriod[i] = run.defectionPeriod;
    this.rounds[i] = run.rounds;
    this.reopenings[i] = run.reopenings;
    for (let m = 2; m < k; m++) this.values[m - 2]![i] = v[m]!;
  }

  /** The numeric run columns by name (without `cell`, `replication`, `seed`), for `n` runs. */
  columns(n = this.size): Record<string, Uint8Array | Int32Array | Float64Array> {
    const metrics = cellMetrics(this.layout);
    const out: Record<string, Uint8Array | Int32Array | Float64Array> = {
      outcome: this.outcome.subarray(0, n),
      defector: this.defector.subarray(0, n),
      defection_period: this.defectionPeriod.subarray(0, n),
      rounds: this.rounds.subarray(0, n),
      reopenings: this.reopenings.subarray(0, n),
    };
    for (let m = 2; m < metrics.length; m++) {
      out[metrics[m]!.name] = this.values[m - 2]!.subarray(0, n);
    }
    return out;
  }
}

/**
 * The rates a summary reports, each as successes over trials (column names of `cells.arrow`):
 * the four outcomes over all runs, and the conditional ratification failure rate,
 * involuntary defections over runs that reached a tentative agreement.
 */
export const SUMMARY_RATES = [
  ...OUTCOMES.map((o) => ({ name: o, successes: o, trials: 'runs' })),
  { name: 'ratification_failure', successes: 'involuntary_defection', trials: 'tentative' },
] as const;

/** Where a rate's successes and trials sit in a cell's sums vector. */
export interface RateSumIndex {
  successes: number;
  trials: number;
}

/** The positions of a rate of {@link SUMMARY_RATES} in a cell's sums vector, or null for another name. */
export function rateSumIndex(name: string): RateSumIndex | null {
  const rate = SUMMARY_RATES.find((r) => r.name === name);
  if (!rate) return null;
  const at = (column: string) =>
    column === 'runs'
      ? SUM_RUNS
      : column === 'tentative'
        ? SUM_TENTATIVE
        : SUM_OUTCOMES + OUTCOMES.indexOf(column as Outcome);
  return { successes: at(rate.successes), trials: at(rate.trials) };
}

/** The names a hypothesis or figure may use for a rate: the outcomes and `ratification_failure`. */
export const RATE_NAMES: readonly string[] = SUMMARY_RATES.map((r) => r.name);

/**
 * The metrics whose means a summary reports: rounds, each country's median-constituent and
 * negotiator gains (over ratified runs), each country's win-set size, and the true overlap.
 */
export function summaryMetrics(layout: RunLayout): string[] {
  return [
    'rounds',
    ...layout.countries.map((c) => `gain_${c}`),
    ...layout.countries.map((c) => `negotiator_gain_${c}`),
    ...layout.countries.map((c) => `winset_${c}`),
    'true_overlap',
  ];
}
