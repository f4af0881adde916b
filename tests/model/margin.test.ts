import { describe, expect, it } from 'vitest';
import { margin } from '../../src/model/margin.ts';
import { makeProfile } from './makeProfile.ts';

describe('margin', () => {
  it('spatial: lambda (L(q) + kappa) + g + payment - L(x)', () => {
    const p = makeProfile({ ideal: [0.5], reversion: 0, kappa: 0.01 });
    // (0.25 + 0.01) - 0.09 = 0.17
    expect(margin(p, 0, 0.8)).toBeCloseTo(0.17, 15);
    expect(margin(p, 0, [0.8])).toBeCloseTo(0.17, 15);
    // lambda 1/2, payment 0.04: 0.5 * (0.25 + 0.01) + 0.04 - 0.09 = 0.08 (the payment in full)
    expect(margin(p, 0, 0.8, 0.5, 0.04)).toBeCloseTo(0.08, 15);
    p.goodWill = 0.1;
    expect(margin(p, 0, 0.8)).toBeCloseTo(0.27, 15);
  });

  it('spatial in two dimensions with salience 2: 2 |q - v|^2 - 2 |x - v|^2', () => {
    const p = makeProfile({ D: 2, ideal: [0.5, 0.5], reversion: [0, 0], salience: 2 });
    // 2 (0.25 + 0.25) - 2 (0.01 + 0.04) = 1 - 0.1 = 0.9; a number is the same in both dims
    expect(margin(p, 0, [0.6, 0.3])).toBeCloseTo(0.9, 15);
    expect(margin(p, 0, 0.5)).toBeCloseTo(1, 15);
  });

  it('divide: lambda share - c + g + payment; side 1 gets 1 - x', () => {
    const a = makeProfile({ form: 'divide', side: 0, reservation: [0.3] });
    const b = makeProfile({ form: 'divide', side: 1, reservation: [0.3] });
    expect(margin(a, 0, 0.5)).toBeCloseTo(0.2, 15);
    expect(margin(b, 0, 0.5)).toBeCloseTo(0.2, 15);
    expect(margin(b, 0, 0.8)).toBeCloseTo(-0.1, 15);
    expect(margin(a, 0, 0.5, 0.5, 0.1)).toBeCloseTo(0.05, 15);
  });
});
