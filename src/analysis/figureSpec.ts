import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { gainsChart } from '../charts/gainsChart.ts';
import { heatmapChart } from '../charts/heatmapChart.ts';
import { outcomeSharesChart } from '../charts/outcomeSharesChart.ts';
import { rateChart } from '../charts/rateChart.ts';
import { sensitivityChart } from '../charts/sensitivityChart.ts';
import { type FigureOptions, OUTCOME_LABELS } from '../charts/theme.ts';
import { tradeoffChart } from '../charts/tradeoffChart.ts';
import { checkFigure } from '../engine/checkFigures.ts';
import { OUTCOMES, type Outcome, RATE_NAMES, summaryMetrics } from '../engine/columns.ts';
import type { Figure } from '../engine/experiment.ts';
import { UserError } from '../errors.ts';
import { casesText, type Discovery, restrictedCount } from './discovery.ts';
import { parameterLabel } from './parameterLabel.ts';
import type { Results } from './readResults.ts';
import type { OutputSensitivity, Sensitivity } from './sensitivity.ts';
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
  checkFigure(figure, index, results.parameters, results.manifest.layout);
  const chart = { ...options, title: figure.title ?? options.title };
  if (figure.kind === 'rate') {
    const metrics = summaryMetrics(results.manifest.layout);
    const xIsMean = figure.x !== undefined && metrics.includes(figure.x);
    const x = xIsMean ? figure.x! : figure.x!;
    const series = figure.series === undefined ? undefined : figure.series!;
    // Against a mean (e.g. winset_B): one point per cell, at the cell's mean.
    const rows = summaryRows(results, xIsMean ? results.parameters : series ? [x, series] : [x]);
    const outcomes = figureOutcomes(figure, rows);
    const points = rows.flatMap((row) =>
      outcomes.map((outcome) => ({
        x: Number(xIsMean ? row[`${x}_mean`] : row[x]),
        outcome,
        rate: row[`${outcome}_rate`] as number,
        lo: row[`${outcome}_lo`] as number,
        hi: row[`${outcome}_hi`] as number,
        ...(series && { series: `${row[series]}` }),
      })),
    );
    return rateChart(points, {
      ...chart,
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
    const shares = rows.flatMap((row) => {
      const cell = by.length > 0 ? by.map((p, k) => `${names[k]}${row[p]}`).join(', ') : 'all runs';
      return occurred.map((outcome) => ({
        cell,
        outcome,
        share: row[`${outcome}_rate`] as number,
      }));
    });
    return outcomeSharesChart(shares, {
      ...chart,
      ...(by.length === 1 && { cellTitle: parameterLabel(by[0]!) }),
    });
  }
  return gainsChart(gainRows(results, figure, index, runs()), {
    ...chart,
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

/** An output's name in words: a rate's label, or a metric's. */
function rateOrMetricLabel(output: string): string {
  return (RATE_NAMES as readonly string[]).includes(output)
    ? rateLabel(output)
    : metricLabel(output);
}
