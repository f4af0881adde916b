/**
 * What one two-level game leaves behind (MODEL.md section 6): one record per run, turned
 * into result columns by the engine.
 * @module
 */

/**
 * The outcomes of a game, in a fixed order (a stable list for result columns and charts):
 * - `agreement`: a tentative agreement was ratified by every country and kept for the whole
 *   horizon `H`;
 * - `no_agreement`: Level I ended without a tentative agreement (deadline, no acceptable
 *   offer, or no believed overlap);
 * - `involuntary_defection`: a tentative agreement failed ratification in some country
 *   (Putnam 1988: the negotiator could not deliver), and no later reopening produced a
 *   ratified agreement;
 * - `voluntary_defection`: a ratified agreement was reneged on within the horizon `H`;
 * - `aborted`: with `protocol.abort`, talks were never opened because no negotiator believed
 *   any agreement would be ratified by every country (Putnam 1988: expectations of rejection
 *   at Level II abort Level I). Without `protocol.abort` such games play Level I and usually
 *   end `no_agreement`. Appended last, so the codes of the other outcomes are unchanged.
 */
export const OUTCOMES = [
  'agreement',
  'no_agreement',
  'involuntary_defection',
  'voluntary_defection',
  'aborted',
] as const;

/** One of {@link OUTCOMES}. */
export type Outcome = (typeof OUTCOMES)[number];

/**
 * One game's record. Arrays indexed by country hold one number per country `i` in scenario
 * order; `agreement` holds the `D` coordinates of `x`.
 */
export interface GameRecord {
  /** The run seed the game was played with (every sub-stream derives from it). */
  seed: string;
  outcome: Outcome;
  /**
   * The defecting country's index: for `involuntary_defection` the first country (by index)
   * whose Level II rejected the last tentative agreement, for `voluntary_defection` the first
   * that reneged; `-1` otherwise.
   */
  defector: number;
  /** Level I rounds played over all sessions (one proposer per round; `ultimatum`, `nash`
   * and `midpoint` play one round per session). */
  rounds: number;
  /** How many times Level I reopened after a failed ratification (at most `scenario.reopen`). */
  reopenings: number;
  /**
   * The last tentative agreement `x` (`D` coordinates), whether or not it was ratified;
   * all `NaN` when Level I never reached one.
   */
  agreement: Float64Array;
  /** The period `h` (1..H) in which a ratified agreement was reneged on; 0 otherwise. */
  defectionPeriod: number;
  /**
   * Per country, the median constituent's gain `u(x) - u(no agreement)` at the ratified
   * agreement: spatial `L(q_i) - L(x)` for the weighted median ideal point (salience-weighted
   * quadratic loss), divide `share_i(x) - c_med`. Measured on the Level II that ratified
   * (after reverberation, before drift). 0 when no agreement was ratified (`no_agreement`,
   * `involuntary_defection`): the reversion holds. For `voluntary_defection` it is the gain
   * while the agreement stood.
   */
  medianGain: Float64Array;
  /**
   * Per country, the chief negotiator's gain at the ratified agreement: spatial
   * `|q_i - v^N_i|^2 - |x - v^N_i|^2`, divide `share_i(x)`; 0 when nothing was ratified
   * (same convention as `medianGain`).
   */
  negotiatorGain: Float64Array;
  /** Per country, the true win-set size `|W_i|` (lambda 1, no payments) as first drawn. */
  winSetSize: Float64Array;
  /** The measure of the intersection of the true win-sets as first drawn. */
  overlapSize: number;
  /**
   * The believed overlap: the measure of the agreements the first proposer
   * (`protocol.proposer`) believes every country ratifies (believed probability `>= pi` for
   * each, his own country with his underselling `lambda`), at the start of the first session.
   */
  believedOverlapSize: number;
  /** Per country, the side payments its negotiator spent (sum of `w_ij pi_ij`). */
  sidePayments: Float64Array;
}

/**
 * A record for `N` countries in `D` dimensions before the game is played: no agreement,
 * no defector, zero gains, `agreement` all `NaN`.
 *
 * @param seed the run seed
 * @param N number of countries
 * @param D dimension of the agreement space
 * @returns a fresh record
 * @example
 * createRecord('s', 2, 1).agreement; // Float64Array [NaN]
 */
export function createRecord(seed: string, N: number, D: number): GameRecord {
  return {
    seed,
    outcome: 'no_agreement',
    defector: -1,
    rounds: 0,
    reopenings: 0,
    agreement: new Float64Array(D).fill(Number.NaN),
    defectionPeriod: 0,
    medianGain: new Float64Array(N),
    negotiatorGain: new Float64Array(N),
    winSetSize: new Float64Array(N),
    overlapSize: 0,
    believedOverlapSize: 0,
    sidePayments: new Float64Array(N),
  };
}
