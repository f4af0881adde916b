import type { NegotiatingTable } from './protocol.ts';

/**
 * Whether candidate `c` lies in negotiator `i`'s believed overlap: he believes every country
 * ratifies it (believed probability `>= pi` for each, his own with his `lambda`) and it passes
 * every negotiator's veto `phi_k` (negotiators' utilities are common knowledge).
 */
export function inBelievedOverlap(t: NegotiatingTable, i: number, c: number): boolean {
  const { N } = t;
  for (let k = 0; k < N; k++) {
    if (t.believed[i * N + k]![c]! < t.threshold) return false;
    if (t.gain[k]![c]! < t.reservation[k]!) return false;
  }
  return true;
}

/**
 * Puts a mediated solution `c` on the table (offered by the mediator `protocol.proposer`) and
 * asks every other negotiator: he accepts iff he believes his own country ratifies it and it
 * passes his veto (no aspiration). Returns `c` when all accept, -1 otherwise; with `c < 0`
 * the mediator passes.
 */
export function mediate(t: NegotiatingTable, c: number): number {
  const i = t.proposer;
  if (c < 0) {
    t.pass(i);
    return -1;
  }
  t.offer(i, c);
  let accepted = true;
  for (let j = 0; j < t.N; j++) if (j !== i && !t.accepts(j, c, 0)) accepted = false;
  return accepted ? c : -1;
}
