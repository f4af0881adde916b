import { describe, expect, it } from 'vitest';
import { shiftLevelII } from '../../src/negotiation/shiftLevelII.ts';
import { explicitProfile } from './levelII.ts';

describe('shiftLevelII', () => {
  it('shifts every ideal point by the same amount', () => {
    const p = explicitProfile([0.25, 0.5]);
    expect([...shiftLevelII(p, Float64Array.of(0.125)).ideal]).toEqual([0.375, 0.625]);
  });

  it('shifts reservations in the divide form', () => {
    const p = explicitProfile([0.25, 0.5], 'divide');
    expect([...shiftLevelII(p, Float64Array.of(-0.25)).reservation]).toEqual([0, 0.25]);
  });
});
