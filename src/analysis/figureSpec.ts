import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { gainsChart } from '../charts/gainsChart.ts';
import { heatmapChart } from '../charts/heatmapChart.ts';
import { morrisChart } from '../charts/morrisChart.ts';
import { outcomeSharesChart } from '../charts/outcomeSharesChart.ts';
import { partialDependenceChart } from '../charts/partialDependenceChart.ts';
import { rateChart } from '../charts/rateChart.ts';
import { scatterChart } from '../charts/scatterChart.ts';
import { sensitivityChart } from '../charts/sensitivityChart.ts';
import { type FigureOptions, OUTCOME_LABELS } from '../charts/theme.ts';
import { tradeoffChart } from '../charts/tradeoffChart.ts';
import { checkFigure } from '../engine/checkFigures.ts';
import { OUTCOMES, type Outcome, RATE_NAMES, summaryMetrics } from '../engine/columns.ts';
import type { Figure } from '../engine/experiment.ts';
import { UserError } from '../errors.ts';
import { binnedMeans } from './binnedMeans.ts';
import { cellOutput } from './cellOutputs.ts';
import { casesText, type Discovery, restrictedCount } from './discovery.ts';
import { type MorrisSensitivity, morrisSensitivity, type OutputMorris } from './morris.ts';
import { parameterLabel } from './parameterLabel.ts';
import { partialDependence } from './partialDependence.ts';
import type { Results } from './readResults.ts';
import { type OutputSensitivity, type Sensitivity, sensitivity } from './sensitivity.ts';
import { summarize } from './summarize.ts';

/** How a mean is named on an axis, e.g. `winset_B` as "Size of B's win-set |W_B|". */
function metricLabel(metric: string): string {
  const country = /_([^_]+)$/.exec(metric)?.[1];
  if (metric.startsWith('winset_')) return `Size of ${country}'s win-set |W_${country}|`;
  if (metric.startsWith('negotiator_gain_')) return `${country}'s negotiator's gain`;
  if (metric.startsWith('gain_')) return `${country}'s median constituent's gain`;
  return metric.replace(/_/g, ' ');
}

/** Most gains drawn per box group: a systematic sample keeps box plots quick to draw. */
export const GAINS_SAMPLE = 2000;

/** How a rate is named in a legend or title. */
function rateLabel(rate: string): string {
  return rate === 'ratification_failure'
    ? 'Ratification failure'
    : (OUTCOME_LABELS[rate as Outcome] ?? rate);
}

type Row = Record<string, number | string | boolean>;

/** The summary rows grouped by `by`. */
function summaryRows(results: Results, by: string[]): Row[] {
  return summarize(
    results.cells,
    results.parameters,
    results.manifest.layout,
    by,
  ).objects() as Row[];
}

/** A figure's outcomes: the declared ones, else every outcome that occurred. */
function figureOutcomes(figure: Figure, rows: Row[]) {
  return (
    figure.outcomes ?? OUTCOMES.filter((o) => rows.some((r) => (r[`${o}_rate`] as number) > 0))
  );
}

/**
 * The Vega-Lite spec of one of an experiment's declared figures, from its results:
 *
 * - `rate`: each outcome's rate (default: every outcome that occurred) against parameter `x`
 *   with its Wilson 95% interval, one dashed line per value of `series` when given, pooled
 *   over the other parameters ({@link rateChart}); `x` may instead name a mean of
 *   {@link summaryMetrics} (e.g. `winset_B`): each cell is then drawn at its mean;
 * - `heatmap`: one rate (`outcomes[0]`, default agreement; `ratification_failure` allowed) over
 *   parameters `x` and `y`, each cell labelled, the colour scale on [0, 1] or, when every rate
 *   is below 0.5, on [0, the next tenth above the highest] ({@link heatmapChart});
 * - `shares`: the outcome shares of each cell, or of each value of `x` when given
 *   ({@link outcomeSharesChart});
 * - `gains`: each country's median-constituent gain in ratified runs, grouped by the value of
 *   `series` when given, else by which country had the smaller true win-set (Putnam's Schelling
 *   conjecture), a systematic sample of at most {@link GAINS_SAMPLE} runs per group
 *   ({@link gainsChart}); needs the per-run rows.
 *
 * @param results the results folder
 * @param figure the declared figure
 * @param index its position in the experiment's `figures` (for messages)
 * @param options theme and width
 * @param runs reads the per-run rows (only called for `gains`)
 * @throws UserError when the figure names a missing parameter or an unknown outcome
 */
export function figureSpec(
  results: Results,
  figure: Figure,
  index: number,
  options: FigureOptions,
  runs: () => ColumnTable,
): TopLevelSpec {
  const experiment = results.manifest.experiment;
  checkFigure(figure, index, experiment.parameters, results.manifest.layout, experiment.design);
  const chart = { ...options, title: figure.title ?? options.title };
  if (figure.kind === 'scatter') return scatterFigure(results, figure, chart);
  if (figure.kind === 'partial') return partialFigure(results, figure, index, chart);
  if (figure.kind === 'sensitivity' && experiment.design.kind === 'morris') {
    const output = figure.outcomes?.[0] ?? 'agreement';
    const result = morrisSensitivity(results, { outputs: [output] });
    const measures = result.outputs[0]!;
    if (measures.skipped) {
      throw new UserError(
        `figures[${index}] '${figure.name}': no Morris measures of ${output}: ${measures.skipped}`,
      );
    }
    return morrisFigure(result, measures, chart);
  }
  if (figure.kind === 'sensitivity') {
    const output = figure.outcomes?.[0] ?? 'agreement';
    const result = sensitivity(results, { outputs: [output] });
    const indices = result.outputs[0]!;
    if (indices.skipped) {
      throw new UserError(
        `figures[${index}] '${figure.name}': no Sobol indices of ${output}: ${indices.skipped}`,
      );
    }
    return sensitivityFigure(result, indices, chart);
  }
  if (figure.kind === 'rate') {
    const metrics = summaryMetrics(results.manifest.layout);
    const xIsMean = figure.x !== undefined && metrics.includes(figure.x);
    const x = xIsMean ? figure.x! : figure.x!;
    const series = figure.series === undefined ? undefined : figure.series!;
    // Against a mean (e.g. winset_B): one point per cell, at the cell's mean.
    const rows = summaryRows(results, xIsMean ? results.parameters : series ? [x, series] : [x]);
    const outcomes = figureOutcomes(figure, rows);
    const seriesLevel = series ? levelText(rows.map((r) => r[series]!)) : undefined;
    const points = rows.flatMap((row) =>
      outcomes.map((outcome) => ({
        x: Number(xIsMean ? row[`${x}_mean`] : row[x]),
        outcome,
        rate: row[`${outcome}_rate`] as number,
        lo: row[`${outcome}_lo`] as number,
        hi: row[`${outcome}_hi`] as number,
        ...(series && { series: seriesLevel!(row[series]!) }),
      })),
    );
    return rateChart(points, {
      ...chart,
      ...pooledOver(results, xIsMean ? results.parameters : [x, ...(series ? [series] : [])]),
      xTitle: xIsMean ? metricLabel(x) : parameterLabel(x),
      ...(series && { seriesTitle: parameterLabel(series) }),
    });
  }
  if (figure.kind === 'heatmap') {
    const x = figure.x!;
    const y = figure.y!;
    const rows = summaryRows(results, [x, y]);
    const rate = figure.outcomes?.[0] ?? 'agreement';
    const cells = rows.map((row) => ({
      x: row[x] as number,
      y: row[y] as number,
      rate: row[`${rate}_rate`] as number,
    }));
    // A rare outcome would be one colour on [0, 1]: the scale then ends at the next tenth.
    const highest = Math.max(...cells.map((c) => c.rate));
    const top = highest < 0.5 ? Math.max(0.1, Math.ceil(highest * 10) / 10) : 1;
    return heatmapChart(cells, {
      ...chart,
      ...pooledOver(results, [x, y]),
      xDigits: levelDigits(cells.map((c) => c.x)),
      yDigits: levelDigits(cells.map((c) => c.y)),
      xTitle: parameterLabel(x),
      yTitle: parameterLabel(y),
      legendTitle: `${rateLabel(rate!)} rate`,
      domain: [0, top],
      cellLabels: true,
    });
  }
  if (figure.kind === 'shares') {
    const by = figure.x === undefined ? results.parameters : [figure.x!];
    const rows = summaryRows(results, by);
    const names = by.length === 1 ? [''] : cellNames(by);
    const occurred = OUTCOMES.filter((o) => rows.some((r) => (r[`${o}_rate`] as number) > 0));
    const levels = by.map((p) => levelText(rows.map((r) => r[p]!)));
    const shares = rows.flatMap((row) => {
      const cell =
        by.length > 0
          ? by.map((p, k) => `${names[k]}${levels[k]!(row[p]!)}`).join(', ')
          : 'all runs';
      return occurred.map((outcome) => ({
        cell,
        outcome,
        share: row[`${outcome}_rate`] as number,
      }));
    });
    return outcomeSharesChart(shares, {
      ...chart,
      ...pooledOver(results, by),
      ...(by.length === 1 && { cellTitle: parameterLabel(by[0]!) }),
    });
  }
  return gainsChart(gainRows(results, figure, index, runs()), {
    ...chart,
    ...pooledOver(results, figure.series === undefined ? [] : [figure.series]),
    gainTitle: 'Median constituent’s gain',
    groupTitle: figure.series === undefined ? 'Smaller win-set' : parameterLabel(figure.series),
  });
}

/** Per-country gains of ratified runs, grouped and sampled (see {@link figureSpec}). */
function gainRows(results: Results, figure: Figure, index: number, runs: ColumnTable) {
  const countries = results.manifest.layout.countries;
  const series = figure.series === undefined ? undefined : figure.series!;
  const cellValue = new Map(
    results.manifest.cells.map((c) => [c.index, series ? `${c.values[series]}` : '']),
  );
  const cell = runs.array('cell') as ArrayLike<number>;
  const outcome = runs.array('outcome') as ArrayLike<number>;
  const gains = countries.map((c) => runs.array(`gain_${c}`) as ArrayLike<number>);
  const winSets = countries.map((c) => runs.array(`winset_${c}`) as ArrayLike<number>);
  const byGroup = new Map<string, number[]>();
  for (let i = 0; i < cell.length; i++) {
    if (outcome[i] !== 0 && outcome[i] !== 3) continue;
    let group = cellValue.get(cell[i]!)!;
    if (!series) {
      let smallest = 0;
      let tie = false;
      for (let c = 1; c < countries.length; c++) {
        const size = winSets[c]![i]!;
        if (size < winSets[smallest]![i]!) {
          smallest = c;
          tie = false;
        } else if (size === winSets[smallest]![i]!) tie = true;
      }
      if (tie) continue;
      group = countries[smallest]!;
    }
    if (!byGroup.has(group)) byGroup.set(group, []);
    byGroup.get(group)!.push(i);
  }
  if (byGroup.size === 0) {
    throw new UserError(
      `figures[${index}] '${figure.name}': no ratified run${series ? '' : ' with unequal win-sets'} to draw gains from.`,
    );
  }
  const groups = [...byGroup.keys()].sort((a, b) =>
    series ? Number(a) - Number(b) : countries.indexOf(a) - countries.indexOf(b),
  );
  return groups.flatMap((group) => {
    const members = byGroup.get(group)!;
    const stride = Math.max(1, Math.ceil(members.length / GAINS_SAMPLE));
    const rows: { country: string; gain: number; group: string }[] = [];
    for (let k = 0; k < members.length; k += stride) {
      const i = members[k]!;
      countries.forEach((country, c) => {
        const gain = gains[c]![i]!;
        if (Number.isFinite(gain)) rows.push({ country, gain, group });
      });
    }
    return rows;
  });
}

/**
 * Short names of parameters for cell labels, `θ = ` style: the model's symbol ending the
 * parameter's label when there is one and no other parameter shares it, else the full label.
 */
function cellNames(by: readonly string[]): string[] {
  const symbols = by.map((p) => /\s(\S)$/.exec(parameterLabel(p))?.[1]);
  return by.map((p, k) => {
    const symbol = symbols[k];
    const unique = symbol !== undefined && symbols.filter((s) => s === symbol).length === 1;
    return `${unique ? symbol : parameterLabel(p)} = `;
  });
}

/** PRIM's coverage-density trade-off of a discovery ({@link tradeoffChart}), its cases in the subtitle. */
export function discoveryFigure(result: Discovery, options: FigureOptions) {
  return tradeoffChart(
    [
      ...result.trajectory.map((box, step) => ({
        step,
        coverage: box.coverage,
        density: box.density,
        restricted: restrictedCount(result, box),
        chosen: step === result.chosen,
      })),
      {
        step: 'pasted' as const,
        coverage: result.box.coverage,
        density: result.box.density,
        restricted: restrictedCount(result, result.box),
      },
    ],
    {
      ...options,
      subtitle: `Cases: ${casesText(result)}. Ringed: the chosen box; cross: after pasting (coverage ${result.box.coverage.toFixed(2)}, density ${result.box.density.toFixed(2)}).`,
    },
  );
}

/** The Sobol indices of one output as bars ({@link sensitivityChart}), parameters by their labels. */
export function sensitivityFigure(
  result: Sensitivity,
  output: OutputSensitivity,
  options: FigureOptions,
) {
  return sensitivityChart(
    output.indices.map((p, i) => ({ ...p, parameter: parameterLabel(result.parameters[i]!) })),
    {
      ...options,
      title: options.title ?? `Sobol indices: ${rateOrMetricLabel(output.output)}`,
      subtitle: `N = ${result.baseCells} base points, ${result.replications} runs per cell; bars: 95% bootstrap intervals${output.corrected ? '; corrected for replication noise' : ''}`,
    },
  );
}

/** The Morris plot of one output ({@link morrisChart}): mu* against sigma, parameters by their labels. */
export function morrisFigure(
  result: MorrisSensitivity,
  output: OutputMorris,
  options: FigureOptions,
) {
  return morrisChart(
    output.measures.map((m, i) => ({ ...m, parameter: parameterLabel(result.parameters[i]!) })),
    {
      ...options,
      title: options.title ?? `Morris screening: ${rateOrMetricLabel(output.output)}`,
      subtitle: `r = ${result.trajectories} trajectories, p = ${result.levels} levels, ${result.replications} runs per cell; lines: 95% bootstrap intervals of μ*`,
    },
  );
}

/** An output's name in words: a rate's label, or a metric's. */
function rateOrMetricLabel(output: string): string {
  return (RATE_NAMES as readonly string[]).includes(output)
    ? rateLabel(output)
    : metricLabel(output);
}

/**
 * The subtitle of a figure that pools cells: `Pooled over <the parameters not kept>`, or
 * nothing when every varied parameter is kept (each point is one cell). With adaptive
 * replication it adds that the pooled cells are weighted by runs their outcomes chose.
 */
function pooledOver(results: Results, kept: readonly string[]): { subtitle?: string } {
  const others = results.parameters.filter((p) => !kept.includes(p));
  if (others.length === 0) return {};
  const weights = results.manifest.adaptive
    ? ' (cells weighted by their adaptive runs, which their outcomes chose)'
    : '';
  return { subtitle: `Pooled over ${others.map(parameterLabel).join(', ')}${weights}` };
}

/**
 * The decimals that write a parameter's numeric levels as the design states them: the fewest
 * (0 to 6) that reproduce every level to 1e-9 of its size (so `0.30000000000000004` is
 * written 0.3, the float noise of `0.1 + 0.2` dropped), or, for levels no such decimal
 * reproduces (sampled values), the fewest (at least 2) that keep them distinct.
 *
 * @example
 * levelDigits([0.1, 0.1 + 0.2, 0.5]); // => 1
 * levelDigits([0.5, 0.67, 0.75]); // => 2
 */
export function levelDigits(levels: readonly unknown[]): number | undefined {
  const numbers = [...new Set(levels.filter((v): v is number => typeof v === 'number'))];
  if (numbers.length === 0) return undefined;
  for (let d = 0; d <= 6; d++) {
    const exact = numbers.every(
      (v) => Math.abs(Number(v.toFixed(d)) - v) <= 1e-9 * Math.max(1, Math.abs(v)),
    );
    if (exact) return d;
  }
  for (let d = 2; d <= 12; d++) {
    if (new Set(numbers.map((v) => v.toFixed(d))).size === numbers.length) return d;
  }
  return 12;
}

/** A label function for a parameter's levels: numbers rounded by {@link levelDigits}, trailing zeros trimmed. */
function levelText(levels: readonly unknown[]): (value: unknown) => string {
  const digits = levelDigits(levels);
  return (value) =>
    typeof value === 'number' && digits !== undefined
      ? String(Number(value.toFixed(digits)))
      : String(value);
}

/** Most bins of a scatter figure's binned mean. */
export const SCATTER_BINS = 10;

/**
 * A scatter figure ({@link scatterChart}): each cell's estimate of one rate or mean
 * (`outcomes[0]`, default agreement) against parameter `x`, with the mean of the cells in
 * each of {@link SCATTER_BINS} equal-width bins of x ({@link binnedMeans}) and its t 95%
 * interval, which pools over the other parameters (said in the subtitle).
 */
function scatterFigure(results: Results, figure: Figure, chart: FigureOptions): TopLevelSpec {
  const output = cellOutput(results, figure.outcomes?.[0] ?? 'agreement');
  const x = figure.x!;
  const cells = results.manifest.cells.filter((c) => Number.isFinite(output.value[c.index]!));
  const xs = cells.map((c) => c.values[x]);
  const bad = xs.findIndex((v) => typeof v !== 'number');
  if (bad >= 0) {
    throw new UserError(
      `figure '${figure.name}': a scatter figure needs a numeric x, but '${x}' is ${JSON.stringify(xs[bad])} in cell ${cells[bad]!.index}`,
    );
  }
  const ys = cells.map((c) => output.value[c.index]!);
  const parameter = results.manifest.experiment.parameters.find((p) => p.path === x)!;
  const scale = parameter.scale ?? 'linear';
  const bins = binnedMeans(
    xs as number[],
    ys,
    Math.min(SCATTER_BINS, Math.max(1, Math.floor(cells.length / 5))),
    scale,
  );
  const others = results.parameters.filter((p) => p !== x);
  const name = rateOrMetricLabel(output.name);
  return scatterChart(
    cells.map((_, i) => ({ x: xs[i] as number, y: ys[i]! })),
    bins,
    {
      ...chart,
      xTitle: parameterLabel(x),
      yTitle: output.kind === 'rate' ? `${name} rate` : `Mean ${name}`,
      xScale: scale,
      subtitle: `Grey: ${cells.length} cells. Black: mean of the cells in each of ${bins.length} bins with its t 95% interval${others.length > 0 ? `, pooling over ${others.map(parameterLabel).join(', ')}` : ''}.`,
    },
  );
}

/**
 * A partial dependence figure ({@link partialDependenceChart}): the multi-factor regression's
 * average prediction of one rate or mean (`outcomes[0]`, default agreement) as parameter `x`
 * moves over its sampled range, the other parameters at their sampled values
 * ({@link partialDependence}), with a bootstrap 95% band, over the cells' own estimates.
 */
function partialFigure(
  results: Results,
  figure: Figure,
  index: number,
  chart: FigureOptions,
): TopLevelSpec {
  const output = cellOutput(results, figure.outcomes?.[0] ?? 'agreement');
  const x = figure.x!;
  const kept = results.manifest.cells.filter((c) => Number.isFinite(output.value[c.index]!));
  const bad = kept.find((c) => typeof c.values[x] !== 'number');
  if (bad) {
    throw new UserError(
      `figures[${index}] '${figure.name}': a partial dependence figure needs a numeric x, but '${x}' is ${JSON.stringify(bad.values[x])} in cell ${bad.index}`,
    );
  }
  const picked: typeof output = {
    ...output,
    n: Float64Array.from(kept, (c) => output.n[c.index]!),
    total: Float64Array.from(kept, (c) => output.total[c.index]!),
    sumsq: Float64Array.from(kept, (c) => output.sumsq[c.index]!),
  };
  let curve: ReturnType<typeof partialDependence>;
  try {
    curve = partialDependence(kept, results.parameters, x, picked);
  } catch (error) {
    throw new UserError(
      `figures[${index}] '${figure.name}': cannot fit the regression behind partial dependence: ${(error as Error).message}`,
    );
  }
  const parameter = results.manifest.experiment.parameters.find((p) => p.path === x)!;
  const others = results.parameters.filter((p) => p !== x);
  const name = rateOrMetricLabel(output.name);
  const model = output.kind === 'rate' ? 'logistic regression' : 'least squares';
  return partialDependenceChart(
    kept.map((c) => ({ x: c.values[x] as number, y: output.value[c.index]! })),
    curve,
    {
      ...chart,
      xTitle: parameterLabel(x),
      yTitle: output.kind === 'rate' ? `${name} rate` : `Mean ${name}`,
      xScale: parameter.scale ?? 'linear',
      subtitle: `Line: ${model} on all ${results.parameters.length} parameters (main effects), averaged over the sampled values of ${others.length > 0 ? others.map(parameterLabel).join(', ') : 'no other parameter'}; band: bootstrap 95% over cells. Grey: the ${kept.length} cells.`,
    },
  );
}
