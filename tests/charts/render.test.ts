import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { rateChart } from '../../src/charts/rateChart.ts';
import { renderFigure, svgToPDF, svgToPNG, toSVG } from '../../src/charts/render.ts';
import { pdfTexts, pngSize } from './inspect.ts';

const spec: TopLevelSpec = rateChart(
  [
    { x: 0, outcome: 'agreement', rate: 0.5, lo: 0.4, hi: 0.6 },
    { x: 1, outcome: 'agreement', rate: 0.8, lo: 0.7, hi: 0.9 },
    { x: 0, outcome: 'involuntary_defection', rate: 0.1, lo: 0.05, hi: 0.15 },
    { x: 1, outcome: 'involuntary_defection', rate: 0.05, lo: 0.02, hi: 0.1 },
  ],
  { theme: 'paper', columns: 1, xTitle: 'Foreign uncertainty', title: 'Agreement falls' },
);

describe('toSVG', () => {
  it('draws axis titles, legend labels and the title as text in IBM Plex Sans', async () => {
    const svg = await toSVG(spec);
    for (const text of [
      'Foreign uncertainty',
      'Share of runs',
      'Agreement',
      'Involuntary defection',
      'Agreement falls',
    ]) {
      expect(svg).toContain(`>${text}</text>`);
    }
    expect(svg).toContain('font-family="IBM Plex Sans"');
  });

  it('is 252 x 180 pt for one paper column (3.5 x 2.5 in at 72 pt/in)', async () => {
    const svg = await toSVG(spec);
    expect(svg).toMatch(/^<svg[^>]* width="252" height="180"/);
  });

  it('gives identical bytes for the same spec twice', async () => {
    expect(await toSVG(spec)).toBe(await toSVG(spec));
  });
});

describe('svgToPNG', () => {
  it('renders a 3.5 in figure 1050 px wide (300 dpi) and records 300 dpi in pHYs', async () => {
    const png = svgToPNG(await toSVG(spec));
    expect(pngSize(png)).toEqual({ width: 1050, height: 750 });
    const phys = png.indexOf('pHYs', 0, 'latin1');
    expect(phys).toBe(37); // right after the 8-byte signature and 25-byte IHDR, plus 4 length bytes
    expect(png.readUInt32BE(phys + 4)).toBe(11811); // 300 / 0.0254 pixels per metre
    expect(png[phys + 12]).toBe(1);
  });

  it('gives identical bytes for the same spec twice', async () => {
    const a = svgToPNG(await toSVG(spec));
    const b = svgToPNG(await toSVG(spec));
    expect(a.equals(b)).toBe(true);
  });
});

describe('svgToPDF', () => {
  it('makes a 252 x 180 pt page with IBM Plex Sans embedded and the text selectable', async () => {
    const pdf = await svgToPDF(await toSVG(spec));
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toMatch(/\/MediaBox \[0 0 252 180\]/);
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+IBMPlexSans-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+IBMPlexSans-Bold/);
    expect(raw).toContain('/ToUnicode');
    const texts = pdfTexts(pdf).join('\n');
    expect(texts).toContain('Foreign uncertainty');
    expect(texts).toContain('Share of runs');
    expect(texts).toContain('Agreement falls');
  });

  it('gives identical bytes for the same spec twice (fixed creation date)', async () => {
    const svg = await toSVG(spec);
    const a = await svgToPDF(svg);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(a.equals(await svgToPDF(svg))).toBe(true);
  });
});

describe('renderFigure', () => {
  it('writes the spec and the three formats next to each other', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twolevel-charts-'));
    try {
      const base = join(dir, 'nested', 'rate');
      const written = await renderFigure(spec, base);
      expect(written).toEqual([`${base}.vl.json`, `${base}.svg`, `${base}.png`, `${base}.pdf`]);
      expect(JSON.parse(await readFile(`${base}.vl.json`, 'utf8'))).toEqual(spec);
      expect(pngSize(await readFile(`${base}.png`)).width).toBe(1050);
      expect((await readFile(`${base}.svg`, 'utf8')).startsWith('<svg')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects an unknown format, naming the valid ones', async () => {
    await expect(renderFigure(spec, '/tmp/never', ['jpg' as 'png'])).rejects.toThrow(
      'renderFigure formats: unknown format "jpg"; valid: svg, png, pdf',
    );
  });
});
