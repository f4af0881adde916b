/**
 * What negotiators believe (docs/MODEL.md section 3, "Beliefs" in the design notes): their
 * particles of every country, each particle's win-set, the believed probability that each
 * country ratifies each candidate, and learning after a failed vote.
 * @module
 */

import { drawProfile, shiftedCopy } from '../model/profile.ts';
import { normal } from '../model/random.ts';
import { ratifies } from '../model/vote.ts';
import { copyIntervals, winSet } from '../model/winSet.ts';
import { hear } from './announcement.ts';
import { weighExecutive } from './autonomy.ts';
import { candidatePoint } from './candidates.ts';
import { correctByPoll } from './consultation.ts';
import { pays, planPledge, pledgeOrder } from './pledges.ts';
import type { GameState } from './state.ts';

/** Redraws of one particle after a failed vote, at most, until it votes on the agreement as its country did. */
const REDRAW_TRIES = 100;

/**
 * Draws, from every negotiator's stream `beliefs/<name>`, all his particles of every
 * country (his own included) from the true Level II as drawn.
 *
 * @param s the game state, its Level II drawn
 * @example
 * drawBeliefs(state); // state.beliefs.active[b] = K_i for every block
 */
export function drawBeliefs(s: GameState) {
  const { N, parties, beliefs } = s;
  for (let i = 0; i < N; i++) {
    for (let k = 0; k < N; k++) {
      beliefs.active[i * N + k] = parties.K[i]!;
      for (let p = 0; p < parties.K[i]!; p++) drawParticle(s, i, k, p, true);
    }
  }
}

/**
 * Draws particle `p` of negotiator `i`'s belief about country `k` into its slot: `prior`, a
 * fresh profile from `k`'s generators with the true reversion; `estimate`, the true profile
 * shifted by one `N(0, sigma^2)` draw per dimension (his own country's corrected by his poll,
 * `consultation.ts`). At the start of a game (`initial`) an
 * exact particle (a zero shift, and no underselling of his own country) takes the true
 * win-set instead of recomputing it.
 */
function drawParticle(s: GameState, i: number, k: number, p: number, initial: boolean) {
  const { N, D, parties, beliefs, scratch } = s;
  const b = i * N + k;
  const rng = s.streams.beliefs[i]!;
  const truth = s.levelII.truth[k]!;
  const slots = beliefs.particles[b]!;
  let exact = false;
  if (parties.mode[i] === 'prior') {
    // a prior particle is only ever drawn here, for this country
    const drawn = drawProfile(s.scenario, k, rng, slots[p], slots[p] !== undefined);
    drawn.reversion.set(truth.reversion);
    slots[p] = drawn;
  } else {
    const sigma = i === k ? parties.sigmaOwn[i]! : parties.sigmaForeign[i]!;
    const dims = truth.form === 'divide' ? 1 : D;
    exact = initial && (i !== k || parties.lambda[i] === 1);
    for (let d = 0; d < dims; d++) scratch.shift[d] = normal(rng, 0, sigma);
    if (i === k) correctByPoll(s, i, scratch.shift, dims);
    for (let d = 0; d < dims; d++) if (scratch.shift[d] !== 0) exact = false;
    // the truth shifted (shiftLevelII's sums), sharing the arrays a belief never moves
    slots[p] = shiftedCopy(truth, scratch.shift, slots[p]);
  }
  if (D !== 1) return;
  if (exact) copyIntervals(s.levelII.winSets[k]!, beliefs.intervals[b]![p]!);
  else particleWinSet(s, i, k, p);
}

/**
 * Recomputes the 1-D win-set of particle `p` of `i`'s belief about `k` (his own country with
 * his `lambda`).
 *
 * @param s the game state
 * @param i the negotiator
 * @param k the country
 * @param p the particle
 * @example
 * particleWinSet(state, 0, 1, 0); // after the particle moved
 */
export function particleWinSet(s: GameState, i: number, k: number, p: number) {
  const b = i * s.N + k;
  const { particles, intervals } = s.beliefs;
  const options = s.scratch.winSetOptions;
  options.lambda = i === k ? s.parties.lambda[i]! : 1;
  // an estimate is the truth shifted: its constituents keep the truth's order
  const estimate = s.parties.mode[i] === 'estimate';
  options.order = estimate ? s.levelII.order[k]! : null;
  options.ascending = estimate && s.levelII.ranked[k] === 1;
  winSet(particles[b]![p]!, s.box, options, intervals[b]![p]!, s.scratch.winSet);
}

/**
 * The first candidate from `from` on (ascending, so found by bisection) no longer inside a
 * win-set ending at `hi`: past `hi + tolerance` when that end is the box's (`clipped`), else
 * within `tolerance` of `hi`; `count` when there is none.
 */
function insideEnd(
  cand: Float64Array,
  from: number,
  count: number,
  hi: number,
  tolerance: number,
  clipped: boolean,
): number {
  let a = from;
  let b = count;
  while (a < b) {
    const t = (a + b) >>> 1;
    if (clipped ? cand[t]! <= hi + tolerance : hi - cand[t]! > tolerance) a = t + 1;
    else b = t;
  }
  return a;
}

/**
 * Fills `believed[i * N + k]`: the share of `i`'s particles of `k` that ratify each
 * candidate. One dimension: candidates are looked up in each particle's win-set, and those
 * within the tolerance of an end (not clipped by the box) are checked by the model's vote,
 * except an end itself of a closed win-set (`Intervals.closed`: the particle's win-set is
 * computed with this `lambda` and no payments, so the same vote passed it already).
 */
function believe(s: GameState, i: number, k: number) {
  const { N, D, tolerance, table, beliefs } = s;
  const { count, candidates: cand } = table;
  const b = i * N + k;
  const out = table.believed[b]!;
  const active = beliefs.active[b]!;
  const slots = beliefs.particles[b]!;
  const options = { lambda: i === k ? s.parties.lambda[i]! : 1 };
  const vote = s.scratch.vote;
  out.fill(0, 0, count);
  const [boxLo, boxHi] = s.box;
  for (let p = 0; p < active; p++) {
    const particle = slots[p]!;
    if (D !== 1) {
      for (let c = 0; c < count; c++) {
        if (ratifies(particle, candidatePoint(s, c), options, vote)) out[c]! += 1;
      }
      continue;
    }
    const iv = beliefs.intervals[b]![p]!;
    let c = 0;
    for (let t = 0; t < iv.count; t++) {
      const lo = iv.lo[t]!;
      const hi = iv.hi[t]!;
      while (c < count && cand[c]! < lo - tolerance) c++;
      while (c < count && cand[c]! <= hi + tolerance) {
        const x = cand[c]!;
        // an end clipped by the box is no boundary of the win-set
        if ((x - lo > tolerance || lo <= boxLo) && (hi - x > tolerance || hi >= boxHi)) {
          // inside, and so is every next candidate until one is within the tolerance of hi
          const end = insideEnd(cand, c + 1, count, hi, tolerance, hi >= boxHi);
          if (p === 0) out.fill(1, c, end);
          else for (; c < end; c++) out[c]! += 1;
          c = end;
          continue;
        }
        if (iv.closed && (x === lo || x === hi)) out[c]! += 1;
        else if (ratifies(particle, candidatePoint(s, c), options, vote)) out[c]! += 1;
        c++;
      }
    }
  }
  if (active > 1) for (let c = 0; c < count; c++) out[c]! /= active;
  weighExecutive(s, i, k);
  hear(s, i, k);
}

/**
 * Fills `believed[i * N + k]` for every country `k` negotiator `i` targets with side
 * payments: per candidate, his budget secures the countries in pledge order exactly as he
 * would pledge (`planSidePayments`, mode `secure`), and a country he cannot secure gets the
 * share its affordable payments would reach.
 */
function believeWithPayments(s: GameState, i: number) {
  const { N, table, parties, payments } = s;
  const { count } = table;
  const lambda = parties.lambda[i]!;
  for (let c = 0; c < count; c++) {
    const x = candidatePoint(s, c);
    let remaining = parties.budget[i]!;
    for (let step = 0; step < N; step++) {
      const k = pledgeOrder(i, step);
      if (!pays(s, i, k)) continue;
      const plan = planPledge(s, i, k, x, i === k ? lambda : 1, payments.none[k]!, remaining);
      table.believed[i * N + k]![c] = plan.believed;
      remaining -= plan.cost;
    }
  }
  for (let k = 0; k < N; k++) {
    if (!pays(s, i, k)) continue;
    weighExecutive(s, i, k);
    hear(s, i, k);
  }
}

/**
 * Fills every believed probability of negotiator `i` at the opening of a session: with his
 * affordable payments for the countries he targets, by particles for the others; each
 * country's autonomous executive weighed in (`autonomy.ts`; the candidate gains measured).
 *
 * @param s the game state, its candidates built
 * @param i the negotiator
 * @example
 * believeAll(state, 0); // state.table.believed[0 * N + k] for every k
 */
export function believeAll(s: GameState, i: number) {
  for (let k = 0; k < s.N; k++) if (!pays(s, i, k)) believe(s, i, k);
  if (s.parties.budget[i]! > 0) believeWithPayments(s, i);
}

/**
 * Recomputes the believed probabilities `i` derives for country `k` (after `k`'s Level II
 * and his particles of it moved).
 *
 * @param s the game state
 * @param i the negotiator
 * @param k the country
 * @example
 * rebelieve(state, 0, 1); // after an offer reverberated in country 1
 */
export function rebelieve(s: GameState, i: number, k: number) {
  if (pays(s, i, k)) believeWithPayments(s, i);
  else believe(s, i, k);
}

/**
 * After a failed vote on `x` (every vote is public): every negotiator drops his particles of
 * each country whose Level II rejected `x` under which `x` (with its pledges) would have
 * passed, and his particles of each country whose Level II passed `x` under which it would
 * have failed; when none remain he redraws all `K` (each up to 100 times until it votes on `x`
 * as the country did). An executive who decided alone (`failed` 2 or 3) teaches nothing about
 * his Level II.
 *
 * @param s the game state, `failed` set by the vote
 * @param x the agreement that failed
 * @example
 * learn(state, record.agreement); // state.beliefs.active shrinks or is redrawn
 */
export function learn(s: GameState, x: Float64Array) {
  const { N, beliefs, parties } = s;
  const vote = s.scratch.vote;
  for (let k = 0; k < N; k++) {
    // only a Level II's own vote teaches about it (1: it rejected x, 0: it passed x)
    if (s.failed[k] > 1) continue;
    const passed = s.failed[k] === 0;
    const options = { payments: s.payments.paid[k]! };
    for (let i = 0; i < N; i++) {
      const b = i * N + k;
      const slots = beliefs.particles[b]!;
      const ivs = beliefs.intervals[b]!;
      let kept = 0;
      for (let p = 0; p < beliefs.active[b]!; p++) {
        if (ratifies(slots[p]!, x, options, vote) !== passed) continue;
        [slots[kept], slots[p]] = [slots[p]!, slots[kept]!];
        [ivs[kept], ivs[p]] = [ivs[p]!, ivs[kept]!];
        kept++;
      }
      const redrawn = kept === 0;
      if (redrawn) {
        kept = parties.K[i]!;
        for (let p = 0; p < kept; p++) {
          for (let tries = 0; tries < REDRAW_TRIES; tries++) {
            drawParticle(s, i, k, p, false);
            if (ratifies(slots[p]!, x, options, vote) === passed) break;
          }
        }
      }
      beliefs.active[b] = kept;
      s.trace?.push({ type: 'learning', negotiator: i, country: k, kept, redrawn });
    }
  }
}
