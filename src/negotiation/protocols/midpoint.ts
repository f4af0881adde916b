import { inBelievedOverlap, mediate } from './believedOverlap.ts';
import type { Protocol } from './protocol.ts';

/**
 * `midpoint`: split the difference within the believed overlap. The mediator
 * (`protocol.proposer`) takes the centre of the bounding box of his believed overlap
 * ({@link inBelievedOverlap}; in one dimension the midpoint of its lowest and highest
 * candidate) and offers the overlap candidate nearest to it (Euclidean; ties to the lower
 * index). Every other negotiator then accepts iff he believes his own country ratifies it and
 * it passes his veto. No believed overlap: no agreement.
 */
export const midpoint: Protocol = {
  name: 'midpoint',
  bargain(t) {
    const { D, count, candidates } = t;
    const m = t.proposer;
    const lo = new Float64Array(D).fill(Number.POSITIVE_INFINITY);
    const hi = new Float64Array(D).fill(Number.NEGATIVE_INFINITY);
    let any = false;
    for (let c = 0; c < count; c++) {
      if (!inBelievedOverlap(t, m, c)) continue;
      any = true;
      for (let d = 0; d < D; d++) {
        const x = candidates[c * D + d]!;
        if (x < lo[d]!) lo[d] = x;
        if (x > hi[d]!) hi[d] = x;
      }
    }
    let best = -1;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let c = 0; any && c < count; c++) {
      if (!inBelievedOverlap(t, m, c)) continue;
      let distance = 0;
      for (let d = 0; d < D; d++) {
        const e = candidates[c * D + d]! - (lo[d]! + hi[d]!) / 2;
        distance += e * e;
      }
      if (distance < bestDistance) {
        best = c;
        bestDistance = distance;
      }
    }
    return mediate(t, best);
  },
};
