import { inBelievedOverlap, mediate } from './believedOverlap.ts';
import type { Protocol } from './protocol.ts';

/**
 * `nash`: the Nash (1950) bargaining solution over the believed overlap (a rational
 * benchmark). The mediator (`protocol.proposer`) takes the candidates in his believed overlap
 * ({@link inBelievedOverlap}) and picks the one maximising the Nash product
 * `prod_i (u_i(x) - u_i(no agreement))` over all negotiators; ties go to the higher gain for
 * the mediator, then the lower index. Every other negotiator then accepts iff he believes his
 * own country ratifies it and it passes his veto. No believed overlap: no agreement.
 *
 * Divide form, full information, one constituent per country: A's share is
 * `clip(1/2, c_A, 1 - c_B)` when `c_A + c_B <= 1`, no agreement otherwise.
 */
export const nash: Protocol = {
  name: 'nash',
  bargain(t) {
    const { N, count } = t;
    const m = t.proposer;
    let best = -1;
    let bestProduct = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < count; c++) {
      if (!inBelievedOverlap(t, m, c)) continue;
      let product = 1;
      for (let k = 0; k < N; k++) product *= t.gain[k]![c]!;
      if (
        product > bestProduct ||
        (product === bestProduct && t.gain[m]![c]! > t.gain[m]![best]!)
      ) {
        best = c;
        bestProduct = product;
      }
    }
    return mediate(t, best);
  },
};
