/**
 * One two-level game (MODEL.md sections 3 to 6): Level II drawn from the scenario, chief
 * negotiators with beliefs, a Level I protocol, side payments, reverberation, ratification,
 * reopening with learning, and voluntary defection over a horizon.
 *
 * Design decisions a researcher should know:
 * - **Random streams.** Every draw comes from a named sub-stream of the run seed
 *   (`subSeed(seed, name)` fed to `seedrandom.alea`): `levelII/<country>` (its constituents),
 *   `beliefs/<country>` (its negotiator's particles, then any redraws after a failed vote),
 *   `reverberation/<country>` (which constituents are nationalists, when `beta > 0`),
 *   `votes` (noisy votes, only when some country has `tau > 0` or discipline strictly between
 *   0 and 1) and `drift` (the horizon). Protocols draw nothing. Changing one country, one
 *   negotiator's beliefs or the protocol leaves every other stream's draws unchanged.
 * - **Beliefs.** Negotiator `i` holds `K_i` particles of every country `k` (his own too).
 *   `estimate`: a copy of `k`'s true Level II with every ideal point (divide form:
 *   reservation) shifted by one common draw per particle and dimension from `N(0, sigma^2)`,
 *   `sigma_own` for his own country, `sigma_foreign` for the others. `prior`: a fresh draw from
 *   `k`'s generators, with the true reversion (the status quo is public). Weights, costs of
 *   no agreement, good will, chambers and parties are known. In one dimension each particle's
 *   win-set is computed once as intervals (his own with his `lambda`) and candidates are
 *   looked up in them; candidates within `1e-9` (times the box width) of an interval end are
 *   checked with the model's vote, so beliefs and the true vote agree exactly when
 *   `sigma = 0`. When `D > 1` every candidate is checked with the model's expected vote.
 * - **Candidates.** One dimension: `G` evenly spaced points of the box plus the ends of every
 *   negotiator's believed win-sets at the start of the session. `D > 1`: the first `G` Sobol
 *   points scaled to the box.
 * - **Reverberation.** After each offer every other country's constituents move (toward the
 *   offer by `eta`, nationalists away); negotiators see it happen: their particles of that
 *   country move the same way (index by index) and their beliefs are recomputed. The
 *   `ultimatum` setter does not anticipate the reverberation of his own offer.
 * - **Side payments** are pledges tied to a tentative agreement: before the vote each
 *   negotiator with a budget (in index order) pays, country by country (his own first for
 *   target `any`), the no-voters his beliefs rank cheapest until he believes the country
 *   ratifies, only when he believes his remaining budget secures it (see
 *   `planSidePayments`). In bargaining he already counts on what his budget can buy: for
 *   each candidate his believed ratification probability for a targeted country is the one
 *   after the pledges he would make (budget spent in the same order). Other negotiators do
 *   not count on his payments, so payments into a foreign country help only where that
 *   country's negotiator does not answer (the `ultimatum` vote). Pledges lapse when Level I
 *   reopens; `sidePayments` reports those on the last tentative agreement. Paid constituents
 *   keep their payments over the horizon.
 * - **The negotiator's veto.** His gain is his own utility, `-|x - v^N|^2` against
 *   `-|q - v^N|^2` (no `kappa`, good will or payments), and he needs a gain `>= phi >= 0`.
 *   A default negotiator (the median constituent) thus never goes beyond the median's own
 *   acceptance ball, even when good will, internationalists or payments make Level II accept
 *   more; those widen agreements only when the negotiator is more dovish than his median or
 *   the institution (quotas, chambers) binds first.
 * - **Ratification** is voted with the true Level II (after reverberation and payments),
 *   every country voting; the first failing country (by index) is the defector. Noisy votes
 *   (voter noise `tau`, or discipline strictly between 0 and 1: each party member votes the
 *   line with probability `d`) can defeat an agreement everyone believed would pass.
 * - **Reopening.** After a failure with `reopen > 0` every negotiator drops his particles of
 *   each failing country under which the agreement (with its pledges) would have passed; when
 *   none remain he redraws all `K` (each up to 100 times until it fails the agreement too).
 *   Aspirations restart; rounds keep counting. If a reopened session ends without a new
 *   tentative agreement, the outcome stays `involuntary_defection`.
 * - **Voluntary defection.** For `h = 1..H` each country's constituents drift by one common
 *   `N(0, sigma_drift^2)` shift per dimension (a swing of national mood; idiosyncratic drift
 *   would hardly move the median of a large Level II), then each country votes again with
 *   every margin raised by its reputation bonus `rho_i` (plus its payments); the first that
 *   votes the agreement down reneges.
 * @module
 */

import seedrandom from 'seedrandom';
import { copyProfile, drawProfile, medianConstituent, type Profile } from '../model/profile.ts';
import { normal, type Rng } from '../model/random.ts';
import { sobolPoints } from '../model/sobol.ts';
import { chamberPasses, chamberYesShares, ratifies } from '../model/vote.ts';
import {
  copyIntervals,
  createIntervals,
  type Intervals,
  intersectIntervals,
  intervalsSize,
  winSet,
} from '../model/winSet.ts';
import { overlapSize, winSetSize } from '../model/winSetSize.ts';
import { subSeed } from '../negotiation/streams.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { NegotiatingTable, Protocol } from './protocols/protocol.ts';
import { protocolFor } from './protocols/registry.ts';
import { createRecord, type GameRecord } from './record.ts';
import { reverberate } from './reverberate.ts';
import { shiftLevelII } from './shiftLevelII.ts';
import { createPaymentScratch, type PaymentScratch, planSidePayments } from './sidePayments.ts';
import type { TraceSink } from './trace.ts';

/** A scenario made ready to play many games: every array allocated once and reused. */
export interface Game {
  readonly scenario: Scenario;
  /**
   * Plays one game with run seed `seed`; with a trace sink, writes every event to it. The
   * record is fresh; the game's arrays are reused by the next call.
   */
  play(seed: string, trace?: TraceSink): GameRecord;
}

/** Redraws of one particle after a failed vote, at most, until it fails the agreement too. */
const REDRAW_TRIES = 100;
/** Candidates this close to a believed win-set's end (times the box width) are checked by vote. */
const END_TOLERANCE = 1e-9;

function coordinate(v: number | number[], d: number): number {
  return typeof v === 'number' ? v : v[d]!;
}

/** The alea stream of sub-stream `name` of run `seed`. */
function stream(seed: string, name: string): Rng {
  return seedrandom.alea(subSeed(seed, name));
}

/** What varies across countries, read from the scenario once. */
interface Parties {
  names: string[];
  /** Sub-stream names `levelII/<name>`, `beliefs/<name>`, `reverberation/<name>`. */
  levelIIStream: string[];
  beliefsStream: string[];
  reverberationStream: string[];
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
}

function readParties(scenario: Scenario): Parties {
  const cs = scenario.countries;
  const numbers = (f: (c: Scenario['countries'][number]) => number) => Float64Array.from(cs, f);
  return {
    names: cs.map((c) => c.name),
    levelIIStream: cs.map((c) => `levelII/${c.name}`),
    beliefsStream: cs.map((c) => `beliefs/${c.name}`),
    reverberationStream: cs.map((c) => `reverberation/${c.name}`),
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
  };
}

/**
 * The game state and the negotiating table protocols see. One instance per scenario; `play`
 * resets everything it uses.
 */
class TwoLevelGame implements Game, NegotiatingTable {
  readonly scenario: Scenario;
  readonly N: number;
  readonly D: number;
  readonly threshold: number;
  readonly deadline: number;
  readonly proposer: number;
  readonly reservation: Float64Array;
  readonly concession: Float64Array;
  readonly top: Float64Array;
  candidates: Float64Array;
  count = 0;
  believed: Float64Array[];
  gain: Float64Array[];
  round = 0;
  trace: TraceSink | null = null;

  private readonly protocol: Protocol;
  private readonly parties: Parties;
  private readonly box: [number, number];
  private readonly tolerance: number;
  /** `G * D` fixed candidates: the 1-D grid, or scaled Sobol points. */
  private readonly grid: Float64Array;
  private readonly truth: Profile[];
  private readonly nationalist: (Uint8Array | null)[];
  private readonly payments: Float64Array[];
  private readonly paymentScratch: PaymentScratch[];
  private readonly noPayments: Float64Array[];
  private readonly spent: Float64Array;
  private readonly trueWinSets: Intervals[];
  private readonly overlapBuffers: [Intervals, Intervals];
  private readonly negotiatorIdeal: Float64Array;
  private readonly noAgreementLoss: Float64Array;
  /** `particles[i * N + k][p]`, `intervals[i * N + k][p]`, `active[i * N + k]`. */
  private readonly particles: Profile[][];
  private readonly intervals: Intervals[][];
  private readonly active: Int32Array;
  private readonly beliefRng: Rng[];
  private votesRng: Rng | null = null;
  private seed = '';
  private endpoints = new Float64Array(64);
  private readonly point: Float64Array;
  private readonly offerPoint: Float64Array;
  private readonly shift: Float64Array;
  private readonly shares: Float64Array;
  private readonly failed: Uint8Array;
  private readonly median: Float64Array;
  /** `N * D`: each country's median constituent as drawn (gains reuse it without reverberation). */
  private readonly startMedian: Float64Array;

  constructor(scenario: Scenario) {
    this.scenario = scenario;
    this.protocol = protocolFor(scenario);
    const N = scenario.countries.length;
    const { D, lo, hi } = scenario.space;
    const G = scenario.protocol.candidates;
    this.N = N;
    this.D = D;
    this.box = [lo, hi];
    this.tolerance = END_TOLERANCE * (hi - lo);
    this.threshold = scenario.protocol.threshold;
    this.deadline = scenario.protocol.deadline;
    this.proposer = scenario.protocol.proposer;
    const parties = readParties(scenario);
    this.parties = parties;
    this.reservation = Float64Array.from(scenario.countries, (c) => c.negotiator.reservation);
    this.concession = Float64Array.from(scenario.countries, (c) => c.negotiator.concession);
    this.top = new Float64Array(N);
    if (D === 1) {
      this.grid = Float64Array.from({ length: G }, (_, g) => lo + ((hi - lo) * g) / (G - 1));
    } else {
      this.grid = sobolPoints(G, D);
      for (let t = 0; t < this.grid.length; t++) this.grid[t] = lo + (hi - lo) * this.grid[t]!;
    }
    const capacity = G + 64;
    this.candidates = D === 1 ? new Float64Array(capacity) : this.grid;
    this.believed = Array.from({ length: N * N }, () => new Float64Array(capacity));
    this.gain = Array.from({ length: N }, () => new Float64Array(capacity));
    this.truth = new Array<Profile>(N);
    this.nationalist = Array.from(parties.M, (M, k) =>
      parties.beta[k]! > 0 ? new Uint8Array(M) : null,
    );
    this.payments = Array.from(parties.M, (M) => new Float64Array(M));
    this.noPayments = Array.from(parties.M, (M) => new Float64Array(M));
    this.paymentScratch = Array.from(parties.M, (M) => createPaymentScratch(M));
    this.spent = new Float64Array(N);
    this.trueWinSets = Array.from({ length: N }, () => createIntervals(8));
    this.overlapBuffers = [createIntervals(8), createIntervals(8)];
    this.negotiatorIdeal = new Float64Array(N * D);
    this.noAgreementLoss = new Float64Array(N);
    this.particles = [];
    this.intervals = [];
    for (let i = 0; i < N; i++) {
      for (let k = 0; k < N; k++) {
        this.particles.push(new Array<Profile>(parties.K[i]!));
        this.intervals.push(Array.from({ length: parties.K[i]! }, () => createIntervals(8)));
      }
    }
    this.active = new Int32Array(N * N);
    this.beliefRng = new Array<Rng>(N);
    this.point = new Float64Array(D);
    this.offerPoint = new Float64Array(D);
    this.shift = new Float64Array(D);
    this.shares = new Float64Array(
      Math.max(...scenario.countries.map((c) => c.ratification.chambers?.length ?? 1)),
    );
    this.failed = new Uint8Array(N);
    this.median = new Float64Array(D);
    this.startMedian = new Float64Array(N * D);
  }

  play(seed: string, trace?: TraceSink): GameRecord {
    const { N, D, parties } = this;
    const record = createRecord(seed, N, D);
    this.seed = seed;
    this.trace = trace ?? null;
    this.round = 0;
    this.votesRng = null;
    this.drawLevelII(record);
    for (let i = 0; i < N; i++) {
      this.beliefRng[i] = stream(seed, parties.beliefsStream[i]!);
      for (let k = 0; k < N; k++) {
        const b = i * N + k;
        this.active[b] = parties.K[i]!;
        for (let p = 0; p < parties.K[i]!; p++) this.drawParticle(i, k, p, true);
      }
    }
    let ratified = false;
    for (let session = 0; ; session++) {
      for (let k = 0; k < N; k++) this.payments[k]!.fill(0);
      this.spent.fill(0);
      this.openSession(record, session);
      const c = this.protocol.bargain(this);
      if (c < 0) {
        if (session === 0) record.outcome = 'no_agreement';
        break;
      }
      const x = record.agreement;
      for (let d = 0; d < D; d++) x[d] = this.candidates[c * D + d]!;
      this.trace?.push({ type: 'tentative', round: this.round - 1, x: [...x] });
      this.pledgeSidePayments(x);
      record.sidePayments.set(this.spent);
      const defector = this.ratify(x, 0, null);
      if (defector < 0) {
        ratified = true;
        break;
      }
      record.outcome = 'involuntary_defection';
      record.defector = defector;
      if (session >= this.scenario.reopen) break;
      this.learn(x);
      record.reopenings++;
    }
    if (ratified) {
      record.outcome = 'agreement';
      record.defector = -1;
      this.measureGains(record);
      this.keepOrRenege(record);
    }
    record.rounds = this.round;
    this.trace?.push({
      type: 'outcome',
      outcome: record.outcome,
      defector: record.defector,
      rounds: record.rounds,
    });
    this.trace = null;
    return record;
  }

  // ---- Level II as drawn ----------------------------------------------------------------

  /** Draws every country's Level II, nationalists, win-set sizes and negotiators' ideals. */
  private drawLevelII(record: GameRecord) {
    const { N, D, scenario, parties, box } = this;
    for (let k = 0; k < N; k++) {
      const rng = stream(this.seed, parties.levelIIStream[k]!);
      const p = drawProfile(scenario, k, rng, this.truth[k]);
      this.truth[k] = p;
      const mask = this.nationalist[k];
      if (mask) {
        const rng = stream(this.seed, parties.reverberationStream[k]!);
        for (let j = 0; j < mask.length; j++) mask[j] = rng() < parties.beta[k]! ? 1 : 0;
      }
      const ideal = scenario.countries[k]!.negotiator.ideal;
      medianConstituent(p, this.median);
      this.startMedian.set(this.median.subarray(0, D), k * D);
      if (scenario.form === 'spatial') {
        let loss = 0;
        for (let d = 0; d < D; d++) {
          const v = ideal === undefined ? this.median[d]! : coordinate(ideal, d);
          this.negotiatorIdeal[k * D + d] = v;
          loss += (p.reversion[d]! - v) ** 2;
        }
        this.noAgreementLoss[k] = loss;
      }
    }
    if (D === 1) {
      let overlap = this.overlapBuffers[0];
      for (let k = 0; k < N; k++) {
        const w = winSet(this.truth[k]!, box, {}, this.trueWinSets[k]!);
        record.winSetSize[k] = intervalsSize(w);
        if (k > 0)
          overlap = intersectIntervals(
            k === 1 ? this.trueWinSets[0]! : overlap,
            w,
            this.overlapBuffers[k % 2]!,
          );
      }
      record.overlapSize = intervalsSize(overlap);
    } else {
      for (let k = 0; k < N; k++) record.winSetSize[k] = winSetSize(this.truth[k]!, box);
      record.overlapSize = overlapSize(this.truth, box);
    }
    this.trace?.push({ type: 'levelII', profiles: this.truth.map((p) => copyProfile(p)) });
  }

  // ---- Beliefs ------------------------------------------------------------------------

  /**
   * Draws particle `p` of negotiator `i`'s belief about country `k` into its slot. At the
   * start of a game (`initial`, the true Level II as drawn) an exact particle (a zero shift,
   * and no underselling of his own country) takes the true win-set instead of recomputing it.
   */
  private drawParticle(i: number, k: number, p: number, initial: boolean) {
    const { N, D, parties } = this;
    const b = i * N + k;
    const rng = this.beliefRng[i]!;
    const truth = this.truth[k]!;
    const slots = this.particles[b]!;
    let exact = false;
    if (parties.mode[i] === 'prior') {
      const drawn = drawProfile(this.scenario, k, rng, slots[p]);
      drawn.reversion.set(truth.reversion);
      slots[p] = drawn;
    } else {
      const particle = copyProfile(truth, slots[p]);
      const sigma = i === k ? parties.sigmaOwn[i]! : parties.sigmaForeign[i]!;
      const dims = truth.form === 'divide' ? 1 : D;
      exact = initial && (i !== k || parties.lambda[i] === 1);
      for (let d = 0; d < dims; d++) {
        this.shift[d] = normal(rng, 0, sigma);
        if (this.shift[d] !== 0) exact = false;
      }
      shiftLevelII(particle, this.shift);
      slots[p] = particle;
    }
    if (D !== 1) return;
    if (exact) copyIntervals(this.trueWinSets[k]!, this.intervals[i * N + k]![p]!);
    else this.particleWinSet(i, k, p);
  }

  /** Recomputes the win-set intervals of a particle (his own country with his `lambda`). */
  private particleWinSet(i: number, k: number, p: number) {
    const b = i * this.N + k;
    const lambda = i === k ? this.parties.lambda[i]! : 1;
    winSet(this.particles[b]![p]!, this.box, { lambda }, this.intervals[b]![p]!);
  }

  /** The candidates 1-D: the grid merged with every believed win-set's ends, sorted, distinct. */
  private buildCandidates() {
    const { N, grid } = this;
    if (this.D !== 1) {
      this.count = grid.length / this.D;
      return;
    }
    let e = 0;
    for (let b = 0; b < N * N; b++) {
      for (let p = 0; p < this.active[b]!; p++) {
        const iv = this.intervals[b]![p]!;
        if (e + 2 * iv.count > this.endpoints.length) {
          const grown = new Float64Array(2 * (e + 2 * iv.count));
          grown.set(this.endpoints);
          this.endpoints = grown;
        }
        for (let t = 0; t < iv.count; t++) {
          this.endpoints[e++] = iv.lo[t]!;
          this.endpoints[e++] = iv.hi[t]!;
        }
      }
    }
    const ends = this.endpoints.subarray(0, e).sort();
    if (this.candidates.length < grid.length + e) this.growTables(grid.length + e);
    const out = this.candidates;
    let n = 0;
    let g = 0;
    let t = 0;
    while (g < grid.length || t < e) {
      const x = t >= e || (g < grid.length && grid[g]! <= ends[t]!) ? grid[g++]! : ends[t++]!;
      if (n === 0 || x !== out[n - 1]) out[n++] = x;
    }
    this.count = n;
  }

  private growTables(capacity: number) {
    this.candidates = new Float64Array(capacity);
    for (let b = 0; b < this.believed.length; b++) this.believed[b] = new Float64Array(capacity);
    for (let i = 0; i < this.N; i++) this.gain[i] = new Float64Array(capacity);
  }

  /** Copies candidate `c` into the scratch point. */
  private candidate(c: number): Float64Array {
    const { D, point } = this;
    for (let d = 0; d < D; d++) point[d] = this.candidates[c * D + d]!;
    return point;
  }

  /** Whether negotiator `i` targets country `k` with side payments. */
  private pays(i: number, k: number): boolean {
    const { budget, target } = this.parties;
    if (!(budget[i]! > 0)) return false;
    return target[i] === 'any' || (target[i] === 'own') === (i === k);
  }

  /** Country number `step` in negotiator `i`'s pledge order: his own first, then the others by index. */
  private pledgeOrder(i: number, step: number): number {
    return step === 0 ? i : step <= i ? step - 1 : step;
  }

  /** Recomputes the believed probabilities `i` derives for every candidate and country `k`. */
  private rebelieve(i: number, k: number) {
    if (this.pays(i, k)) this.believeWithPayments(i);
    else this.believe(i, k);
  }

  /**
   * Fills `believed[i * N + k]` for every country `k` negotiator `i` targets with side
   * payments: per candidate, his budget secures the countries in pledge order exactly as he
   * would pledge (`planSidePayments`, mode `secure`), and a country he cannot secure gets the
   * share its affordable payments would reach.
   */
  private believeWithPayments(i: number) {
    const { N, count, threshold } = this;
    const lambda = this.parties.lambda[i]!;
    for (let c = 0; c < count; c++) {
      const x = this.candidate(c);
      let remaining = this.parties.budget[i]!;
      for (let step = 0; step < N; step++) {
        const k = this.pledgeOrder(i, step);
        if (!this.pays(i, k)) continue;
        const b = i * N + k;
        const plan = planSidePayments(
          this.particles[b]!,
          this.active[b]!,
          x,
          i === k ? lambda : 1,
          this.noPayments[k]!,
          remaining,
          threshold,
          this.paymentScratch[k]!,
        );
        this.believed[b]![c] = plan.believed;
        remaining -= plan.cost;
      }
    }
  }

  /** Fills `believed[i * N + k]`: the share of `i`'s particles of `k` that ratify each candidate. */
  private believe(i: number, k: number) {
    const { N, count, tolerance } = this;
    const b = i * N + k;
    const out = this.believed[b]!;
    const active = this.active[b]!;
    const slots = this.particles[b]!;
    const lambda = i === k ? this.parties.lambda[i]! : 1;
    out.fill(0, 0, count);
    const cand = this.candidates;
    const [boxLo, boxHi] = this.box;
    for (let p = 0; p < active; p++) {
      const particle = slots[p]!;
      if (this.D !== 1) {
        for (let c = 0; c < count; c++) {
          if (ratifies(particle, this.candidate(c), { lambda })) out[c]! += 1;
        }
        continue;
      }
      const iv = this.intervals[b]![p]!;
      let c = 0;
      for (let t = 0; t < iv.count; t++) {
        const lo = iv.lo[t]!;
        const hi = iv.hi[t]!;
        while (c < count && cand[c]! < lo - tolerance) c++;
        while (c < count && cand[c]! <= hi + tolerance) {
          const x = cand[c]!;
          // an end clipped by the box is no boundary of the win-set
          const inside = (x - lo > tolerance || lo <= boxLo) && (hi - x > tolerance || hi >= boxHi);
          if (inside) out[c]! += 1;
          else if (ratifies(particle, this.candidate(c), { lambda })) out[c]! += 1;
          c++;
        }
      }
    }
    if (active > 1) for (let c = 0; c < count; c++) out[c]! /= active;
  }

  /** `top[i]`: the gain of `i`'s best believed-ratifiable candidate (see NegotiatingTable). */
  private updateTop(i: number) {
    const { N, count, threshold } = this;
    const gain = this.gain[i]!;
    const phi = this.reservation[i]!;
    const own = this.believed[i * N + i]!;
    let all = Number.NEGATIVE_INFINITY;
    let mine = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < count; c++) {
      const g = gain[c]!;
      if (own[c]! < threshold || g < phi) continue;
      if (g > mine) mine = g;
      if (g <= all) continue;
      let everyone = true;
      for (let k = 0; k < N && everyone; k++) everyone = this.believed[i * N + k]![c]! >= threshold;
      if (everyone) all = g;
    }
    const best = all > Number.NEGATIVE_INFINITY ? all : mine;
    this.top[i] = best > Number.NEGATIVE_INFINITY ? best : 0;
  }

  /** `gain[i][c]`: negotiator `i`'s utility at candidate `c` minus at no agreement. */
  private measureCandidateGains() {
    const { N, D, count, candidates } = this;
    for (let i = 0; i < N; i++) {
      const out = this.gain[i]!;
      if (this.scenario.form === 'divide') {
        for (let c = 0; c < count; c++) out[c] = i === 0 ? candidates[c]! : 1 - candidates[c]!;
        continue;
      }
      for (let c = 0; c < count; c++) {
        let loss = 0;
        for (let d = 0; d < D; d++)
          loss += (candidates[c * D + d]! - this.negotiatorIdeal[i * D + d]!) ** 2;
        out[c] = this.noAgreementLoss[i]! - loss;
      }
    }
  }

  /** Opens a Level I session: candidates, believed probabilities, gains, tops. */
  private openSession(record: GameRecord, session: number) {
    const { N } = this;
    this.buildCandidates();
    for (let i = 0; i < N; i++) {
      for (let k = 0; k < N; k++) if (!this.pays(i, k)) this.believe(i, k);
      if (this.parties.budget[i]! > 0) this.believeWithPayments(i);
    }
    this.measureCandidateGains();
    for (let i = 0; i < N; i++) this.updateTop(i);
    if (session === 0) record.believedOverlapSize = this.believedOverlapSize();
    if (this.trace) {
      this.trace.push({
        type: 'session',
        session,
        candidates: this.count,
        believedOverlap: this.believedOverlapSize(),
        believedWinSets: Array.from({ length: N }, (_, k) => this.believedWinSet(k)),
      });
    }
  }

  /** Whether the first proposer believes every country ratifies candidate `c`. */
  private believedByAll(c: number): boolean {
    const { N, proposer, threshold } = this;
    for (let k = 0; k < N; k++) if (this.believed[proposer * N + k]![c]! < threshold) return false;
    return true;
  }

  /** The measure of the first proposer's believed overlap (see GameRecord). */
  private believedOverlapSize(): number {
    const { count, candidates, D, box } = this;
    let size = 0;
    if (D === 1) {
      let previous = count > 0 && this.believedByAll(0);
      for (let c = 0; c + 1 < count; c++) {
        const next = this.believedByAll(c + 1);
        if (previous && next) size += candidates[c + 1]! - candidates[c]!;
        previous = next;
      }
      return size;
    }
    let inside = 0;
    for (let c = 0; c < count; c++) if (this.believedByAll(c)) inside++;
    return ((box[1] - box[0]) ** D * inside) / count;
  }

  /** 1-D: the first proposer's believed win-set of country `k`, as intervals of candidates. */
  private believedWinSet(k: number): [number, number][] {
    const out: [number, number][] = [];
    if (this.D !== 1) return out;
    const row = this.believed[this.proposer * this.N + k]!;
    for (let c = 0; c < this.count; c++) {
      if (row[c]! < this.threshold) continue;
      const x = this.candidates[c]!;
      const last = out[out.length - 1];
      if (last && c > 0 && row[c - 1]! >= this.threshold) last[1] = x;
      else out.push([x, x]);
    }
    return out;
  }

  // ---- The table protocols see ----------------------------------------------------------

  utility(i: number, c: number): number {
    const top = this.top[i]!;
    const g = this.gain[i]![c]!;
    if (top > 0) return g / top;
    return g >= 0 ? 1 : 0;
  }

  offer(i: number, c: number): void {
    const { N, parties } = this;
    const x = this.offerPoint;
    x.set(this.candidate(c));
    if (this.trace) {
      this.trace.push({
        type: 'offer',
        round: this.round,
        proposer: i,
        x: [...x],
        believed: Array.from({ length: N }, (_, k) => this.believed[i * N + k]![c]!),
      });
    }
    let moved = false;
    for (let k = 0; k < N; k++) {
      if (k === i || !(parties.eta[k]! > 0)) continue;
      moved = true;
      const before = this.trace ? [...medianConstituent(this.truth[k]!, this.median)] : [];
      reverberate(this.truth[k]!, x, parties.eta[k]!, this.nationalist[k]!);
      for (let j = 0; j < N; j++) {
        const b = j * N + k;
        for (let p = 0; p < this.active[b]!; p++) {
          reverberate(this.particles[b]![p]!, x, parties.eta[k]!, this.nationalist[k]!);
          if (this.D === 1) this.particleWinSet(j, k, p);
        }
        this.rebelieve(j, k);
      }
      if (this.trace) {
        this.trace.push({
          type: 'reverberation',
          round: this.round,
          country: k,
          medianBefore: before,
          medianAfter: [...medianConstituent(this.truth[k]!, this.median)],
        });
      }
    }
    if (moved) for (let j = 0; j < N; j++) this.updateTop(j);
    this.round++;
  }

  pass(i: number): void {
    this.trace?.push({ type: 'pass', round: this.round, proposer: i });
    this.round++;
  }

  accepts(j: number, c: number, a: number): boolean {
    const believed = this.believed[j * this.N + j]![c]!;
    const utility = this.utility(j, c);
    const accepted =
      believed >= this.threshold && this.gain[j]![c]! >= this.reservation[j]! && utility >= a;
    this.trace?.push({
      type: 'response',
      round: this.round - 1,
      responder: j,
      accepted,
      believed,
      utility,
      aspiration: a,
    });
    return accepted;
  }

  // ---- Level II: payments, votes, learning, defection -------------------------------------

  /** Each negotiator with a budget pledges side payments for `x` (see the module comment). */
  private pledgeSidePayments(x: Float64Array) {
    const { N, parties } = this;
    for (let i = 0; i < N; i++) {
      if (!(parties.budget[i]! > 0)) continue;
      let remaining = parties.budget[i]!;
      for (let step = 0; step < N; step++) {
        const k = this.pledgeOrder(i, step);
        if (!this.pays(i, k)) continue;
        const b = i * N + k;
        const s = this.paymentScratch[k]!;
        const plan = planSidePayments(
          this.particles[b]!,
          this.active[b]!,
          x,
          1,
          this.payments[k]!,
          remaining,
          this.threshold,
          s,
        );
        if (plan.cost <= 0) continue;
        const pay = this.payments[k]!;
        for (let j = 0; j < pay.length; j++) pay[j]! += s.payments[j]!;
        remaining -= plan.cost;
        this.spent[i]! += plan.cost;
        this.trace?.push({
          type: 'payment',
          payer: i,
          country: k,
          amount: plan.cost,
          recipients: plan.recipients,
        });
      }
    }
  }

  /** Whether country `k` casts a noisy vote (voter noise, or discipline strictly inside (0, 1)). */
  private noisy(k: number): boolean {
    const p = this.truth[k]!;
    return p.tau > 0 || (p.parties > 0 && p.discipline > 0 && p.discipline < 1);
  }

  /**
   * Every country votes on `x` with its true Level II and its payments (plus `bonus` on
   * every margin); marks `failed` and returns the first failing country, or -1.
   */
  private ratify(x: Float64Array, period: number, bonus: Float64Array[] | null): number {
    const { N } = this;
    let first = -1;
    for (let k = 0; k < N; k++) {
      const p = this.truth[k]!;
      let rng: Rng | null = null;
      if (this.noisy(k)) {
        this.votesRng ??= stream(this.seed, 'votes');
        rng = this.votesRng;
      }
      const payments = bonus === null ? this.payments[k]! : bonus[k]!;
      const shares = chamberYesShares(p, x, { payments, rng }, this.shares);
      let passed = true;
      for (let h = 0; h < p.chambers.length; h++) {
        if (!chamberPasses(shares[h]!, p.chambers[h]!.quota)) passed = false;
      }
      this.failed[k] = passed ? 0 : 1;
      if (!passed && first < 0) first = k;
      this.trace?.push({
        type: 'vote',
        period,
        country: k,
        yesShares: Array.from(shares.subarray(0, p.chambers.length)),
        passed,
      });
    }
    return first;
  }

  /** After a failed vote: every negotiator drops (or redraws) particles that passed `x`. */
  private learn(x: Float64Array) {
    const { N } = this;
    for (let k = 0; k < N; k++) {
      if (this.failed[k] === 0) continue;
      const payments = this.payments[k]!;
      for (let i = 0; i < N; i++) {
        const b = i * N + k;
        const slots = this.particles[b]!;
        const ivs = this.intervals[b]!;
        let kept = 0;
        for (let p = 0; p < this.active[b]!; p++) {
          if (ratifies(slots[p]!, x, { payments })) continue;
          [slots[kept], slots[p]] = [slots[p]!, slots[kept]!];
          [ivs[kept], ivs[p]] = [ivs[p]!, ivs[kept]!];
          kept++;
        }
        const redrawn = kept === 0;
        if (redrawn) {
          kept = this.parties.K[i]!;
          for (let p = 0; p < kept; p++) {
            for (let tries = 0; tries < REDRAW_TRIES; tries++) {
              this.drawParticle(i, k, p, false);
              if (!ratifies(slots[p]!, x, { payments })) break;
            }
          }
        }
        this.active[b] = kept;
        this.trace?.push({ type: 'learning', negotiator: i, country: k, kept, redrawn: redrawn });
      }
    }
  }

  /** Gains of the median constituents and negotiators at the ratified agreement. */
  private measureGains(record: GameRecord) {
    const { N, D } = this;
    const x = record.agreement;
    for (let k = 0; k < N; k++) {
      const p = this.truth[k]!;
      if (this.parties.eta[k]! > 0) medianConstituent(p, this.median);
      else this.median.set(this.startMedian.subarray(k * D, k * D + D));
      if (p.form === 'divide') {
        const share = p.side === 0 ? x[0]! : 1 - x[0]!;
        record.medianGain[k] = share - this.median[0]!;
        record.negotiatorGain[k] = share;
        continue;
      }
      let medianGain = 0;
      let negotiatorLoss = 0;
      for (let d = 0; d < D; d++) {
        const m = this.median[d]!;
        medianGain += p.salience[d]! * ((p.reversion[d]! - m) ** 2 - (x[d]! - m) ** 2);
        negotiatorLoss += (x[d]! - this.negotiatorIdeal[k * D + d]!) ** 2;
      }
      record.medianGain[k] = medianGain;
      record.negotiatorGain[k] = this.noAgreementLoss[k]! - negotiatorLoss;
    }
  }

  /** The horizon: drift, then a vote with the reputation bonus, period by period. */
  private keepOrRenege(record: GameRecord) {
    const { N, D, parties } = this;
    const { horizon, drift } = this.scenario.defection;
    if (horizon === 0) return;
    const rng = stream(this.seed, 'drift');
    const bonus = this.payments.map((pay, k) => pay.map((v) => v + parties.rho[k]!));
    const x = record.agreement;
    for (let h = 1; h <= horizon; h++) {
      for (let k = 0; k < N; k++) {
        const dims = this.truth[k]!.form === 'divide' ? 1 : D;
        for (let d = 0; d < dims; d++) this.shift[d] = normal(rng, 0, drift);
        shiftLevelII(this.truth[k]!, this.shift);
        this.trace?.push({
          type: 'drift',
          period: h,
          country: k,
          shift: [...this.shift.subarray(0, dims)],
        });
      }
      const defector = this.ratify(x, h, bonus);
      if (defector >= 0) {
        record.outcome = 'voluntary_defection';
        record.defector = defector;
        record.defectionPeriod = h;
        return;
      }
    }
  }
}

/**
 * Prepares a scenario for many games: resolves its protocol and allocates every array once
 * (candidates, believed probabilities, particles, payments), reused by each `play`.
 *
 * @param scenario a validated scenario (its protocol registered; see `loadProtocolModule`)
 * @returns a {@link Game}
 * @throws UserError when `protocol.name` is unknown or not defined for this many countries
 * @example
 * const game = createGame(parseScenario({}));
 * game.play('7').outcome; // 'agreement', 'no_agreement', ...
 */
export function createGame(scenario: Scenario): Game {
  return new TwoLevelGame(scenario);
}

/**
 * Plays one two-level game: a pure function of the scenario and the run seed (same inputs,
 * same record, bit for bit). For many games of one scenario use {@link createGame}.
 *
 * @param scenario a validated scenario
 * @param seed the run seed
 * @param trace where to write the game's events, if anywhere
 * @returns the game's record
 * @example
 * playGame(parseScenario({}), 'd5892758ca675e20').seed; // 'd5892758ca675e20'
 */
export function playGame(scenario: Scenario, seed: string, trace?: TraceSink): GameRecord {
  return createGame(scenario).play(seed, trace);
}
