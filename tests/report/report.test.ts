import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discover, writeDiscovery } from '../../src/analysis/discovery.ts';
import { readResults } from '../../src/analysis/readResults.ts';
import { analyseResults } from '../../src/report/analyseResults.ts';
import { writeFixture } from '../analysis/fixture.ts';
import { writeSyntheticResults } from '../analysis/syntheticResults.ts';
import { chromium, renderedDom } from './chromium.ts';

describe('analyseResults and the report', async () => {
  const dir = writeFixture(100);
  const outputs = await analyseResults(dir, { formats: ['svg'] });
  const html = readFileSync(outputs.report, 'utf8');

  it('holds the description, design, hypotheses with verdicts, summary and provenance', () => {
    expect(html).toContain('A synthetic sweep for the analysis tests.');
    expect(html).toContain('<h2>Design</h2>');
    expect(html).toMatch(/<td class="supported">supported<\/td>/);
    expect(html).toContain('<h2>Summary</h2>');
    expect(html).toContain('<h2>Provenance</h2>');
    expect(html.match(/class="chart"/g)).toHaveLength(4);
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it.skipIf(!chromium)('renders every chart in headless Chromium', async () => {
    const dom = await renderedDom(outputs.report);
    expect(dom.match(/id="chart-\d+"[^>]*data-rendered="true"/g)).toHaveLength(4);
    expect(dom).not.toContain('data-error');
  });
});

describe('the report of a saltelli sweep, after discovery', async () => {
  const QUOTA = 'countries.B.ratification.quota';
  const dir = writeSyntheticResults(
    {
      name: 'report-saltelli',
      description: 'A synthetic saltelli sweep for the report.',
      parameters: [
        { path: QUOTA, range: [0.5, 1] },
        { path: 'countries.A.negotiator.beliefs.sigmaForeign', range: [0, 0.3] },
      ],
      design: { kind: 'saltelli', baseCells: 32 },
      replications: 20,
      seed: 4,
    },
    (values, record, random) => {
      record.outcome = random() < 1.4 - (values[QUOTA] as number) ? 'agreement' : 'no_agreement';
    },
  );
  writeDiscovery(
    dir,
    discover(readResults(dir), { output: 'agreement', direction: 'below', threshold: 0.6 }),
  );
  const outputs = await analyseResults(dir, { formats: ['svg'] });
  const html = readFileSync(outputs.report, 'utf8');

  it('computes the Sobol indices and shows them and the PRIM box', () => {
    expect(outputs.sensitivity.map((f) => f.slice(dir.length + 1))).toEqual([
      'sensitivity.csv',
      'sensitivity.md',
      'sensitivity.json',
    ]);
    expect(html).toContain('<h2>Sensitivity (Sobol indices)</h2>');
    expect(html).toContain('Saltelli design: N = 32 base points, k = 2 parameters, 128 cells');
    expect(html).toContain('<h2>Scenario discovery (PRIM)</h2>');
    expect(html).toMatch(/Cases: agreement &#60; 0.6 in \d+ of 128 cells/);
    // Bars of the two rates that vary (agreement, no agreement) and the trade-off curve.
    expect(html.match(/class="chart"/g)).toHaveLength(3);
  });

  it.skipIf(!chromium)('renders every chart in headless Chromium', async () => {
    const dom = await renderedDom(outputs.report);
    expect(dom.match(/id="chart-\d+"[^>]*data-rendered="true"/g)).toHaveLength(3);
    expect(dom).not.toContain('data-error');
  });
});
