import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseResults } from '../../src/report/analyseResults.ts';
import { writeFixture } from '../analysis/fixture.ts';
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
