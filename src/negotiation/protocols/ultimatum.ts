import type { Protocol } from './protocol.ts';

/**
 * `ultimatum`: the Romer-Rosenthal (1978) setter, as in Iida (1993). The proposer
 * (`protocol.proposer`) makes one take-it-or-leave-it offer that goes straight to every
 * Level II vote (no negotiator answers it). He picks the candidate maximising his expected
 * gain `P(all ratify) (u(x) - u(no agreement))`, where `P` is the product over all countries
 * (his own with his underselling `lambda`) of his believed ratification probabilities, among
 * the candidates that pass his veto; ties go to the higher `P`, then the lower index. When no
 * candidate has a positive expected gain he offers nothing: no agreement.
 *
 * With full information in one dimension this is the setter's outcome: responder median
 * `m = 0.3`, reversion `q = 0`, setter ideal 1 gives `x = 2m - q = 0.6`.
 */
export const ultimatum: Protocol = {
  name: 'ultimatum',
  bargain(t) {
    const { N, count } = t;
    const i = t.proposer;
    const gain = t.gain[i]!;
    let best = -1;
    let bestValue = 0;
    let bestP = 0;
    for (let c = 0; c < count; c++) {
      const g = gain[c]!;
      if (g < t.reservation[i]! || g <= 0) continue;
      let p = 1;
      for (let k = 0; k < N; k++) p *= t.believed[i * N + k]![c]!;
      const value = p * g;
      if (value > bestValue || (value === bestValue && value > 0 && p > bestP)) {
        best = c;
        bestValue = value;
        bestP = p;
      }
    }
    if (best < 0) {
      t.pass(i);
      return -1;
    }
    t.offer(i, best);
    return best;
  },
};
