import { describe, expect, it } from 'vitest';
import { holm } from '../../src/analysis/holm.ts';

// Holm (1979): sorted p = 0.005, 0.01, 0.03, 0.04 with m = 4 get 4 * 0.005 = 0.02,
// 3 * 0.01 = 0.03, 2 * 0.03 = 0.06, max(0.06, 1 * 0.04) = 0.06; same as R's
// p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm").
describe('holm', () => {
  it('adjusts step-down and returns the input order', () => {
    const adjusted = Array.from(holm([0.01, 0.04, 0.03, 0.005]));
    const expected = [0.03, 0.06, 0.06, 0.02];
    adjusted.forEach((value, i) => {
      expect(value).toBeCloseTo(expected[i]!, 15);
    });
  });

  it('caps at 1, keeps ties equal, and keeps the order of the raw p-values', () => {
    expect(Array.from(holm([0.5, 0.5, 0.01]))).toEqual([1, 1, 0.03]);
    const raw = [0.2, 0.001, 0.04, 0.03, 0.5, 0.011];
    const adjusted = holm(raw);
    for (let i = 0; i < raw.length; i++) {
      for (let j = 0; j < raw.length; j++) {
        if (raw[i]! <= raw[j]!) expect(adjusted[i]!).toBeLessThanOrEqual(adjusted[j]!);
      }
      expect(adjusted[i]!).toBeGreaterThanOrEqual(raw[i]!);
    }
  });

  it('leaves a single p-value alone and accepts an empty family', () => {
    expect(Array.from(holm([0.04]))).toEqual([0.04]);
    expect(holm([]).length).toBe(0);
  });

  it('rejects values that are not p-values, naming the index', () => {
    expect(() => holm([0.1, 1.5])).toThrow(
      'holm: pValues[1] must be a p-value in [0, 1]; got 1.5.',
    );
    expect(() => holm([Number.NaN])).toThrow(/pValues\[0\]/);
  });
});
