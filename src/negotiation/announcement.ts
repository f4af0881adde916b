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
 *
 * A detected bluff costs credibility (Putnam 1988 on the credibility of a negotiator's claims
 * about his Level II; Sobel 1985 and Sartori 2002 on a reputation for honesty that a detected
 * lie destroys): when a ratification fails and Level I reopens, every country `k` whose vote
 * ratified the agreement `x` although its announcement of that session called `x`
 * unratifiable (`p_kk(x) < pi`) proved its announcement too narrow (an honest error is caught
 * the same way as a bluff), and its credibility with every
 * foreign negotiator becomes `(1 - psi_k) kappa_k` for the rest of the game (again at each
 * detected bluff: `(1 - psi_k)^n kappa_k` after `n`). `psi_k = 0` (the default) changes no number.
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
  if (i === k || s.parties.credibility[k] === 0 || !s.announcement.made) return;
  const kappa = s.announcement.credibility[k]!;
  const row = s.table.believed[i * s.N + k]!;
  const announced = s.announcement.announced[k]!;
  for (let c = 0; c < s.table.count; c++) row[c] = (1 - kappa) * row[c]! + kappa * announced[c]!;
}

/**
 * At the opening of a session, after every belief is computed: every negotiator with
 * `kappa > 0` announces his believed win-set, and every foreign negotiator weighs it in with
 * his current credibility (the scenario's at the first session).
 *
 * @param s the game state, its session's beliefs computed
 * @param session 0, then one per reopening
 * @example
 * announce(state, 0); // state.announcement.made = true
 */
export function announce(s: GameState, session: number) {
  const { N, table, parties, announcement } = s;
  announcement.made = false;
  if (session === 0) announcement.credibility.set(parties.credibility);
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
      credibility: announcement.credibility[k]!,
      ratifiableShare: announcedShare(s, k),
    });
  }
  if (!any) return;
  announcement.made = true;
  for (let i = 0; i < N; i++) for (let k = 0; k < N; k++) hear(s, i, k);
}

/**
 * After a failed ratification of candidate `c`, before Level I reopens: every announcing
 * country that ratified `c` although its announcement called it unratifiable (believed
 * probability below `pi`) is caught bluffing, and its credibility falls from `kappa_k` to
 * `(1 - psi_k) kappa_k`. Does nothing for `psi_k = 0`.
 *
 * @param s the game state, `failed` set by the vote on `c`
 * @param c the failed agreement's candidate index in the session's table
 * @example
 * detectBluffs(state, c); // then learn(state, x)
 */
export function detectBluffs(s: GameState, c: number) {
  const { N, parties, announcement } = s;
  if (!announcement.made) return;
  const { threshold } = s.scenario.protocol;
  for (let k = 0; k < N; k++) {
    const psi = parties.bluffPenalty[k]!;
    if (psi === 0 || parties.credibility[k] === 0) continue;
    // failed 0 or 3: it ratified c (its Level II, or its executive alone)
    if (s.failed[k] === 1 || s.failed[k] === 2 || announcement.announced[k]![c]! >= threshold)
      continue;
    announcement.credibility[k] = (1 - psi) * announcement.credibility[k]!;
    s.trace?.push({ type: 'bluff', negotiator: k, credibility: announcement.credibility[k]! });
  }
}

/** The share of candidates country `k`'s negotiator announces as ratifiable (`>= pi`). */
function announcedShare(s: GameState, k: number): number {
  const { count } = s.table;
  const announced = s.announcement.announced[k]!;
  let inside = 0;
  for (let c = 0; c < count; c++) if (announced[c]! >= s.scenario.protocol.threshold) inside++;
  return count > 0 ? inside / count : 0;
}
