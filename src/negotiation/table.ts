/**
 * The negotiating table (docs/MODEL.md section 4): Level I as a protocol sees it. A session
 * opens with its candidates, every negotiator's believed probabilities and gains; offers
 * reverberate in the receiving countries and move the beliefs about them.
 * @module
 */

import { shown } from '../errors.ts';
import { medianConstituent } from '../model/profile.ts';
import { announce } from './announcement.ts';
import { believeAll, particleWinSet, rebelieve } from './beliefs.ts';
import { buildCandidates, candidatePoint } from './candidates.ts';
import { measureCandidateGains } from './gains.ts';
import { type NegotiatingTable, normalisedUtility, ProtocolError } from './protocols/protocol.ts';
import type { GameRecord } from './record.ts';
import { reverberate } from './reverberate.ts';
import type { GameState } from './state.ts';
import type { TraceSink } from './trace.ts';

/**
 * Whether negotiator `i` believes every country but his own ratifies candidate `c`: his
 * believed probability `believed[i * N + k][c] >= threshold` for each `k != i` (a NaN counts
 * as believed, as `< threshold` fails).
 */
function believedAbroad(s: GameState, i: number, threshold: number, c: number): boolean {
  const { N } = s;
  const { believed } = s.table;
  for (let k = 0; k < N; k++) if (k !== i && believed[i * N + k]![c]! < threshold) return false;
  return true;
}

/**
 * Sets `top[i]`, the gain of `i`'s best believed-ratifiable candidate (see NegotiatingTable):
 * every country believed to ratify and his veto passed, else the best his own country is
 * believed to ratify, else 0. Returns, from the same pass, the measure of `i`'s believed
 * overlap (the record's is the first proposer's, see GameRecord): `D = 1`, the total length
 * of the runs of consecutive candidates he believes every country ratifies; else the box's
 * volume times their share of the candidates.
 */
function updateTop(s: GameState, i: number): number {
  const { N, D, box, table } = s;
  const { count, candidates, believed } = table;
  const threshold = s.scenario.protocol.threshold;
  const gain = table.gain[i]!;
  const phi = s.parties.reservation[i]!;
  const own = believed[i * N + i]!;
  // of two countries, the other's row alone is abroad
  const other = N === 2 ? believed[i * N + 1 - i]! : null;
  let all = Number.NEGATIVE_INFINITY;
  let mine = Number.NEGATIVE_INFINITY;
  let size = 0;
  let inside = 0;
  let previous = false;
  for (let c = 0; c < count; c++) {
    if (own[c]! < threshold) {
      previous = false;
      continue;
    }
    const abroad = other !== null ? !(other[c]! < threshold) : believedAbroad(s, i, threshold, c);
    if (abroad) inside++;
    if (D === 1 && previous && abroad) size += candidates[c]! - candidates[c - 1]!;
    previous = abroad;
    const g = gain[c]!;
    if (g < phi) continue;
    if (g > mine) mine = g;
    if (abroad && !(g <= all)) all = g;
  }
  const best = all > Number.NEGATIVE_INFINITY ? all : mine;
  table.top[i] = best > Number.NEGATIVE_INFINITY ? best : 0;
  return D === 1 ? size : ((box[1] - box[0]) ** D * inside) / count;
}

/** 1-D: the first proposer's believed win-set of country `k`, as intervals of candidates. */
function believedWinSet(s: GameState, k: number): [number, number][] {
  const out: [number, number][] = [];
  if (s.D !== 1) return out;
  const { proposer, threshold } = s.scenario.protocol;
  const { table } = s;
  const row = table.believed[proposer * s.N + k]!;
  for (let c = 0; c < table.count; c++) {
    if (row[c]! < threshold) continue;
    const x = table.candidates[c]!;
    const last = out[out.length - 1];
    if (last && c > 0 && row[c - 1]! >= threshold) last[1] = x;
    else out.push([x, x]);
  }
  return out;
}

/**
 * Opens Level I session `session`: candidates, believed probabilities, gains and tops; the
 * first session records the believed overlap.
 *
 * @param s the game state, beliefs drawn or updated by learning
 * @param record the game's record
 * @param session 0, then one per reopening
 * @example
 * openSession(state, record, 0); // state.table is ready for the protocol
 */
export function openSession(s: GameState, record: GameRecord, session: number) {
  const { N } = s;
  buildCandidates(s);
  // gains first: believed ratification weighs in each autonomous executive's gain
  measureCandidateGains(s);
  // the last session's announcements are void: these candidates are new
  s.announcement.made = false;
  for (let i = 0; i < N; i++) believeAll(s, i);
  announce(s, session);
  let overlap = 0;
  for (let i = 0; i < N; i++) {
    const size = updateTop(s, i);
    if (i === s.scenario.protocol.proposer) overlap = size;
  }
  if (session === 0) record.believedOverlapSize = overlap;
  if (s.trace) {
    s.trace.push({
      type: 'session',
      session,
      candidates: s.table.count,
      believedOverlap: overlap,
      believedWinSets: Array.from({ length: N }, (_, k) => believedWinSet(s, k)),
    });
  }
}

/**
 * The table a protocol plays on (see {@link NegotiatingTable}): a view of the game state,
 * whose offers reverberate.
 */
export class Table implements NegotiatingTable {
  readonly N: number;
  readonly D: number;
  readonly top: Float64Array;
  readonly reservation: Float64Array;
  readonly concession: Float64Array;
  readonly threshold: number;
  readonly deadline: number;
  readonly proposer: number;
  readonly scratch: Float64Array;
  private readonly s: GameState;
  /** `s.table.gain` (its rows are replaced when the tables grow, the array itself stays). */
  private readonly gains: Float64Array[];
  /** `offeredIn[c]`: the session (by {@link Table.beginSession}'s stamp) candidate `c` was last offered in. */
  private offeredIn = new Float64Array(0);
  private stamp = 0;

  constructor(s: GameState) {
    this.s = s;
    this.gains = s.table.gain;
    this.N = s.N;
    this.D = s.D;
    this.top = s.table.top;
    this.reservation = s.parties.reservation;
    this.concession = s.parties.concession;
    this.threshold = s.scenario.protocol.threshold;
    this.deadline = s.scenario.protocol.deadline;
    this.proposer = s.scenario.protocol.proposer;
    this.scratch = s.table.scratch;
  }

  get count(): number {
    return this.s.table.count;
  }

  get candidates(): Float64Array {
    return this.s.table.candidates;
  }

  get believed(): readonly Float64Array[] {
    return this.s.table.believed;
  }

  get gain(): readonly Float64Array[] {
    return this.s.table.gain;
  }

  get round(): number {
    return this.s.table.round;
  }

  get trace(): TraceSink | null {
    return this.s.trace;
  }

  utility(i: number, c: number): number {
    return normalisedUtility(this.gains[i]![c]!, this.top[i]!);
  }

  offer(i: number, c: number): void {
    this.checkNegotiator('offer', i, c);
    this.checkCandidate('offer', i, c);
    this.offeredIn[c] = this.stamp;
    const { s } = this;
    const { N, parties, levelII, beliefs, table } = s;
    const x = s.scratch.offer;
    x.set(candidatePoint(s, c));
    if (s.trace) {
      s.trace.push({
        type: 'offer',
        round: table.round,
        proposer: i,
        x: [...x],
        believed: Array.from({ length: N }, (_, k) => table.believed[i * N + k]![c]!),
      });
    }
    let moved = false;
    for (let k = 0; k < N; k++) {
      if (k === i || !(parties.eta[k]! > 0)) continue;
      moved = true;
      const truth = levelII.truth[k]!;
      const median = s.scratch.median;
      const before = s.trace
        ? [...medianConstituent(truth, median, s.scratch.medianScratch)]
        : null;
      reverberate(truth, x, parties.eta[k]!, levelII.nationalist[k]!);
      levelII.ranked[k] = 0;
      for (let j = 0; j < N; j++) {
        const b = j * N + k;
        for (let p = 0; p < beliefs.active[b]!; p++) {
          reverberate(beliefs.particles[b]![p]!, x, parties.eta[k]!, levelII.nationalist[k]!);
          if (s.D === 1) particleWinSet(s, j, k, p);
        }
        rebelieve(s, j, k);
      }
      if (s.trace && before) {
        s.trace.push({
          type: 'reverberation',
          round: table.round,
          country: k,
          medianBefore: before,
          medianAfter: [...medianConstituent(truth, median, s.scratch.medianScratch)],
        });
      }
    }
    if (moved) for (let j = 0; j < N; j++) updateTop(s, j);
    table.round++;
  }

  /** Starts the bookkeeping of a session's offers; call once the session's table is open. */
  beginSession(): void {
    if (this.offeredIn.length < this.count) this.offeredIn = new Float64Array(this.count);
    this.stamp++;
  }

  /**
   * Checks what `bargain` returned: -1, or a candidate offered in this session that lies in
   * the box (a protocol must not write to `candidates`).
   *
   * @returns `c`
   * @throws ProtocolError naming the protocol and what is wrong
   */
  agreement(c: number): number {
    if (c === -1) return c;
    if (!(Number.isInteger(c) && c >= 0 && c < this.count)) {
      this.fail(
        `bargain returned ${shown(c)}; expected a candidate index from 0 to ${this.count - 1}, or -1 for no agreement`,
      );
    }
    if (this.offeredIn[c] !== this.stamp) {
      this.fail(
        `bargain returned candidate ${c}, which was never offered in this session; make every offer through table.offer`,
      );
    }
    const [lo, hi] = this.s.box;
    const x = candidatePoint(this.s, c);
    for (let d = 0; d < this.D; d++) {
      if (!(x[d]! >= lo && x[d]! <= hi)) {
        this.fail(
          `candidate ${c} is ${shown(Array.from(x))}, outside the box [${lo}, ${hi}]; a protocol must not write to table.candidates`,
        );
      }
    }
    return c;
  }

  private fail(problem: string): never {
    throw new ProtocolError(this.s.scenario.protocol.name, problem);
  }

  private checkNegotiator(call: string, i: number, c: number) {
    if (!(Number.isInteger(i) && i >= 0 && i < this.N)) {
      this.fail(
        `${call}(${shown(i)}, ${shown(c)}): expected a negotiator index from 0 to ${this.N - 1}, got ${shown(i)}`,
      );
    }
  }

  private checkCandidate(call: string, i: number, c: number) {
    if (!(Number.isInteger(c) && c >= 0 && c < this.count)) {
      this.fail(
        `${call}(${shown(i)}, ${shown(c)}): expected a candidate index from 0 to ${this.count - 1}, got ${shown(c)}`,
      );
    }
  }

  pass(i: number): void {
    this.checkNegotiator('pass', i, 0);
    this.s.trace?.push({ type: 'pass', round: this.s.table.round, proposer: i });
    this.s.table.round++;
  }

  accepts(j: number, c: number, a: number): boolean {
    this.checkNegotiator('accepts', j, c);
    this.checkCandidate('accepts', j, c);
    const { s } = this;
    const believed = s.table.believed[j * this.N + j]![c]!;
    const utility = this.utility(j, c);
    const accepted =
      believed >= this.threshold && s.table.gain[j]![c]! >= this.reservation[j]! && utility >= a;
    s.trace?.push({
      type: 'response',
      round: s.table.round - 1,
      responder: j,
      accepted,
      believed,
      utility,
      aspiration: a,
    });
    return accepted;
  }
}
