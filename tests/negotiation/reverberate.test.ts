import { describe, expect, it } from 'vitest';
import { reverberate } from '../../src/negotiation/reverberate.ts';
import { explicitProfile } from './levelII.ts';

describe('reverberate', () => {
  it('moves ideal points toward the offer by eta, nationalists away', () => {
    const p = explicitProfile([0.2, 0.6, 1]);
    // 0.2 + 0.25 (0.6 - 0.2) = 0.3; 0.6 stays; nationalist 1: 1 - 0.25 (0.6 - 1) = 1.1
    reverberate(p, Float64Array.of(0.6), 0.25, Uint8Array.of(0, 0, 1));
    expect([...p.ideal].map((v) => Math.round(v * 1e12) / 1e12)).toEqual([0.3, 0.6, 1.1]);
  });

  it('moves reservations toward the offered share in the divide form', () => {
    const p = explicitProfile([0.2, 0.8], 'divide');
    // country A's share of x = 0.5 is 0.5: 0.2 + 0.5 (0.3) = 0.35, 0.8 + 0.5 (-0.3) = 0.65
    reverberate(p, Float64Array.of(0.5), 0.5, null);
    expect([...p.reservation]).toEqual([0.35, 0.65]);
  });
});
