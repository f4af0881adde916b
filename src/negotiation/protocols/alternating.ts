import { type NegotiatingTable, normalisedUtility, type Protocol } from './protocol.ts';

/**
 * A gain below which the normalised utility `g / top` is surely below `a`, so that a scan
 * skips such candidates without dividing: `a top (1 - 1e-9)` when `a` and `a top` (so `top > 0`)
 * lie well inside the normal range, else -Infinity (no candidate skipped). Exact: rounded
 * (relative error `2^-53` each), the floor stays below `a top (1 - 1e-9 / 2)`, so `g` below it
 * puts the exact quotient `g / top` more than `a 1e-9 / 2` below `a`, far beyond the
 * division's rounding (relative `2^-53`).
 */
function utilityFloor(a: number, top: number): number {
  const product = a * top;
  const normal = a >= 1e-300 && product >= 1e-300 && product <= 1e300;
  return normal ? product * (1 - 1e-9) : Number.NEGATIVE_INFINITY;
}

/**
 * The candidate negotiator `i` offers at aspiration `a` (aspiration adaptation: Sauermann and
 * Selten 1962; Selten 1998). Among the candidates he believes his own country ratifies, that
 * pass his veto and whose normalised utility is at least `a`:
 * 1. those with the highest believed probability that all others ratify (the product over
 *    the other countries);
 * 2. among them, the one whose normalised utility is closest to `a`, i.e. the lowest one
 *    still `>= a`: he asks for what his aspiration demands, no more;
 * 3. a remaining tie goes to the higher gain for him, then to the lower index.
 *
 * Rule 2 refines MODEL.md section 4, which breaks ties in rule 1 by "better for him". Taken
 * literally that rule deadlocks: once a whole stretch of candidates is believed ratifiable
 * by everyone, each proposer offers, round after round, the end of it that is best for him,
 * which is the responder's zero-gain edge, while the responder's aspiration `(1 - c)^t` never
 * reaches 0 (ideal points N(0.3, 0.15^2) and N(0.7, 0.15^2), 101 each, reversions 0 and 1,
 * exact beliefs: 14 of 1,000 games agreed before the deadline; with the medians exactly 0.3
 * and 0.7, none). Offering at his aspiration level, the proposer concedes as it decays, which
 * is how aspiration adaptation reaches agreement (there: every game, in 6 rounds on
 * average). When he believes every candidate fails abroad (all probabilities 0), rule 2
 * still lowers his demand, in whichever direction his own utility falls, possibly away from
 * the other side: such offers carry no information about what the others would accept.
 *
 * @param t the table
 * @param i the proposer
 * @param a his aspiration
 * @returns the candidate's index, or -1 when none qualifies
 * @example
 * // overlap [0.4, 0.6], A (ideal 0.3, q = 0) normalises x (0.6 - x) / 0.08; at a = 0.81 the
 * // candidates with utility >= 0.81 are x <= 0.4587, so on the grid of step 0.005:
 * bestOffer(t, 0, 0.81); // the index of x = 0.455 (utility 0.8247)
 */
export function bestOffer(t: NegotiatingTable, i: number, a: number): number {
  const { N, count, threshold, believed } = t;
  const own = believed[i * N + i]!;
  const gain = t.gain[i]!;
  const phi = t.reservation[i]!;
  const top = t.top[i]!;
  const floor = utilityFloor(a, top);
  // of two countries, the other's row: the product over the others is its probability
  const other = N === 2 ? believed[i * N + 1 - i]! : null;
  let best = -1;
  let bestP = -1;
  let bestUtility = Number.POSITIVE_INFINITY;
  let bestGain = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < count; c++) {
    const g = gain[c]!;
    // most candidates fall short of his aspiration: the floor drops them first, undivided
    if (g < floor || own[c]! < threshold || g < phi) continue;
    const u = normalisedUtility(g, top);
    if (u < a) continue;
    let p = 1;
    if (other !== null) p = other[c]!;
    else for (let k = 0; k < N; k++) if (k !== i) p *= believed[i * N + k]![c]!;
    if (p < bestP) continue;
    if (p === bestP && (u > bestUtility || (u === bestUtility && g <= bestGain))) continue;
    best = c;
    bestP = p;
    bestUtility = u;
    bestGain = g;
  }
  return best;
}

/**
 * `alternating` (the default; MODEL.md section 4): boundedly rational bargaining by
 * aspiration adaptation (Sauermann and Selten 1962; Selten 1998). Proposers rotate from
 * `protocol.proposer`; in round `t` of a session every negotiator's aspiration is
 * `a_i(t) = (1 - c_i)^t`. The proposer offers {@link bestOffer}: among the candidates he
 * believes his own country ratifies, that pass his veto and meet his aspiration, those with
 * the highest believed probability that all others ratify, and among them the one whose
 * utility to him is closest to his aspiration (so he concedes as it decays; a remaining tie
 * goes to the one better for him). Every other negotiator accepts iff he believes his own
 * country ratifies it, it passes his veto and its normalised utility meets his aspiration.
 * All accept: tentative agreement. After `T` rounds: none. Works for any number of
 * countries. The aspirations live in the table's scratch.
 */
export const alternating: Protocol = {
  name: 'alternating',
  bargain(t) {
    const { N } = t;
    const aspiration = t.scratch;
    aspiration.fill(1, 0, N);
    for (let r = 0; r < t.deadline; r++) {
      const i = (t.proposer + r) % N;
      if (t.trace) {
        t.trace.push({
          type: 'aspirations',
          round: t.round,
          values: [...aspiration.subarray(0, N)],
        });
      }
      const c = bestOffer(t, i, aspiration[i]!);
      if (c < 0) t.pass(i);
      else {
        t.offer(i, c);
        let accepted = true;
        for (let j = 0; j < N; j++) {
          if (j !== i && !t.accepts(j, c, aspiration[j]!)) accepted = false;
        }
        if (accepted) return c;
      }
      for (let j = 0; j < N; j++) aspiration[j]! *= 1 - t.concession[j]!;
    }
    return -1;
  },
};
