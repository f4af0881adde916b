import { describe, expect, it } from 'vitest';
import { overlapSize, winSetSize } from '../../src/model/winSetSize.ts';
import { makeProfile } from '../model/makeProfile.ts';

/*
 * MODEL.md section 1: with unit salience a constituent accepts the ball around v of radius
 * sqrt(|q - v|^2 + kappa). In D = 2 a single constituent's win-set is a disc of area
 * pi (|q - v|^2 + kappa); the Sobol estimate must be within the point set's error, bounded
 * here by 4 binomial standard errors of n points, 4 sqrt(p (1 - p) / n) times the box area.
 */

const n = 4096;

describe('D = 2 win-set size by the Sobol point set', () => {
  it.each([
    [[0.5, 0.5], [0.5, 0.8], 0.01],
    [[0.4, 0.6], [0.4, 0.6], 0.04],
    [[0.5, 0.45], [0.2, 0.2], -0.05],
  ])('v = %j, q = %j, kappa = %d: the disc area', (v, q, kappa) => {
    const p = makeProfile({ D: 2, ideal: v, reversion: q, kappa });
    const r2 = (q[0]! - v[0]!) ** 2 + (q[1]! - v[1]!) ** 2 + kappa;
    const area = Math.PI * r2; // every disc here lies inside the unit box
    const share = area;
    expect(Math.abs(winSetSize(p, [0, 1]) - area)).toBeLessThan(
      4 * Math.sqrt((share * (1 - share)) / n),
    );
  });

  it('the overlap of two discs is the lens area', () => {
    // radius 0.25 each, centres 0.25 apart: lens area 2 r^2 acos(d / 2r) - (d / 2) sqrt(4r^2 - d^2)
    const a = makeProfile({ D: 2, ideal: [0.375, 0.5], reversion: [0.375, 0.75] });
    const b = makeProfile({ D: 2, ideal: [0.625, 0.5], reversion: [0.625, 0.75] });
    const r = 0.25;
    const d = 0.25;
    const lens = 2 * r * r * Math.acos(d / (2 * r)) - (d / 2) * Math.sqrt(4 * r * r - d * d);
    expect(Math.abs(overlapSize([a, b], [0, 1]) - lens)).toBeLessThan(
      4 * Math.sqrt((lens * (1 - lens)) / n),
    );
  });

  it('in one dimension the overlap is exact', () => {
    const a = makeProfile({ form: 'divide', side: 0, reservation: [0.2] });
    const b = makeProfile({ form: 'divide', side: 1, reservation: [0.3] });
    expect(overlapSize([a, b], [0, 1])).toBeCloseTo(0.5, 15);
    expect(winSetSize(a, [0, 1])).toBeCloseTo(0.8, 15);
  });
});
