import { describe, expect, it } from 'vitest';
import { createRecord, OUTCOMES } from '../../src/negotiation/record.ts';

describe('createRecord', () => {
  it('starts as no agreement with NaN coordinates and zero gains', () => {
    const r = createRecord('s', 3, 2);
    expect(r.outcome).toBe('no_agreement');
    expect(r.defector).toBe(-1);
    expect([...r.agreement]).toEqual([Number.NaN, Number.NaN]);
    expect([...r.medianGain]).toEqual([0, 0, 0]);
    expect(r.sidePayments).toHaveLength(3);
  });

  it('lists the outcomes in a stable order', () => {
    expect(OUTCOMES).toEqual([
      'agreement',
      'no_agreement',
      'involuntary_defection',
      'voluntary_defection',
      'aborted',
    ]);
  });
});
