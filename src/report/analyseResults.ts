import { basename, dirname } from 'node:path';
import type { ColumnTable } from 'arquero';
import { evaluateHypotheses } from '../analysis/evaluateHypotheses.ts';
import { readResults, readRuns } from '../analysis/readResults.ts';
import { withReplicationTarget } from '../analysis/replicationTarget.ts';
import { summarize } from '../analysis/summarize.ts';
import type { FigureFormat } from '../charts/render.ts';
import type { FigureTheme } from '../charts/theme.ts';
import { describeReplications } from '../engine/adaptive.ts';

/** What {@link analyseResults} wrote, by kind. */
export interface AnalysisOutputs {
  summary: string[];
  hypotheses: string[];
  sensitivity: string[];
  figures: string[];
  report: string;
}

/**
 * The analysis after a sweep, end to end, on a finished results folder: the per-cell summary
 * (`summary.csv`, `.json`, `.md`), the declared hypotheses (`hypotheses.csv`, `.md`), for a
 * `saltelli` design the Sobol indices of every output and for a `morris` design its Morris
 * measures (`sensitivity.csv`, `.md`, `.json`, unless `twolevel sensitivity` already wrote
 * them), the
 * declared figures (`figures/<name>.vl.json`, `.svg`, `.png`, `.pdf`) and `report.html`.
 * Everything comes from the folder alone (the experiment as run is in its manifest).
 *
 * @param dir the results folder
 * @param options figure formats and theme (default all formats, paper)
 * @returns the paths written
 */
export async function analyseResults(
  dir: string,
  options: { formats?: readonly FigureFormat[]; theme?: FigureTheme } = {},
): Promise<AnalysisOutputs> {
  // The writers, sensitivity measures, figures and report page (with every chart builder) are
  // imported here, so that importing the library does not load them.
  const [
    { writeSummary },
    { writeHypotheses },
    { morrisSensitivity, readMorris, writeMorris },
    { readSensitivity, sensitivity, writeSensitivity },
    { drawFigures },
    { writeReport },
  ] = await Promise.all([
    import('../analysis/writeSummary.ts'),
    import('../analysis/writeHypotheses.ts'),
    import('../analysis/morris.ts'),
    import('../analysis/sensitivity.ts'),
    import('../analysis/drawFigures.ts'),
    import('./report.ts'),
  ]);
  const results = readResults(dir);
  const experiment = results.manifest.experiment;
  let runs: ColumnTable | undefined;
  const readRunsOnce = () => {
    runs ??= readRuns(results);
    return runs;
  };
  const summaryTable = withReplicationTarget(
    summarize(results.cells, results.parameters, results.manifest.layout),
    results.manifest,
  );
  const summary = writeSummary(
    dir,
    summaryTable,
    results.parameters,
    results.manifest.layout,
    results.manifest.parameters,
    {
      replications: describeReplications(experiment.replications, results.manifest.adaptive),
    },
  );
  const tested = evaluateHypotheses(results, experiment.hypotheses, readRunsOnce);
  const hypotheses = tested.length > 0 ? writeHypotheses(dir, tested) : [];
  // A saltelli sweep exists for its Sobol indices, a morris sweep for its Morris measures:
  // compute them unless already written.
  const kind = experiment.design.kind;
  const indices =
    kind === 'saltelli' && !readSensitivity(dir)
      ? writeSensitivity(dir, sensitivity(results))
      : kind === 'morris' && !readMorris(dir)
        ? writeMorris(dir, morrisSensitivity(results))
        : [];
  const figures = await drawFigures(
    results,
    experiment.figures,
    { formats: options.formats ?? ['svg', 'png', 'pdf'], theme: options.theme ?? 'paper' },
    readRunsOnce,
  );
  const report = writeReport(results, tested, readRunsOnce);
  return { summary, hypotheses, sensitivity: indices, figures, report };
}

/**
 * What {@link analyseResults} wrote, as lines for a terminal: the report, the figures folder
 * and each figure's PNG, the summary and hypotheses tables.
 */
export function describeOutputs(outputs: AnalysisOutputs): string[] {
  const pngs = outputs.figures.filter((f) => f.endsWith('.png'));
  const folder = outputs.figures.length > 0 ? dirname(outputs.figures[0]!) : undefined;
  return [
    `report:     ${outputs.report}`,
    ...(folder
      ? [
          `figures:    ${folder}/ (${pngs.map((p) => basename(p)).join(', ')} and .svg, .pdf, .vl.json)`,
        ]
      : []),
    `summary:    ${outputs.summary.join(', ')}`,
    ...(outputs.hypotheses.length > 0 ? [`hypotheses: ${outputs.hypotheses.join(', ')}`] : []),
    ...(outputs.sensitivity.length > 0 ? [`sensitivity: ${outputs.sensitivity.join(', ')}`] : []),
  ];
}
