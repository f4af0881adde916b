import { describe, expect, it } from 'vitest';
import { gainsChart } from '../../src/charts/gainsChart.ts';
import { toSVG } from '../../src/charts/render.ts';
import { specWarnings } from './inspect.ts';

const rows = Array.from({ length: 40 }, (_, i) => [
  { country: 'A', gain: 0.2 + (i % 10) / 50, group: 'smaller win-set' },
  { country: 'B', gain: 0.1 + (i % 8) / 50, group: 'larger win-set' },
]).flat();
const options = { theme: 'paper', columns: 1, groupTitle: 'Own win-set' } as const;

describe('gainsChart', () => {
  it('compiles without warnings, grouped and ungrouped', async () => {
    expect(await specWarnings(gainsChart(rows, options))).toEqual([]);
    expect(
      await specWarnings(
        gainsChart(
          rows.map(({ group: _, ...r }) => r),
          options,
        ),
      ),
    ).toEqual([]);
  });

  it('shows countries, titles and groups', async () => {
    const svg = await toSVG(gainsChart(rows, options));
    for (const text of [
      'A',
      'B',
      'Country',
      'Gain over no agreement',
      'Own win-set',
      'smaller win-set',
    ]) {
      expect(svg).toContain(`>${text}</text>`);
    }
  });

  it('rejects a row without a group when the first has one', () => {
    expect(() => gainsChart([rows[0]!, { country: 'B', gain: 0 }], options)).toThrow(
      'gainsChart rows[1].group: either every row has a group or none does',
    );
  });
});
