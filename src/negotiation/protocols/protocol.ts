import { UserError } from '../../errors.ts';
import type { TraceSink } from '../trace.ts';

/**
 * Level I as a protocol sees it (MODEL.md sections 3 and 4): the candidate agreements and,
 * for each negotiator, what he believes and what he wants. Everything is precomputed per
 * candidate, so a protocol only scans typed arrays; the table updates them itself when an
 * offer reverberates.
 */
export interface NegotiatingTable {
  /** Number of countries (and of chief negotiators, one per country). */
  readonly N: number;
  /** Dimension of the agreement space. */
  readonly D: number;
  /** Number of candidate agreements. */
  readonly count: number;
  /** Candidates, row-major `count * D` (1-D: sorted ascending). */
  readonly candidates: Float64Array;
  /**
   * `believed[i * N + k][c]`: negotiator `i`'s believed probability that country `k` ratifies
   * candidate `c` (the share of his particles of `k` that pass it; his own country with his
   * underselling `lambda_i`; with his affordable side payments when he has a budget).
   */
  readonly believed: readonly Float64Array[];
  /** `gain[i][c] = u_i(x_c) - u_i(no agreement)`, negotiator `i`'s own utility gain. */
  readonly gain: readonly Float64Array[];
  /**
   * `top[i]`: the gain of negotiator `i`'s best believed-ratifiable candidate (every country
   * believed to ratify, his veto passed; if there is none, his best candidate his own
   * country is believed to ratify). Normalised utility is `gain / top` (MODEL.md section 4).
   */
  readonly top: Float64Array;
  /** `phi_i`: a negotiator proposes or accepts `c` only if `gain[i][c] >= phi_i`. */
  readonly reservation: Float64Array;
  /** `c_i`: aspiration decays as `a(t + 1) = a(t) (1 - c_i)`. */
  readonly concession: Float64Array;
  /** `pi`: "believes it ratifies" means a believed probability of at least this. */
  readonly threshold: number;
  /** Deadline `T`: the most rounds one session may play. */
  readonly deadline: number;
  /** The first proposer (the setter in `ultimatum`, the mediator in `nash`/`midpoint`). */
  readonly proposer: number;
  /** The current round (0-based over the whole game); `offer` and `pass` advance it. */
  readonly round: number;
  /**
   * At least `max(N, 2 D)` numbers a protocol may use as it likes within one session (e.g.
   * every negotiator's aspiration); owned by the game and reused, so protocols allocate
   * nothing per game. Their values at the start of a session are unspecified.
   */
  readonly scratch: Float64Array;
  /** Where to write protocol-specific events (e.g. aspirations), or null when untraced. */
  readonly trace: TraceSink | null;
  /**
   * Negotiator `i` puts candidate `c` on the table: the round is recorded and the offer
   * reverberates in every other country (its Level II and every negotiator's beliefs about
   * it move), after which `believed`, `top` are up to date.
   */
  offer(i: number, c: number): void;
  /** Negotiator `i` has nothing to offer this round; the round is recorded. */
  pass(i: number): void;
  /**
   * Whether responder `j` accepts candidate `c` at aspiration `a`: he believes his own
   * country ratifies it, it passes his veto `phi_j`, and its normalised utility is `>= a`
   * (pass `a = 0` for no aspiration). The answer is traced.
   */
  accepts(j: number, c: number, a: number): boolean;
  /** Normalised utility `gain[i][c] / top[i]` (1 when `top[i] <= 0` and the gain is `>= 0`, else 0). */
  utility(i: number, c: number): number;
}

/**
 * Normalised utility (MODEL.md section 4): a gain over the negotiator's top, `g / top`; when
 * his top is `<= 0`, 1 for a gain `>= 0`, else 0. What {@link NegotiatingTable.utility} gives.
 *
 * @param g the gain `gain[i][c]`
 * @param top `top[i]`
 * @returns the normalised utility
 * @example
 * normalisedUtility(0.06, 0.08); // 0.75
 */
export function normalisedUtility(g: number, top: number): number {
  if (top > 0) return g / top;
  return g >= 0 ? 1 : 0;
}

/**
 * A Level I bargaining protocol, selected by `scenario.protocol.name`. `bargain` plays one
 * session on the table and returns the index of the tentative agreement among the
 * candidates, or -1 for none. It must make every offer through `table.offer` (so that
 * offers reverberate and rounds are counted) and draw no random numbers (a protocol is a
 * deterministic rule; the randomness of a game lives in its Level II, beliefs and votes).
 *
 * @example
 * // experiments/first-best.ts: the proposer offers, once, the candidate he likes best among
 * // those he believes every country ratifies; the others accept or not.
 * import type { Protocol } from '../src/negotiation/protocols/protocol.ts';
 * const firstBest: Protocol = {
 *   name: 'first-best',
 *   bargain(t) {
 *     const i = t.proposer;
 *     let best = -1;
 *     for (let c = 0; c < t.count; c++) {
 *       let all = t.gain[i]![c]! >= t.reservation[i]!;
 *       for (let k = 0; k < t.N; k++) all &&= t.believed[i * t.N + k]![c]! >= t.threshold;
 *       if (all && (best < 0 || t.gain[i]![c]! > t.gain[i]![best]!)) best = c;
 *     }
 *     if (best < 0) return t.pass(i), -1;
 *     t.offer(i, best);
 *     let accepted = true;
 *     for (let j = 0; j < t.N; j++) if (j !== i && !t.accepts(j, best, 0)) accepted = false;
 *     return accepted ? best : -1;
 *   },
 * };
 * export default firstBest;
 * // scenario: { "protocol": { "name": "first-best", "module": "experiments/first-best.ts" } }
 */
export interface Protocol {
  /** The name a scenario selects it by. */
  name: string;
  /** The most countries it is defined for; absent for any `N >= 2`. */
  maxCountries?: number;
  /** Plays one Level I session; returns the tentative agreement's candidate index or -1. */
  bargain(table: NegotiatingTable): number;
}

/**
 * A protocol that broke its contract ({@link Protocol}): an offer of a candidate or by a
 * negotiator that does not exist, a result that is no candidate index, an agreement never
 * offered, a candidate moved outside the box. It fails the game as a throw does, naming the
 * protocol.
 */
export class ProtocolError extends UserError {
  override name = 'ProtocolError';
  constructor(protocol: string, problem: string) {
    super(`protocol '${protocol}': ${problem}`);
  }
}
