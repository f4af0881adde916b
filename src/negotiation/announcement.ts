/**
 * Announced win-sets: underselling as misrepresentation (docs/MODEL.md section 9.3; Putnam
 * 1988: a negotiator may misrepresent his win-set to the other side, claiming his Level II
 * will accept less than it will, a tactic that pays only when it is believed and risks
 * breakdown; Schelling 1960 on commitment). A negotiator `k` with credibility `kappa_k > 0`
 * announces, at the start of each Level I session, his believed win-set: his own believed
 * probability `p_kk(c)` that his country ratifies each candidate, computed with his underselling
 * `lambda_k` (so `lambda_k < 1` announces less than he believes). Every foreign negotiator `i`
 * then believes `(1 - kappa_k) p_ik(c) + kappa_k p_kk(c)`, with his own `p_ik` from his
 * particles; when an offer reverberates in `k` and his particles move, the same announcement
 * is weighed in again. `kappa_k = 0` (the default) announces nothing and changes no number.
 * @module
 */

import type { GameState } from './state.ts';

/**
 * Weighs country `k`'s announcement into negotiator `i`'s believed ratification probabilities
 * of `k` (row `believed[i * N + k]`), once the session's announcements are made. Does nothing
 * for his own country, a silent negotiator, or before the announcements.
 *
 * @param s the game state, the row just computed
 * @param i the listener
 * @param k the announcing country
 * @example
 * hear(state, 0, 1); // A's beliefs about B after B's announcement
 */
export function hear(s: GameState, i: number, k: number) {
  const kappa = s.parties.credibility[k]!;
  if (i === k || kappa === 0 || !s.announcement.made) return;
  const row = s.table.believed[i * s.N + k]!;
  const announced = s.announcement.announced[k]!;
  for (let c = 0; c < s.table.count; c++) row[c] = (1 - kappa) * row[c]! + kappa * announced[c]!;
}

/**
 * At the opening of a session, after every belief is computed: every negotiator with
 * `kappa > 0` announces his believed win-set, and every foreign negotiator weighs it in.
 *
 * @param s the game state, its session's beliefs computed
 * @example
 * announce(state); // state.announcement.made = true
 */
export function announce(s: GameState) {
  const { N, table, parties, announcement } = s;
  announcement.made = false;
  let any = false;
  for (let k = 0; k < N; k++) {
    if (parties.credibility[k] === 0) continue;
    any = true;
    if (announcement.announced[k]!.length < table.count) {
      announcement.announced[k] = new Float64Array(table.believed[k * N + k]!.length);
    }
    announcement.announced[k]!.set(table.believed[k * N + k]!.subarray(0, table.count));
    s.trace?.push({
      type: 'announcement',
      negotiator: k,
      credibility: parties.credibility[k]!,
      ratifiableShare: announcedShare(s, k),
    });
  }
  if (!any) return;
  announcement.made = true;
  for (let i = 0; i < N; i++) for (let k = 0; k < N; k++) hear(s, i, k);
}

/** The share of candidates country `k`'s negotiator announces as ratifiable (`>= pi`). */
function announcedShare(s: GameState, k: number): number {
  const { count } = s.table;
  const announced = s.announcement.announced[k]!;
  let inside = 0;
  for (let c = 0; c < count; c++) if (announced[c]! >= s.scenario.protocol.threshold) inside++;
  return count > 0 ? inside / count : 0;
}
