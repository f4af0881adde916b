import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rateChart } from '../../src/charts/rateChart.ts';
import { svgToPDF, toSVG } from '../../src/charts/render.ts';
import { pdfTexts, specWarnings } from './inspect.ts';

const curve = (series?: string) =>
  [0, 0.25, 0.5, 0.75, 1, 1.25].flatMap((x) => [
    {
      x,
      outcome: 'agreement',
      rate: 0.5 + x / 4,
      lo: 0.45 + x / 4,
      hi: 0.55 + x / 4,
      ...(series && { series }),
    },
    { x, outcome: 'no_agreement', rate: 0.3, lo: 0.25, hi: 0.35, ...(series && { series }) },
  ]);
const options = { theme: 'paper', columns: 1, xTitle: 'Median ideal point' } as const;

describe('rateChart', () => {
  it('compiles without warnings, with and without a series, as band and as error bars', async () => {
    const withSeries = [...curve('low'), ...curve('high')];
    for (const rows of [curve(), withSeries, withSeries.filter((r) => r.x <= 0.5)]) {
      expect(
        await specWarnings(rateChart(rows, { ...options, seriesTitle: 'Uncertainty' })),
      ).toEqual([]);
    }
  });

  it('draws a band for 6 x values and error bars for 5 or fewer', () => {
    const marks = (rows: ReturnType<typeof curve>) =>
      (rateChart(rows, options) as { layer: { mark: { type: string } }[] }).layer.map(
        (l) => l.mark.type,
      );
    expect(marks(curve())).toEqual(['area', 'line', 'point']);
    expect(marks(curve().filter((r) => r.x < 1.25))).toEqual(['rule', 'line', 'point']);
  });

  it('labels outcomes and keeps their fixed colours for the outcomes present', () => {
    const spec = rateChart(curve(), options) as {
      data: { values: { outcome: string }[] };
      layer: { encoding: { color: { scale: { domain: string[]; range: string[] } } } }[];
    };
    expect(spec.data.values[1]!.outcome).toBe('No agreement');
    expect(spec.layer[1]!.encoding.color.scale).toEqual({
      domain: ['Agreement', 'No agreement'],
      range: ['#0072B2', '#E69F00'],
    });
  });

  it('shows axis titles, legend labels and series names in the SVG', async () => {
    const svg = await toSVG(
      rateChart([...curve('σ = 0'), ...curve('σ = 0.2')], {
        ...options,
        seriesTitle: 'Uncertainty',
      }),
    );
    for (const text of [
      'Median ideal point',
      'Share of runs',
      'Agreement',
      'No agreement',
      'Uncertainty',
      'σ = 0.2',
    ]) {
      expect(svg).toContain(`>${text}</text>`);
    }
  });

  it('renders three series to PDF: solid, dashed [5 2] and dotted [1 2] lines', async () => {
    const rows = [...curve('σ = 0'), ...curve('σ = 0.1'), ...curve('σ = 0.2')];
    const pdf = await svgToPDF(
      await toSVG(rateChart(rows, { ...options, seriesTitle: 'Uncertainty' })),
    );
    expect(pdfTexts(pdf).join('\n')).toContain('σ = 0.2');
    const dashes = new Set(
      pdfStreams(pdf).flatMap((s) => [...s.matchAll(/(\[[\d. ]*\]) 0 d/g)].map((m) => m[1])),
    );
    expect([...dashes].sort()).toEqual(['[1 2]', '[5 2]', '[]']);
  });

  it('says which row is wrong and what is valid', () => {
    const good = { x: 0, outcome: 'agreement', rate: 0.5, lo: 0.4, hi: 0.6 };
    expect(() => rateChart([], options)).toThrow(
      'rateChart rows: expected a non-empty array of rows, got []',
    );
    expect(() => rateChart([good, { ...good, outcome: 'deal' }], options)).toThrow(
      'rateChart rows[1].outcome: unknown outcome "deal"; valid outcomes: agreement, no_agreement, involuntary_defection, voluntary_defection',
    );
    expect(() => rateChart([{ ...good, lo: 0.55 }], options)).toThrow(
      'rateChart rows[0]: expected lo <= rate <= hi, got 0.55, 0.5, 0.6',
    );
    expect(() => rateChart([{ ...good, rate: 1.5, hi: 2 }], options)).toThrow(
      'rateChart rows[0].rate: expected a proportion in [0, 1], got 1.5',
    );
    expect(() => rateChart([good], { ...options, xScale: 'log' })).toThrow(
      'rateChart rows[0].x: a log x scale needs x > 0, got 0',
    );
  });
});

/** The inflated content streams of a PDF (where its `d` dash operators are). */
function pdfStreams(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  return [...raw.matchAll(/stream\r?\n/g)].flatMap((m) => {
    const from = m.index + m[0].length;
    try {
      return [inflateSync(pdf.subarray(from, raw.indexOf('endstream', from))).toString('latin1')];
    } catch {
      return [];
    }
  });
}
