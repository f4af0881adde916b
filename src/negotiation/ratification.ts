/**
 * Level II ratification (docs/MODEL.md section 5, "Ratification" in the design notes): the
 * tentative agreement is voted up or down in every country with its true Level II.
 * @module
 */

import { rankedShare, rankingFor } from '../model/rankedVote.ts';
import { chamberPasses, chamberYesShares } from '../model/vote.ts';
import { executiveAccepts, executiveDecides } from './autonomy.ts';
import { pays } from './pledges.ts';
import type { GameState } from './state.ts';

/** Whether country `k` casts a noisy vote (voter noise, or discipline strictly inside (0, 1)). */
function noisy(s: GameState, k: number): boolean {
  const p = s.levelII.truth[k]!;
  return p.tau > 0 || (p.parties > 0 && p.discipline > 0 && p.discipline < 1);
}

/** Whether anyone may pay country `k`'s constituents (else its payments stay 0). */
function payable(s: GameState, k: number): boolean {
  for (let i = 0; i < s.N; i++) if (pays(s, i, k)) return true;
  return false;
}

/**
 * The yes shares of country `k`'s expected vote on `x` without payments or bonus: by the
 * cut over its ranked constituents where that applies (`rankedVote.ts`, the same shares),
 * else over every constituent.
 */
function expectedShares(s: GameState, k: number, x: Float64Array): Float64Array {
  const p = s.levelII.truth[k]!;
  const { order, ranked } = s.levelII;
  const ranking =
    s.D === 1 ? rankingFor(s.scratch.winSet.rankings, p, order[k]!, ranked[k] === 1) : null;
  const share = ranking === null ? -1 : rankedShare(p, x[0]!, ranking);
  if (share < 0)
    return chamberYesShares(p, x, s.scratch.voteOptions, s.scratch.shares, s.scratch.vote);
  s.scratch.shares[0] = share;
  return s.scratch.shares;
}

/**
 * Every country votes on `x` with its true Level II and its payments (`bonus`, when given,
 * replaces the payments: payments plus the reputation bonus of the horizon). Noisy votes draw
 * from the game's `votes` stream; an autonomous executive (`autonomy.ts`) may then decide
 * alone. Marks `failed` per country (0: its Level II passed `x`, 1: it rejected `x`; 2: its
 * executive, deciding alone, rejected `x`, 3: he accepted it).
 *
 * @param s the game state
 * @param x the agreement
 * @param period 0 for ratification, `h` for period `h` of the horizon (traced)
 * @param bonus per country, what is added to each margin instead of the payments; or null
 * @returns the first failing country (by index), or -1 when every country passes
 * @example
 * ratify(state, record.agreement, 0, null); // -1: ratified
 */
export function ratify(
  s: GameState,
  x: Float64Array,
  period: number,
  bonus: Float64Array[] | null,
): number {
  const { N } = s;
  let first = -1;
  const options = s.scratch.voteOptions;
  for (let k = 0; k < N; k++) {
    const p = s.levelII.truth[k]!;
    options.rng = noisy(s, k) ? s.streams.votes : null;
    options.payments = bonus === null ? s.payments.paid[k]! : bonus[k]!;
    // nobody pays k and no bonus: its payments are all 0, the same margins as none
    const shares =
      options.rng === null && bonus === null && !payable(s, k)
        ? expectedShares(s, k, x)
        : chamberYesShares(p, x, options, s.scratch.shares, s.scratch.vote);
    let passed = true;
    for (let h = 0; h < p.chambers.length; h++) {
      if (!chamberPasses(shares[h]!, p.chambers[h]!.quota)) passed = false;
    }
    // an autonomous executive may decide alone (autonomy.ts); Level II has voted all the same
    const executive = executiveDecides(s, k);
    if (executive) passed = executiveAccepts(s, k, x, period);
    s.failed[k] = executive ? (passed ? 3 : 2) : passed ? 0 : 1;
    if (!passed && first < 0) first = k;
    s.trace?.push({
      type: 'vote',
      period,
      country: k,
      yesShares: Array.from(shares.subarray(0, p.chambers.length)),
      passed,
      ...(executive ? { executive } : {}),
    });
  }
  return first;
}
