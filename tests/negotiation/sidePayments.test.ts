import { describe, expect, it } from 'vitest';
import { createPaymentScratch, planSidePayments } from '../../src/negotiation/sidePayments.ts';
import { explicitProfile } from './levelII.ts';

describe('planSidePayments', () => {
  // ideal points 0.1, 0.2, 0.9, q = 0, x = 0.5: margins 0.01 - 0.16 = -0.15,
  // 0.04 - 0.09 = -0.05, 0.81 - 0.16 = 0.65; a majority needs one of the two no-voters
  const p = explicitProfile([0.1, 0.2, 0.9]);
  const x = Float64Array.of(0.5);
  const zeros = new Float64Array(3);

  it('pays the cheapest no-voter its deficit, 0.05', () => {
    const s = createPaymentScratch(3);
    const plan = planSidePayments([p], 1, x, 1, zeros, 1, 0.5, s);
    expect(plan.cost).toBeCloseTo(0.05, 10);
    expect(plan.recipients).toBe(1);
    expect(plan.believed).toBe(1);
    expect(s.payments[0]).toBe(0);
    expect(s.payments[1]).toBeCloseTo(0.05, 10);
  });

  it('pays nothing when the budget cannot secure ratification', () => {
    const s = createPaymentScratch(3);
    const plan = planSidePayments([p], 1, x, 1, zeros, 0.04, 0.5, s);
    expect(plan).toEqual({ cost: 0, believed: 0, recipients: 0 });
    expect([...s.payments]).toEqual([0, 0, 0]);
  });

  it('pays nothing when the country already ratifies', () => {
    const s = createPaymentScratch(3);
    const plan = planSidePayments([p], 1, Float64Array.of(0.3), 1, zeros, 1, 0.5, s);
    expect(plan).toEqual({ cost: 0, believed: 1, recipients: 0 });
  });
});
