import { describe, expect, it } from 'vitest';
import {
  copyIntervals,
  createIntervals,
  type Intervals,
  intersectIntervals,
  intervalsContain,
  intervalsSize,
  nearestPoint,
  pushInterval,
} from '../../src/model/intervals.ts';

function union(...pairs: [number, number][]): Intervals {
  const iv = createIntervals(1);
  for (const [lo, hi] of pairs) pushInterval(iv, lo, hi);
  return iv;
}

function bounds(iv: Intervals) {
  return Array.from({ length: iv.count }, (_, t) => [iv.lo[t]!, iv.hi[t]!]);
}

describe('intervals', () => {
  it('pushInterval merges touching or overlapping intervals and grows', () => {
    expect(bounds(union([0, 1], [1, 2]))).toEqual([[0, 2]]);
    expect(bounds(union([0, 1], [0.5, 0.75]))).toEqual([[0, 1]]);
    expect(bounds(union([0, 0.25], [0.5, 0.5], [0.75, 1]))).toEqual([
      [0, 0.25],
      [0.5, 0.5],
      [0.75, 1],
    ]);
  });

  it('size sums the lengths; single points have none', () => {
    expect(intervalsSize(union([0, 0.25], [0.5, 1]))).toBe(0.75);
    expect(intervalsSize(union([0.5, 0.5]))).toBe(0);
    expect(intervalsSize(createIntervals())).toBe(0);
  });

  it('contains its ends and nothing in the gaps', () => {
    const iv = union([0, 0.25], [0.5, 1]);
    expect([0, 0.25, 0.3, 0.5, 1, 1.1, -0.1].map((x) => intervalsContain(iv, x))).toEqual([
      true,
      true,
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it('intersects two unions', () => {
    const out = createIntervals(1);
    expect(bounds(intersectIntervals(union([0, 0.6]), union([0.4, 1]), out))).toEqual([[0.4, 0.6]]);
    const a = union([0, 0.25], [0.5, 1]);
    const b = union([0.25, 0.75], [0.9, 2]);
    expect(bounds(intersectIntervals(a, b, out))).toEqual([
      [0.25, 0.25],
      [0.5, 0.75],
      [0.9, 1],
    ]);
    expect(intersectIntervals(union([0, 0.25]), union([0.5, 1]), out).count).toBe(0);
  });

  it('copyIntervals copies into the target, growing it when too small', () => {
    const iv = union([0, 0.25], [0.5, 1], [1.5, 2]);
    const out = createIntervals(1);
    expect(copyIntervals(iv, out)).toBe(out);
    expect(bounds(out)).toEqual([
      [0, 0.25],
      [0.5, 1],
      [1.5, 2],
    ]);
    expect(bounds(copyIntervals(union([0.3, 0.4]), out))).toEqual([[0.3, 0.4]]);
  });

  it('closed (set by winSet) is copied, and cleared by any other change', () => {
    const iv = union([0, 0.25], [0.5, 1]);
    expect(iv.closed).toBe(false);
    iv.closed = true;
    const copy = copyIntervals(iv, createIntervals());
    expect(copy.closed).toBe(true);
    expect(intersectIntervals(iv, copy, createIntervals()).closed).toBe(false);
    expect(pushInterval(copy, 2, 3).closed).toBe(false);
  });

  it('nearestPoint is the closest member, the lower of two equally close ends', () => {
    const iv = union([0, 0.25], [0.5, 1]);
    expect([0.4, 2, -1, 0.7, 0.375].map((x) => nearestPoint(iv, x))).toEqual([
      0.5, 1, 0, 0.7, 0.25,
    ]);
    expect(nearestPoint(createIntervals(), 0.5)).toBeNaN();
  });
});
