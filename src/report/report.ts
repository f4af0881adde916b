import { join } from 'node:path';
import type { ColumnTable } from 'arquero';
import { discoveryDisplay, discoverySummary, readDiscovery } from '../analysis/discovery.ts';
import type { HypothesisResult } from '../analysis/evaluateHypotheses.ts';
import { ALPHA } from '../analysis/evaluateHypotheses.ts';
import {
  discoveryFigure,
  figureSpec,
  morrisFigure,
  sensitivityFigure,
} from '../analysis/figureSpec.ts';
import { morrisDisplay, morrisMethod, readMorris } from '../analysis/morris.ts';
import { parameterLabel } from '../analysis/parameterLabel.ts';
import type { Results } from '../analysis/readResults.ts';
import { readSensitivity, sensitivityDisplay, sensitivityMethod } from '../analysis/sensitivity.ts';
import { summarize } from '../analysis/summarize.ts';
import { type DisplayTable, summaryDisplay } from '../analysis/summaryDisplay.ts';
import { hypothesesDisplay } from '../analysis/writeHypotheses.ts';
import { describeReplications } from '../engine/adaptive.ts';
import { writeAtomic } from '../results/atomic.ts';
import { escapeHtml, type ReportBlock, reportPage } from './page.ts';

/**
 * An HTML table of display strings in its own horizontally scrolling box (the page fixes its
 * first column and wraps no number); `cellClass` may give a cell CSS classes (`text`: a
 * sentence that may wrap).
 */
function htmlTable(table: DisplayTable, cellClass?: (row: number, column: number) => string) {
  const head = table.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = table.rows
    .map((row, r) => {
      const cells = row.map((text, c) => {
        const css = cellClass?.(r, c);
        return `<td${css ? ` class="${css}"` : ''}>${escapeHtml(text)}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<div class="table"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** The experiment's design: its varied parameters and how the sweep ran. */
function designSection(results: Results) {
  const { manifest } = results;
  const experiment = manifest.experiment;
  const parameters = experiment.parameters.map((p) => [
    p.path,
    parameterLabel(p.path),
    p.values ? p.values.join(', ') : p.range ? `[${p.range.join(', ')}]` : '',
  ]);
  const facts = [
    ['design', experiment.design.kind],
    ['cells', String(manifest.cells.length)],
    ['replications per cell', describeReplications(experiment.replications, manifest.adaptive)],
    ['runs', `${manifest.runsDone} of ${manifest.runsTotal}`],
    ['master seed', String(manifest.masterSeed)],
    ['common random numbers', manifest.crn ? 'yes' : 'no'],
  ];
  return `<h2>Design</h2>
${htmlTable({ header: ['parameter', 'meaning', 'levels'], rows: parameters })}
${htmlTable({ header: ['', ''], rows: facts })}
<details><summary>Base scenario (every default filled in)</summary><pre>${escapeHtml(JSON.stringify(experiment.scenario, null, 2))}</pre></details>`;
}

/** Where the results came from: software versions, fingerprint, times. */
function provenanceSection(results: Results) {
  const { manifest } = results;
  const { software, timing } = manifest;
  const rows = [
    ['package', `${software.package.name} ${software.package.version}`],
    ['git commit', software.git ?? 'unknown'],
    ['Node.js', software.node],
    ['fingerprint', manifest.fingerprint],
    ['started', timing.startedAt],
    ['finished', timing.finishedAt ?? 'unfinished'],
    [
      'runs per second',
      timing.runsPerSecond === null ? 'unknown' : timing.runsPerSecond.toFixed(0),
    ],
    ['results folder', results.dir],
  ];
  const dependencies = Object.entries(software.dependencies).map(([name, version]) => [
    name,
    version,
  ]);
  return `<h2>Provenance</h2>
${htmlTable({ header: ['', ''], rows })}
<details><summary>Dependencies</summary>${htmlTable({ header: ['package', 'version'], rows: dependencies })}</details>`;
}

/**
 * The sensitivity section, when `twolevel sensitivity` (or the analysis of a saltelli or
 * morris sweep) wrote `sensitivity.json`: the method, the Sobol indices or Morris measures of
 * every output, and the figure of each rate (Sobol bars; Morris: mu* against sigma).
 */
function sensitivityBlocks(results: Results): ReportBlock[] {
  const figure = { theme: 'paper' as const, columns: 2 as const };
  const sobol = readSensitivity(results.dir);
  const morris = sobol ? undefined : readMorris(results.dir);
  const section = sobol
    ? {
        heading: 'Sensitivity (Sobol indices)',
        method: sensitivityMethod(sobol),
        table: sensitivityDisplay(sobol),
        charts: sobol.outputs.map((o) => ({
          output: o,
          title: `Sobol indices: ${o.output}`,
          spec: () => sensitivityFigure(sobol, o, figure),
        })),
      }
    : morris && {
        heading: 'Sensitivity (Morris elementary effects)',
        method: morrisMethod(morris),
        table: morrisDisplay(morris),
        charts: morris.outputs.map((o) => ({
          output: o,
          title: `Morris screening: ${o.output}`,
          spec: () => morrisFigure(morris, o, figure),
        })),
      };
  if (!section) return [];
  const blocks: ReportBlock[] = [
    {
      kind: 'html',
      html: `<h2>${section.heading}</h2>
<p>${escapeHtml(section.method)}</p>
${htmlTable(section.table)}`,
    },
  ];
  for (const chart of section.charts) {
    if (chart.output.skipped || chart.output.kind !== 'rate') continue;
    blocks.push({ kind: 'chart', title: chart.title, spec: chart.spec() });
  }
  return blocks;
}

/** The scenario discovery section, when `twolevel discover` wrote `discovery.json`. */
function discoveryBlocks(results: Results): ReportBlock[] {
  const result = readDiscovery(results.dir);
  if (!result) return [];
  return [
    {
      kind: 'html',
      html: `<h2>Scenario discovery (PRIM)</h2>
<p>${escapeHtml(discoverySummary(result))}</p>
${htmlTable(discoveryDisplay(result))}`,
    },
    {
      kind: 'chart',
      title: 'PRIM coverage-density trade-off',
      spec: discoveryFigure(result, { theme: 'paper', columns: 2 }),
    },
  ];
}

/**
 * Composes `report.html` in a results folder: the experiment's name, description and design,
 * its hypotheses with their verdicts, its declared figures as interactive Vega-Lite charts
 * (two columns wide), the Sobol indices or Morris measures and the PRIM box when
 * `sensitivity.json` and `discovery.json` exist, the summary per cell and pooled by each parameter, and the
 * provenance from the manifest. The page is self-contained ({@link reportPage}: vega, vega-lite and
 * vega-embed inlined, nothing fetched).
 *
 * @param results the results folder
 * @param hypotheses the evaluated hypotheses (may be empty)
 * @param runs reads the per-run rows (only for a gains figure)
 * @returns the path of `report.html`
 */
export function writeReport(
  results: Results,
  hypotheses: readonly HypothesisResult[],
  runs: () => ColumnTable,
): string {
  const { manifest, parameters } = results;
  const experiment = manifest.experiment;
  const layout = manifest.layout;
  const blocks: ReportBlock[] = [
    {
      kind: 'html',
      html: `<h1>${escapeHtml(experiment.name)}</h1>\n<p>${escapeHtml(experiment.description)}</p>\n${designSection(results)}`,
    },
  ];
  if (hypotheses.length > 0) {
    const table = hypothesesDisplay(hypotheses);
    const verdictColumn = table.header.length - 1;
    // sentences may wrap; numbers and p-values do not
    const text = ['hypothesis', 'test', 'estimate [95% CI]', 'note'].map((h) =>
      table.header.indexOf(h),
    );
    blocks.push({
      kind: 'html',
      html: `<h2>Hypotheses</h2>
<p>Each test says what it compared. Verdicts at family-wise level ${ALPHA} after Holm's adjustment over every row.</p>
${htmlTable(table, (r, c) => (c === verdictColumn ? hypotheses[r]!.verdict : text.includes(c) ? 'text' : ''))}`,
    });
  }
  if (experiment.figures.length > 0) {
    blocks.push({ kind: 'html', html: '<h2>Figures</h2>' });
    experiment.figures.forEach((figure, index) => {
      blocks.push({
        kind: 'chart',
        title: figure.title ?? figure.name,
        spec: figureSpec(results, figure, index, { theme: 'paper', columns: 2 }, runs),
      });
    });
  }
  blocks.push(...sensitivityBlocks(results), ...discoveryBlocks(results));
  const tables = [
    `<h3>Per cell</h3>\n${htmlTable(summaryDisplay(summarize(results.cells, parameters, layout), parameters, layout))}`,
  ];
  if (parameters.length > 1) {
    for (const p of parameters) {
      const pooled = summarize(results.cells, parameters, layout, [p]);
      tables.push(
        `<h3>By ${escapeHtml(parameterLabel(p))}, pooling the rest</h3>\n${htmlTable(summaryDisplay(pooled, [p], layout))}`,
      );
    }
  }
  blocks.push({
    kind: 'html',
    html: `<h2>Summary</h2>
<p>Rates with Wilson 95% intervals; means with t 95% intervals. ratification_failure = involuntary defections / tentative agreements; gains are over ratified runs.</p>
${tables.join('\n')}`,
  });
  blocks.push({ kind: 'html', html: provenanceSection(results) });
  const file = join(results.dir, 'report.html');
  writeAtomic(file, reportPage(`${experiment.name}: twolevel report`, blocks));
  return file;
}
