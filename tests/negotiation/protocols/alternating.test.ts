import { describe, expect, it } from 'vitest';
import { createGame } from '../../../src/negotiation/game.ts';
import { bestOffer } from '../../../src/negotiation/protocols/alternating.ts';
import type { NegotiatingTable } from '../../../src/negotiation/protocols/protocol.ts';
import type { TraceEvent } from '../../../src/negotiation/trace.ts';
import { parseScenario } from '../../../src/scenario/parse.ts';
import { exactCountries } from '../fixtures/exactCountries.ts';

/**
 * A two-negotiator table over five candidates for proposer 0: his gains, his believed
 * probability that his own country (row 0) and the other (row 1) ratify; `top = 1`, so his
 * normalised utility is his gain.
 */
function table(gain: number[], own: number[], other: number[]): NegotiatingTable {
  const zeros = new Float64Array(gain.length);
  const t = {
    N: 2,
    D: 1,
    count: gain.length,
    candidates: Float64Array.from(gain, (_, c) => c),
    believed: [Float64Array.from(own), Float64Array.from(other), zeros, zeros],
    gain: [Float64Array.from(gain), zeros],
    top: Float64Array.of(1, 1),
    reservation: Float64Array.of(0, 0),
    concession: Float64Array.of(0.1, 0.1),
    threshold: 0.5,
    deadline: 50,
    proposer: 0,
    round: 0,
    scratch: new Float64Array(2),
    trace: null,
    offer() {},
    pass() {},
    accepts: () => false,
    utility: (i: number, c: number) => t.gain[i]![c]! / t.top[i]!,
  };
  return t;
}

describe('bestOffer', () => {
  it('takes the highest believed probability abroad first, then the utility closest to his aspiration', () => {
    // candidate 4 is believed ratified abroad with 0.9, the others with 1 (candidate 0 not
    // at home): among 1, 2, 3 with utility >= 0.5, candidate 3 (0.6) is closest to 0.5
    const t = table([1, 0.9, 0.7, 0.6, 0.55], [0, 1, 1, 1, 1], [1, 1, 1, 1, 0.9]);
    expect(bestOffer(t, 0, 0.5)).toBe(3);
    // at aspiration 0.8 only candidate 1 (0.9) qualifies among those believed ratified
    expect(bestOffer(t, 0, 0.8)).toBe(1);
    // nothing meets an aspiration above his best believed-ratifiable utility
    expect(bestOffer(t, 0, 0.95)).toBe(-1);
  });

  it('breaks a tie in utility by the lower index', () => {
    const t = table([0.3, 0.6, 0.9, 0.6], [1, 1, 1, 1], [1, 1, 1, 1]);
    expect(bestOffer(t, 0, 0.5)).toBe(1);
  });

  it('offers a candidate whose utility rounds to his aspiration though its gain is below a top', () => {
    // g < a top as rounded, yet g / top rounds to a: a scan that skipped gains below a top
    // (rather than below a floor with a margin) would miss candidate 1
    const [top, a, g] = [0.08080075827044253, 0.5203997810876981, 0.0420486969156583];
    expect(g < a * top && g / top === a).toBe(true);
    const t = table([0.07, g, 0.03], [1, 1, 1], [0.5, 1, 1]);
    (t.top as Float64Array)[0] = top;
    expect(bestOffer(t, 0, a)).toBe(1);
  });

  it('offers on a top of 0 by the sign of the gain: nothing skipped below a floor', () => {
    // top 0: utility 1 for a gain >= 0, else 0; at aspiration 0 even a loss qualifies
    const t = table([-0.5, -0.2], [1, 1], [1, 0.5]);
    (t.top as Float64Array)[0] = 0;
    (t.reservation as Float64Array)[0] = Number.NEGATIVE_INFINITY;
    expect(bestOffer(t, 0, 0)).toBe(0);
    expect(bestOffer(t, 0, 1)).toBe(-1);
  });

  it('never offers below his veto', () => {
    const t = table([0.3, 0.6, 0.9], [1, 1, 1], [1, 1, 1]);
    (t.reservation as Float64Array)[0] = 0.7;
    expect(bestOffer(t, 0, 0)).toBe(2);
  });
});

describe('alternating', () => {
  it('concedes at the aspiration level: medians 0.3 and 0.7, q = 0 and 1, hand-checked', () => {
    // W_A = [0, 0.6], W_B = [0.4, 1], overlap [0.4, 0.6]. Normalised utilities on it:
    // u_A(x) = x (0.6 - x) / 0.08, u_B(x) = (1 - x)(x - 0.4) / 0.08; aspirations 0.9^t.
    // r0: A offers 0.4 (u_A = 1), u_B = 0 < 1. r1: B offers the lowest x with u_B >= 0.9,
    // x >= 0.5658 -> 0.57 (grid step 0.005); u_A = 0.2138 < 0.9. r2: A, u_A >= 0.81 means
    // x <= 0.4587 -> 0.455; u_B = 0.3747 < 0.81. r3: B, x >= 0.5220 -> 0.525; u_A = 0.4922 <
    // 0.729. r4: A, x <= 0.4937 -> 0.49; u_B = 0.5738 < 0.6561. r5: B, x >= 0.4932 -> 0.495;
    // u_A = 0.6497 >= 0.5905: agreement at 0.495 after 6 rounds. Beliefs are exact and votes
    // deterministic (exactCountry), so the hand computation holds.
    const scenario = parseScenario({
      countries: exactCountries([
        {
          reversion: 0,
          constituents: { idealPoints: { kind: 'explicit', values: [0.2, 0.3, 0.4] } },
        },
        {
          reversion: 1,
          constituents: { idealPoints: { kind: 'explicit', values: [0.6, 0.7, 0.8] } },
        },
      ]),
    });
    const events: TraceEvent[] = [];
    const record = createGame(scenario).play('hand', events);
    const offers = events.flatMap((e) => (e.type === 'offer' ? [e.x[0]!] : []));
    expect(offers[0]).toBeCloseTo(0.4, 12);
    expect(offers.slice(1)).toEqual([0.57, 0.455, 0.525, 0.49, 0.495]);
    const utilities = events.flatMap((e) => (e.type === 'response' ? [e.utility] : []));
    const expected = [0, 0.21375, 0.3746875, 0.4921875, 0.57375, 0.6496875];
    expect(utilities).toHaveLength(6);
    for (let r = 0; r < 6; r++) expect(utilities[r]).toBeCloseTo(expected[r]!, 10);
    expect(record.outcome).toBe('agreement');
    expect(record.rounds).toBe(6);
    expect(record.agreement[0]).toBe(0.495);
    // negotiator gains x (0.6 - x) and (1 - x)(x - 0.4)
    expect(record.negotiatorGain[0]).toBeCloseTo(0.495 * 0.105, 12);
    expect(record.negotiatorGain[1]).toBeCloseTo(0.505 * 0.095, 12);
  });
});
