import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, reportPage } from '../../src/report/page.ts';
import { chromium, renderedDom } from './chromium.ts';

const scatter = {
  data: {
    values: [
      { a: 1, b: 2 },
      { a: 2, b: 3 },
    ],
  },
  mark: 'point',
  encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' } },
};

describe('reportPage', () => {
  const page = reportPage('A <test>', [
    { kind: 'html', html: '<h1>Results</h1>' },
    { kind: 'chart', title: 'first', spec: scatter },
    { kind: 'chart', title: 'second </script>', spec: { ...scatter, mark: 'line' } },
  ]);

  it('loads nothing from a network', () => {
    expect(page).not.toMatch(/<script[^>]+src=/);
    expect(page).not.toMatch(/<link[^>]+href="https?:/);
  });

  it('gives each chart its own container and escapes text', () => {
    expect(page.match(/class="chart"/g)).toHaveLength(2);
    expect(page).toContain('<title>A &#60;test&#62;</title>');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;',
    );
  });

  it.skipIf(!chromium)('renders every chart in headless Chromium', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'twolevel-report-')), 'report.html');
    writeFileSync(file, page);
    const dom = await renderedDom(file);
    expect(dom.match(/id="chart-\d+"[^>]*data-rendered="true"/g)).toHaveLength(2);
    expect(dom).not.toContain('data-error');
  });
});
