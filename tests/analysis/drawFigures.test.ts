import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawFigures } from '../../src/analysis/drawFigures.ts';
import { readResults, readRuns } from '../../src/analysis/readResults.ts';
import { writeFixture } from './fixture.ts';

describe('drawFigures', () => {
  it('writes .vl.json, .svg, .png (1050 px = 3.5 in at 300 dpi) and .pdf for every declared figure', async () => {
    const results = readResults(writeFixture(100));
    const figures = results.manifest.experiment.figures;
    const written = await drawFigures(
      results,
      figures,
      { formats: ['svg', 'png', 'pdf'], theme: 'paper' },
      () => readRuns(results),
    );
    expect(written).toHaveLength(4 * figures.length);
    for (const figure of figures) {
      const base = join(results.dir, 'figures', figure.name);
      for (const extension of ['vl.json', 'svg', 'png', 'pdf']) {
        expect(existsSync(`${base}.${extension}`)).toBe(true);
      }
      const png = readFileSync(`${base}.png`);
      expect(png.readUInt32BE(16)).toBe(1050);
      expect(readFileSync(`${base}.pdf`).subarray(0, 5).toString()).toBe('%PDF-');
      const spec = JSON.parse(readFileSync(`${base}.vl.json`, 'utf8')) as { width: number };
      expect(spec.width).toBe(252);
    }
  });
});
