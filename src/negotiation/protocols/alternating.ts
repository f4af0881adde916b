import type { NegotiatingTable, Protocol } from './protocol.ts';

/**
 * The candidate negotiator `i` offers at aspiration `a`: among the candidates he believes his
 * own country ratifies, that pass his veto and whose normalised utility is at least `a`, the
 * one with the highest believed probability that all others ratify (the product over the
 * other countries); ties go to the higher gain for him, then to the lower index. -1 if none.
 */
export function bestOffer(t: NegotiatingTable, i: number, a: number): number {
  const { N, count, threshold } = t;
  const own = t.believed[i * N + i]!;
  const gain = t.gain[i]!;
  const phi = t.reservation[i]!;
  let best = -1;
  let bestP = -1;
  let bestGain = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < count; c++) {
    const g = gain[c]!;
    if (own[c]! < threshold || g < phi || t.utility(i, c) < a) continue;
    let p = 1;
    for (let k = 0; k < N; k++) if (k !== i) p *= t.believed[i * N + k]![c]!;
    if (p > bestP || (p === bestP && g > bestGain)) {
      best = c;
      bestP = p;
      bestGain = g;
    }
  }
  return best;
}

/**
 * `alternating` (the default; MODEL.md section 4): boundedly rational bargaining by
 * aspiration adaptation. Proposers rotate from `protocol.proposer`; in round `t` every
 * negotiator's aspiration is `a_i(t) = (1 - c_i)^t`. The proposer offers {@link bestOffer};
 * every other negotiator accepts iff he believes his own country ratifies it, it passes his
 * veto and its normalised utility meets his aspiration. All accept: tentative agreement.
 * After `T` rounds: none. Works for any number of countries.
 */
export const alternating: Protocol = {
  name: 'alternating',
  bargain(t) {
    const { N } = t;
    const aspiration = new Float64Array(N).fill(1);
    for (let r = 0; r < t.deadline; r++) {
      const i = (t.proposer + r) % N;
      if (t.trace) t.trace.push({ type: 'aspirations', round: t.round, values: [...aspiration] });
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
