/**
 * The state of a game: everything one scenario's games read and write, allocated once by
 * {@link createGameState} and reset by each game (the steps of `game.ts` are functions over
 * it). Nothing here is module-level: two games of two scenarios never share a buffer.
 * @module
 */

import type { MedianScratch, Profile } from '../model/profile.ts';
import type { Rng } from '../model/random.ts';
import { createVoteScratch, type VoteScratch } from '../model/vote.ts';
import { createIntervals, type Intervals, type WinSetScratch } from '../model/winSet.ts';
import type { Scenario } from '../scenario/schema.ts';
import { fixedCandidates } from './candidates.ts';
import { createLevelII, type LevelII } from './levelII.ts';
import type { Protocol } from './protocols/protocol.ts';
import { protocolFor } from './protocols/registry.ts';
import { createPaymentScratch, type PaymentScratch } from './sidePayments.ts';
import { type RunStreams, runStreams } from './streams.ts';
import type { TraceSink } from './trace.ts';

/** Candidates this close to a believed win-set's end (times the box width) are checked by vote. */
const END_TOLERANCE = 1e-9;

/** What varies across countries and negotiators, read from the scenario once. */
export interface Parties {
  names: string[];
  M: Int32Array;
  lambda: Float64Array;
  budget: Float64Array;
  target: ('own' | 'foreign' | 'any')[];
  mode: ('estimate' | 'prior')[];
  K: Int32Array;
  sigmaOwn: Float64Array;
  sigmaForeign: Float64Array;
  eta: Float64Array;
  beta: Float64Array;
  rho: Float64Array;
  /** `phi_i`, the negotiator's personal reservation. */
  reservation: Float64Array;
  /** `c_i`, his concession rate. */
  concession: Float64Array;
  /** `a_i`, the executive's autonomy in ratification (`autonomy.ts`). */
  autonomy: Float64Array;
  /** `n_i`, constituents his prior consultation polls (`consultation.ts`). */
  poll: Int32Array;
  /** Rounds his consultation takes. */
  delay: Int32Array;
  /** 1 when his consultation is a hearing with each chamber (`consultation.ts`). */
  hearings: Uint8Array;
  /** `chi_i`, the standing his consultation puts at stake (`consultation.ts`). */
  consultationCost: Float64Array;
  /** `kappa_i`, the credibility of his announced win-set (`announcement.ts`). */
  credibility: Float64Array;
  /** `psi_i`, the share of his credibility a detected bluff costs him (`announcement.ts`). */
  bluffPenalty: Float64Array;
  /** `omega_i`, the weight of his domestic standing (`motives.ts`). */
  standing: Float64Array;
  /** `mu_i`, the weight of his wish to shift the Level II balance (`motives.ts`). */
  balance: Float64Array;
}

function readParties(scenario: Scenario): Parties {
  const cs = scenario.countries;
  const numbers = (f: (c: Scenario['countries'][number]) => number) => Float64Array.from(cs, f);
  return {
    names: cs.map((c) => c.name),
    M: Int32Array.from(cs, (c) => c.constituents.count),
    lambda: numbers((c) => c.negotiator.underselling),
    budget: numbers((c) => c.negotiator.sidePayments.budget),
    target: cs.map((c) => c.negotiator.sidePayments.target),
    mode: cs.map((c) => c.negotiator.beliefs.mode),
    K: Int32Array.from(cs, (c) => c.negotiator.beliefs.particles),
    sigmaOwn: numbers((c) => c.negotiator.beliefs.sigmaOwn),
    sigmaForeign: numbers((c) => c.negotiator.beliefs.sigmaForeign),
    eta: numbers((c) => c.reverberation.eta),
    beta: numbers((c) => c.reverberation.beta),
    rho: numbers((c) => c.reputation),
    reservation: numbers((c) => c.negotiator.reservation),
    concession: numbers((c) => c.negotiator.concession),
    // the mechanisms of issue 13 are optional fields: absent, they are off
    autonomy: numbers((c) => c.autonomy ?? 0),
    poll: Int32Array.from(cs, (c) => c.negotiator.consultation?.poll ?? 0),
    delay: Int32Array.from(cs, (c) => c.negotiator.consultation?.delay ?? 0),
    hearings: Uint8Array.from(cs, (c) => (c.negotiator.consultation?.hearings === true ? 1 : 0)),
    consultationCost: numbers((c) =>
      c.negotiator.consultation?.poll ? (c.negotiator.consultation.cost ?? 0) : 0,
    ),
    credibility: numbers((c) => c.negotiator.announcement?.credibility ?? 0),
    bluffPenalty: numbers((c) => c.negotiator.announcement?.bluffPenalty ?? 0),
    standing: numbers((c) => c.negotiator.motives?.standing ?? 0),
    balance: numbers((c) => c.negotiator.motives?.balance ?? 0),
  };
}

/**
 * Every negotiator's belief about every country (block `b = i * N + k`: negotiator `i` about
 * country `k`): `active[b]` particles `particles[b][p]`, each with its 1-D win-set
 * `intervals[b][p]` (his own country with his `lambda`).
 */
export interface Beliefs {
  particles: Profile[][];
  intervals: Intervals[][];
  active: Int32Array;
}

/** Level I as the negotiating table holds it (see `NegotiatingTable` for each field). */
export interface TableData {
  /** The fixed candidates, row-major (`fixedCandidates` in candidates.ts). */
  grid: Float64Array;
  candidates: Float64Array;
  count: number;
  believed: Float64Array[];
  gain: Float64Array[];
  top: Float64Array;
  round: number;
  /** Ends of believed win-sets, merged into the 1-D candidates (grown as needed). */
  endpoints: Float64Array;
  /** Numbers a protocol may use within a session (`NegotiatingTable.scratch`). */
  scratch: Float64Array;
}

/** Side payments of the current tentative agreement. */
export interface Payments {
  /** Per country, the payment to each constituent. */
  paid: Float64Array[];
  /** Per country, zeros: the "no payments yet" of a plan. */
  none: Float64Array[];
  /** Per country, its payments plus its reputation bonus `rho` (the horizon's votes). */
  bonus: Float64Array[];
  /** Per payer, what he spent. */
  spent: Float64Array;
  scratch: PaymentScratch[];
}

/** Scratch buffers of the steps, owned by the state and passed to the model's functions. */
export interface Scratch {
  /** One candidate as a point (`D`). */
  point: Float64Array;
  /** The offer on the table (`D`). */
  offer: Float64Array;
  /** A common shift of a Level II (`D`). */
  shift: Float64Array;
  /** Chamber yes shares of a vote. */
  shares: Float64Array;
  /** A median constituent (`D`). */
  median: Float64Array;
  vote: VoteScratch;
  /** The options of a ratification vote. */
  voteOptions: { payments: Float64Array | null; rng: Rng | null };
  winSet: WinSetScratch;
  /** The options of a particle's win-set. */
  winSetOptions: { lambda: number; order: Int32Array | null; ascending: boolean };
  medianScratch: MedianScratch;
  /** Per candidate, how many particles' executives accept it (`autonomy.ts`; grown as needed). */
  executive: { accepted: Float64Array };
}

/** One scenario's game state: configuration read once, and every buffer a game uses. */
export interface GameState {
  readonly scenario: Scenario;
  readonly protocol: Protocol;
  readonly N: number;
  readonly D: number;
  readonly box: readonly [number, number];
  /** `END_TOLERANCE` times the box width. */
  readonly tolerance: number;
  readonly parties: Parties;
  /** The current game's streams (started by `play`). */
  readonly streams: RunStreams;
  /** The current game's run seed. */
  seed: string;
  trace: TraceSink | null;
  readonly levelII: LevelII;
  /** `N * D`: each negotiator's ideal point `v^N_i` (spatial form). */
  readonly negotiatorIdeal: Float64Array;
  /** Per negotiator, `|q_i - v^N_i|^2` (spatial form). */
  readonly noAgreementLoss: Float64Array;
  readonly beliefs: Beliefs;
  readonly table: TableData;
  readonly payments: Payments;
  /** Whether any negotiator has a side-payment budget (else `payments` stay 0 all game). */
  readonly paying: boolean;
  /** `N * D`: each consulting negotiator's scale `sigma' / sigma` of his own error (`consultation.ts`). */
  readonly poll: { scale: Float64Array };
  /**
   * Per country, its negotiator's announced believed win-set (his own believed ratification
   * probability per candidate) of the current session; `made` once the session's announcements
   * are made; `credibility`, his current credibility `kappa_k` with foreign negotiators (the
   * scenario's, lowered by detected bluffs; `announcement.ts`).
   */
  readonly announcement: { announced: Float64Array[]; made: boolean; credibility: Float64Array };
  /** Per country, the last vote: 0 its Level II passed it, 1 rejected it; its executive alone 2 rejected, 3 passed. */
  readonly failed: Uint8Array;
  readonly scratch: Scratch;
}

/**
 * Allocates the state of a scenario's games: every array a game uses, sized from the
 * scenario, and the fixed candidate grid.
 *
 * @param scenario a validated scenario (its protocol registered)
 * @returns the state, ready for `play`
 * @throws UserError when `protocol.name` is unknown or not defined for this many countries
 * @example
 * createGameState(parseScenario({})).table.grid.length; // 201 candidates
 */
export function createGameState(scenario: Scenario): GameState {
  const protocol = protocolFor(scenario);
  const N = scenario.countries.length;
  const { D, lo, hi } = scenario.space;
  const parties = readParties(scenario);
  const grid = fixedCandidates(scenario);
  const capacity = grid.length / D + 64;
  const particles: Profile[][] = [];
  const intervals: Intervals[][] = [];
  for (let i = 0; i < N; i++) {
    for (let k = 0; k < N; k++) {
      particles.push(new Array<Profile>(parties.K[i]!));
      intervals.push(Array.from({ length: parties.K[i]! }, () => createIntervals(8)));
    }
  }
  const levelII = createLevelII(scenario);
  const chambers = Math.max(...scenario.countries.map((c) => c.ratification.chambers?.length ?? 1));
  return {
    scenario,
    protocol,
    N,
    D,
    box: [lo, hi],
    tolerance: END_TOLERANCE * (hi - lo),
    parties,
    streams: runStreams(scenario),
    seed: '',
    trace: null,
    levelII,
    negotiatorIdeal: new Float64Array(N * D),
    noAgreementLoss: new Float64Array(N),
    beliefs: { particles, intervals, active: new Int32Array(N * N) },
    table: {
      grid,
      candidates: D === 1 ? new Float64Array(capacity) : grid,
      count: 0,
      believed: Array.from({ length: N * N }, () => new Float64Array(capacity)),
      gain: Array.from({ length: N }, () => new Float64Array(capacity)),
      top: new Float64Array(N),
      round: 0,
      endpoints: new Float64Array(64),
      scratch: new Float64Array(Math.max(N, 2 * D)),
    },
    payments: {
      paid: Array.from(parties.M, (M) => new Float64Array(M)),
      none: Array.from(parties.M, (M) => new Float64Array(M)),
      bonus: Array.from(parties.M, (M) => new Float64Array(M)),
      spent: new Float64Array(N),
      scratch: Array.from(parties.M, (M) => createPaymentScratch(M)),
    },
    paying: parties.budget.some((b) => b > 0),
    poll: { scale: new Float64Array(N * D) },
    announcement: {
      announced: Array.from({ length: N }, () => new Float64Array(0)),
      made: false,
      credibility: new Float64Array(N),
    },
    failed: new Uint8Array(N),
    scratch: {
      point: new Float64Array(D),
      offer: new Float64Array(D),
      shift: new Float64Array(D),
      shares: new Float64Array(chambers),
      median: new Float64Array(D),
      vote: createVoteScratch(),
      voteOptions: { payments: null, rng: null },
      winSet: levelII.winSetScratch,
      winSetOptions: { lambda: 1, order: null, ascending: false },
      medianScratch: levelII.medianScratch,
      executive: { accepted: new Float64Array(0) },
    },
  };
}
