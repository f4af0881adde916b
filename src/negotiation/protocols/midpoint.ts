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
    // the bounding box: lower corner in scratch[0, D), upper corner in scratch[D, 2D)
    const box = t.scratch;
    box.fill(Number.POSITIVE_INFINITY, 0, D);
    box.fill(Number.NEGATIVE_INFINITY, D, 2 * D);
    let any = false;
    for (let c = 0; c < count; c++) {
      if (!inBelievedOverlap(t, m, c)) continue;
      any = true;
      for (let d = 0; d < D; d++) {
        const x = candidates[c * D + d]!;
        if (x < box[d]!) box[d] = x;
        if (x > box[D + d]!) box[D + d] = x;
      }
    }
    let best = -1;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let c = 0; any && c < count; c++) {
      if (!inBelievedOverlap(t, m, c)) continue;
      let distance = 0;
      for (let d = 0; d < D; d++) {
        const e = candidates[c * D + d]! - (box[d]! + box[D + d]!) / 2;
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
