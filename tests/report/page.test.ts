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

  it('embeds IBM Plex Sans, regular and bold, as the page and chart font', () => {
    const faces = page.match(/@font-face \{[^}]*\}/g) ?? [];
    expect(faces).toHaveLength(2);
    for (const [face, weight] of faces.map((f, i) => [f, [400, 700][i]] as const)) {
      expect(face).toContain("font-family: 'IBM Plex Sans'");
      expect(face).toContain(`font-weight: ${weight}`);
      // a TrueType file: base64 of 00 01 00 00
      expect(face).toMatch(/src: url\(data:font\/ttf;base64,AAEAAA[A-Za-z0-9+/=]{100000,}\)/);
    }
    expect(page).toMatch(/body \{ font-family: 'IBM Plex Sans'/);
  });

  it('keeps numbers on one line and fixes the first column of a table that scrolls', () => {
    expect(page).toMatch(/\.table \{ overflow-x: auto;/);
    expect(page).toMatch(/th, td \{[^}]*white-space: nowrap;/);
    expect(page).toMatch(/th:first-child, td:first-child \{[^}]*position: sticky; left: 0;/);
  });

  it.skipIf(!chromium)('renders every chart in headless Chromium', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'twolevel-report-')), 'report.html');
    writeFileSync(file, page);
    const dom = await renderedDom(file);
    expect(dom.match(/id="chart-\d+"[^>]*data-rendered="true"/g)).toHaveLength(2);
    expect(dom).not.toContain('data-error');
    expect(dom).toMatch(/<body[^>]*data-font="loaded"/);
  });
});
