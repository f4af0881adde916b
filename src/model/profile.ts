/**
 * One country's Level II (MODEL.md section 1): its constituents as a struct of typed arrays,
 * drawn from the scenario's generators with a seeded stream.
 * @module
 */

import {
  type Chamber,
  type Country,
  groupSize,
  groupSizeCut,
  type IdealPoints,
  type Scenario,
} from '../scenario/schema.ts';
import { betaDraw, lognormal, normal, normals, type Rng } from './random.ts';
import { createSortScratch, rankValues, type SortScratch } from './sortByKey.ts';

/** A veto player: the indices of its members and its quota `theta`. */
export interface ProfileChamber {
  /** Constituent indices `j`; a repeated index counts twice. */
  members: Int32Array;
  /** Passes when its yes share of weight is `>= quota` and `> 1/2`. */
  quota: number;
}

/**
 * One country's Level II as a struct of typed arrays (no object per constituent).
 * Symbols as in MODEL.md: ideal points `v_ij`, reservations `c_ij`, costs of no agreement
 * `kappa_ij`, weights `w_ij`, salience `s_d`, reversion `q_i`, good will `g_i`, voter noise
 * `tau`, chambers with quotas `theta`, parties and discipline `d`.
 */
export interface Profile {
  form: 'spatial' | 'divide';
  /** Divide form: country 0 gets `x`, country 1 gets `1 - x`. */
  side: 0 | 1;
  /** `M_i`, the number of constituents. */
  M: number;
  /** `D`, the dimension of the agreement space. */
  D: number;
  /** `M * D` ideal points `v_ijd`, row-major (spatial form; zeros in the divide form). */
  ideal: Float64Array;
  /** `M` reservation shares `c_ij` (divide form; zeros in the spatial form). */
  reservation: Float64Array;
  /** `M` costs of no agreement `kappa_ij` (spatial form; zeros in the divide form). */
  kappa: Float64Array;
  /** `M` voting weights `w_ij > 0`. */
  weight: Float64Array;
  /**
   * `M * D` saliences `s_ijd >= 0`, row-major as `ideal`: the country's for every constituent,
   * or each interest group's for its members (MODEL.md section 9.6).
   */
  salience: Float64Array;
  /**
   * `D` coordinates of the reversion `q_i`. In the divide form no agreement gives every
   * country 0, so this is the agreement that gives this country nothing: 0 for side 0, 1 for
   * side 1.
   */
  reversion: Float64Array;
  /** Good will `g_i`, added to every margin. */
  goodWill: number;
  /** Voter noise `tau >= 0`. */
  tau: number;
  chambers: ProfileChamber[];
  /** `M` party indices, `-1` for no party. */
  party: Int32Array;
  /** Number of parties (party indices run from 0 to `parties - 1`). */
  parties: number;
  /** Party discipline `d` in `[0, 1]`. */
  discipline: number;
}

/** A vector of the scenario (a number is the same in every dimension), coordinate `d`. */
function coordinate(v: number | number[], d: number): number {
  return typeof v === 'number' ? v : v[d]!;
}

function isVector(v: Country['reversion']): v is number | number[] {
  return typeof v === 'number' || Array.isArray(v);
}

/** Draws the reversion `q_i`, fixed or from its distribution, one coordinate at a time. */
function drawReversion(country: Country, D: number, rng: Rng, out: Float64Array) {
  const q = country.reversion;
  for (let d = 0; d < D; d++) {
    if (isVector(q)) out[d] = coordinate(q, d);
    else if (q.kind === 'uniform') out[d] = q.lo + (q.hi - q.lo) * rng.uniform();
    else out[d] = normal(rng, q.mean, q.sd);
  }
}

/**
 * Draws the ideal points `v_ij` (row-major `M * D`) of constituents `from .. to - 1` from `g`;
 * explicit values are read from index `j - first`.
 */
function drawIdealPoints(
  scenario: Scenario,
  g: IdealPoints,
  from: number,
  to: number,
  first: number,
  rng: Rng,
  out: Float64Array,
) {
  const { D, lo, hi } = scenario.space;
  if (g.kind === 'normal' && D === 1) {
    // the common case, its loop free of the generator's kind and shape (the same draws)
    normals(rng, out, from, to, coordinate(g.mean, 0), g.sd);
    return;
  }
  for (let j = from; j < to; j++) {
    if (g.kind === 'bimodal') {
      const mode = rng.uniform() < g.share ? g.modes[0] : g.modes[1];
      for (let d = 0; d < D; d++) out[j * D + d] = normal(rng, coordinate(mode, d), g.sd);
      continue;
    }
    for (let d = 0; d < D; d++) {
      if (g.kind === 'normal') out[j * D + d] = normal(rng, coordinate(g.mean, d), g.sd);
      else if (g.kind === 'explicit') out[j * D + d] = coordinate(g.values[j - first]!, d);
      else {
        const a = g.lo === undefined ? lo : coordinate(g.lo, d);
        const b = g.hi === undefined ? hi : coordinate(g.hi, d);
        out[j * D + d] = a + (b - a) * rng.uniform();
      }
    }
  }
}

/**
 * The ideal points and saliences of every constituent: the country's generator and salience
 * for all, or group by group (MODEL.md section 9.6), each group's members consecutive, drawn
 * in constituent order from the group's generator (default the country's, whose explicit
 * values are indexed by constituent) with the group's salience (default the country's).
 */
function drawGroups(scenario: Scenario, country: Country, rng: Rng, p: Profile) {
  const { M, D } = p;
  const k = country.constituents;
  if (k.groups === undefined) {
    drawIdealPoints(scenario, k.idealPoints, 0, M, 0, rng, p.ideal);
    return;
  }
  const cut = groupSizeCut(M, k.groups);
  let from = 0;
  for (let t = 0; t < k.groups.length; t++) {
    const group = k.groups[t]!;
    const to = from + groupSize(M, k.groups, t, cut);
    if (group.idealPoints === undefined) {
      drawIdealPoints(scenario, k.idealPoints, from, to, 0, rng, p.ideal);
    } else drawIdealPoints(scenario, group.idealPoints, from, to, from, rng, p.ideal);
    const salience = group.salience ?? k.salience;
    for (let j = from; j < to; j++) {
      for (let d = 0; d < D; d++) p.salience[j * D + d] = coordinate(salience, d);
    }
    from = to;
  }
}

/** Draws the reservation shares `c_ij` of the divide form. */
function drawReservations(country: Country, rng: Rng, out: Float64Array) {
  const g = country.constituents.reservations;
  for (let j = 0; j < out.length; j++) {
    if (g.kind === 'uniform') out[j] = g.lo + (g.hi - g.lo) * rng.uniform();
    else if (g.kind === 'beta') out[j] = betaDraw(rng, g.alpha, g.beta);
    else out[j] = g.values[j]!;
  }
}

/** Draws the costs of no agreement `kappa_ij`. */
function drawKappa(country: Country, rng: Rng, out: Float64Array) {
  const g = country.constituents.kappa;
  if (g.kind === 'constant') {
    out.fill(g.value);
    return;
  }
  for (let j = 0; j < out.length; j++) {
    if (g.kind === 'normal') out[j] = normal(rng, g.mean, g.sd);
    else out[j] = rng.uniform() < g.isolationistShare ? g.isolationist : g.internationalist;
  }
}

/** Draws the weights `w_ij`. */
function drawWeights(country: Country, rng: Rng, out: Float64Array) {
  const g = country.constituents.weights;
  if (g.kind === 'constant') out.fill(g.value);
  else for (let j = 0; j < out.length; j++) out[j] = lognormal(rng, g.mu, g.sigma);
}

/** Chamber members (`'all'`, a half-open range or a list), written into `into` when it fits. */
function chamberMembers(
  members: Chamber['members'],
  M: number,
  into: Int32Array | undefined,
): Int32Array {
  const length =
    members === 'all' ? M : Array.isArray(members) ? members.length : members.to - members.from;
  const out = into !== undefined && into.length === length ? into : new Int32Array(length);
  if (members === 'all') for (let t = 0; t < length; t++) out[t] = t;
  else if (Array.isArray(members)) out.set(members);
  else for (let t = 0; t < length; t++) out[t] = members.from + t;
  return out;
}

/**
 * The chambers of the institution; without `chambers`, one chamber of all with `quota`.
 * Reuses `into` (its chamber objects and member arrays) when it has as many chambers.
 */
function buildChambers(
  country: Country,
  M: number,
  into: ProfileChamber[] | undefined,
): ProfileChamber[] {
  const r = country.ratification;
  const H = r.chambers === undefined ? 1 : r.chambers.length;
  const out =
    into !== undefined && into.length === H
      ? into
      : Array.from({ length: H }, () => ({ members: new Int32Array(0), quota: 0 }));
  for (let h = 0; h < H; h++) {
    const spec = r.chambers?.[h];
    const chamber = out[h]!;
    chamber.members = chamberMembers(spec === undefined ? 'all' : spec.members, M, chamber.members);
    chamber.quota = spec === undefined ? r.quota : spec.quota;
  }
  return out;
}

/**
 * Party membership. Ideology parties are `K` blocs by rank of the first coordinate (divide
 * form: of the reservation): the constituent of rank `r` (0-based, ties by index) joins party
 * `floor(r K / M)`.
 */
function assignParties(p: Profile, country: Country) {
  const spec = country.ratification.parties;
  p.party.fill(-1);
  if (spec === undefined) return;
  if (spec.kind === 'explicit') {
    p.party.set(spec.of);
    p.parties = Math.max(...spec.of) + 1;
    return;
  }
  const key = p.form === 'divide' ? p.reservation : p.ideal;
  const stride = p.form === 'divide' ? 1 : p.D;
  const order = Int32Array.from({ length: p.M }, (_, j) => j);
  order.sort((a, b) => key[a * stride]! - key[b * stride]! || a - b);
  for (let r = 0; r < p.M; r++) p.party[order[r]!] = Math.floor((r * spec.count) / p.M);
  p.parties = spec.count;
}

/**
 * Draws country `countryIndex`'s Level II from the scenario's generators (MODEL.md section 1).
 * The stream is consumed in a fixed order: the reversion (when it is a distribution), then
 * the ideal points constituent by constituent (spatial form; bimodal: one uniform for the
 * camp, then the coordinates; with interest groups each member from its group's generator)
 * or the reservations (divide form), then `kappa` (spatial form),
 * then the weights. Pass each country its own named sub-stream (`levelII/<name>`), so that
 * changing one country does not reshuffle another's draws.
 *
 * With a `target` (a profile drawn before, typically for the same country) the draw is
 * written into it: its typed arrays and chambers are reused where their lengths fit, so a
 * game drawing a new Level II per run allocates nothing. With `redraw` as well (the caller
 * vouches that `target` was drawn here for this same country, and that since then only its
 * ideal points (divide form: reservations) or reversion moved), what does not change from
 * draw to draw is left as it is: the saliences (interest groups write theirs as they are
 * drawn), the chambers, the parties when there are none, constant weights and kappa, and the
 * zeros of the unused form. The draws are the same either way.
 *
 * @param scenario a validated scenario
 * @param countryIndex `i`, 0-based
 * @param rng the country's uniform source
 * @param target a profile to overwrite, or none for a fresh one
 * @param redraw true when `target` holds this country's last draw (see above)
 * @returns the profile (`target` when given)
 * @example
 * // explicit ideal points 0.2, 0.5, 0.9 and q = 0: p.ideal = [0.2, 0.5, 0.9], p.reversion = [0]
 * drawProfile(parseScenario({ countries: [{ constituents: { idealPoints:
 *   { kind: 'explicit', values: [0.2, 0.5, 0.9] } } }, {}] }), 0, seedrandom.alea('1'));
 */
export function drawProfile(
  scenario: Scenario,
  countryIndex: number,
  rng: Rng,
  target?: Profile,
  redraw = false,
): Profile {
  const country = scenario.countries[countryIndex]!;
  const D = scenario.space.D;
  const M = country.constituents.count;
  const p: Profile = target ?? emptyProfile(scenario.form, M, D);
  const again = target !== undefined && redraw;
  p.form = scenario.form;
  p.side = countryIndex === 1 ? 1 : 0;
  p.M = M;
  p.D = D;
  p.ideal = sized(p.ideal, M * D);
  p.reservation = sized(p.reservation, M);
  p.kappa = sized(p.kappa, M);
  p.weight = sized(p.weight, M);
  p.salience = sized(p.salience, M * D);
  p.reversion = sized(p.reversion, D);
  const { salience, kappa, weights } = country.constituents;
  if (!again) {
    // interest groups write their members' saliences as they are drawn (drawGroups)
    if (D === 1) p.salience.fill(coordinate(salience, 0));
    else {
      for (let j = 0; j < M; j++) {
        for (let d = 0; d < D; d++) p.salience[j * D + d] = coordinate(salience, d);
      }
    }
    p.chambers = buildChambers(country, M, p.chambers);
  }
  p.goodWill = country.goodWill;
  p.tau = country.tau;
  p.party = p.party.length === M ? p.party : new Int32Array(M);
  p.parties = 0;
  p.discipline = country.ratification.discipline;
  if (p.form === 'divide') {
    if (!again) {
      p.ideal.fill(0);
      p.kappa.fill(0);
    }
    p.reversion[0] = p.side;
    drawReservations(country, rng, p.reservation);
  } else {
    if (!again) p.reservation.fill(0);
    drawReversion(country, D, rng, p.reversion);
    drawGroups(scenario, country, rng, p);
    if (!(again && kappa.kind === 'constant')) drawKappa(country, rng, p.kappa);
  }
  if (!(again && weights.kind === 'constant')) drawWeights(country, rng, p.weight);
  if (!(again && country.ratification.parties === undefined)) assignParties(p, country);
  return p;
}

/**
 * A zeroed profile of `M` constituents in `D` dimensions, without chambers. Every profile is
 * made here, so all have one shape (the functions over them stay monomorphic).
 */
function emptyProfile(form: Profile['form'], M: number, D: number): Profile {
  return {
    form,
    side: 0,
    M,
    D,
    ideal: new Float64Array(M * D),
    reservation: new Float64Array(M),
    kappa: new Float64Array(M),
    weight: new Float64Array(M),
    salience: new Float64Array(M * D),
    reversion: new Float64Array(D),
    goodWill: 0,
    tau: 0,
    chambers: [],
    party: new Int32Array(M),
    parties: 0,
    discipline: 0,
  };
}

/** `array` when it has `length` elements (its values are overwritten), else a zeroed new one. */
function sized(array: Float64Array, length: number): Float64Array {
  return array.length === length ? array : new Float64Array(length);
}

function copyArray<T extends Float64Array | Int32Array>(source: T, target: T | undefined): T {
  if (target === undefined || target.length !== source.length) return source.slice() as T;
  target.set(source);
  return target;
}

/**
 * Copies a profile, reusing the target's typed arrays when their lengths fit (belief
 * particles and reverberation work on copies, without allocating per round).
 *
 * @param source the profile to copy
 * @param target a profile to overwrite, or none for a fresh copy
 * @returns the copy (`target` when given)
 * @example
 * const twin = copyProfile(p); // twin.ideal is a new array equal to p.ideal
 */
export function copyProfile(source: Profile, target?: Profile): Profile {
  const out = target ?? emptyProfile(source.form, 0, 0);
  out.form = source.form;
  out.side = source.side;
  out.M = source.M;
  out.D = source.D;
  out.ideal = copyArray(source.ideal, target?.ideal);
  out.reservation = copyArray(source.reservation, target?.reservation);
  out.kappa = copyArray(source.kappa, target?.kappa);
  out.weight = copyArray(source.weight, target?.weight);
  out.salience = copyArray(source.salience, target?.salience);
  out.reversion = copyArray(source.reversion, target?.reversion);
  out.goodWill = source.goodWill;
  out.tau = source.tau;
  if (target === undefined || target.chambers.length !== source.chambers.length) {
    out.chambers = source.chambers.map(() => ({ members: new Int32Array(0), quota: 0 }));
  }
  for (let h = 0; h < source.chambers.length; h++) {
    const chamber = out.chambers[h]!;
    chamber.members = copyArray(source.chambers[h]!.members, chamber.members);
    chamber.quota = source.chambers[h]!.quota;
  }
  out.party = copyArray(source.party, target?.party);
  out.parties = source.parties;
  out.discipline = source.discipline;
  return out;
}

/**
 * A belief's copy of `source` moved by a common shift, bit for bit what `copyProfile` then
 * `shiftLevelII` make of it (`v_ij + delta_d`; divide form `c_ij + delta_0`), without copying
 * what does not move: only the moved array (ideal points; divide form: reservations) is the
 * target's own, every other array (weights, kappa, saliences, reversion, chambers, parties,
 * and the unused ideal points or reservations) is `source`'s, so it must never be written
 * through the copy (beliefs and reverberation move only the ideal points or reservations).
 *
 * @param source the profile to copy
 * @param delta `D` shifts (one in the divide form)
 * @param target a profile to overwrite (its moved array reused when its length fits), or none
 * @returns the copy (`target` when given)
 * @example
 * // ideal points 0.2 and 0.6, delta = [0.1]: the copy's are 0.30000000000000004 and 0.7
 * shiftedCopy(truth, Float64Array.of(0.1), particle);
 */
export function shiftedCopy(source: Profile, delta: Float64Array, target?: Profile): Profile {
  const out = target ?? emptyProfile(source.form, 0, 0);
  const divide = source.form === 'divide';
  const from = divide ? source.reservation : source.ideal;
  let moved = divide ? out.reservation : out.ideal;
  if (moved.length !== from.length || moved === from) moved = new Float64Array(from.length);
  if (divide || source.D === 1) {
    const shift = delta[0]!;
    for (let j = 0; j < from.length; j++) moved[j] = from[j]! + shift;
  } else {
    const D = source.D;
    for (let j = 0; j < source.M; j++) {
      for (let d = 0; d < D; d++) moved[j * D + d] = from[j * D + d]! + delta[d]!;
    }
  }
  out.form = source.form;
  out.side = source.side;
  out.M = source.M;
  out.D = source.D;
  out.ideal = divide ? source.ideal : moved;
  out.reservation = divide ? moved : source.reservation;
  out.kappa = source.kappa;
  out.weight = source.weight;
  out.salience = source.salience;
  out.reversion = source.reversion;
  out.goodWill = source.goodWill;
  out.tau = source.tau;
  out.chambers = source.chambers;
  out.party = source.party;
  out.parties = source.parties;
  out.discipline = source.discipline;
  return out;
}

/** Scratch of {@link medianConstituent}: one dimension's values and their constituents. */
export interface MedianScratch {
  keys: Float64Array;
  tags: Int32Array;
  sort: SortScratch;
}

/**
 * Empty scratch for {@link medianConstituent}; it grows on first use.
 *
 * @returns scratch arrays of length 0
 * @example
 * const scratch = createMedianScratch(); // pass it to every median of a game
 */
export function createMedianScratch(): MedianScratch {
  return { keys: new Float64Array(0), tags: new Int32Array(0), sort: createSortScratch() };
}

/**
 * The `k`-th smallest (0-based) of `a[0, n)` by Hoare's quickselect (median-of-three
 * pivot), partitioning in place: afterwards `a[t] <= a[k]` for `t < k` and `a[t] >= a[k]`
 * for `t > k`.
 */
function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const x = a[lo]!;
    const y = a[(lo + hi) >>> 1]!;
    const z = a[hi]!;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/** Grows the scratch of a median to `M` constituents. */
function reserveMedian(scratch: MedianScratch, M: number) {
  if (scratch.keys.length < M) {
    scratch.keys = new Float64Array(M);
    scratch.tags = new Int32Array(M);
  }
}

/**
 * The weighted median of coordinate `d` of the ideal points (divide form: of the
 * reservations) by sorting, as {@link medianConstituent} defines it. Leaves the sorted values
 * in `scratch.keys[0, M)` and the constituents in that order in `order[0, M)` (ties by
 * index): the rank order a game reuses for its win-sets.
 *
 * @param p the profile
 * @param d the coordinate (0 in the divide form)
 * @param scratch reusable arrays ({@link createMedianScratch})
 * @param order receives the rank order (at least `M` long; default `scratch.tags`)
 * @returns the weighted median
 * @example
 * // ideal points 0.9, 0.2, 0.5 with equal weights
 * rankedMedian(p, 0, scratch); // 0.5; scratch.tags starts [1, 2, 0]
 */
export function rankedMedian(
  p: Profile,
  d: number,
  scratch: MedianScratch,
  order?: Int32Array,
): number {
  const { M, weight } = p;
  reserveMedian(scratch, M);
  const { keys } = scratch;
  const tags = order ?? scratch.tags;
  const divide = p.form === 'divide';
  let total = 0;
  for (let j = 0; j < M; j++) total += weight[j]!;
  const half = total / 2;
  if (divide) rankValues(p.reservation, 0, 1, M, keys, tags, scratch.sort);
  else rankValues(p.ideal, d, p.D, M, keys, tags, scratch.sort);
  let cumulative = 0;
  let r = 0;
  for (; r < M - 1; r++) {
    cumulative += weight[tags[r]!]!;
    if (cumulative >= half) break;
  }
  if (r === M - 1) cumulative += weight[tags[r]!]!;
  return cumulative === half && r + 1 < M ? (keys[r]! + keys[r + 1]!) / 2 : keys[r]!;
}

/**
 * The weighted median constituent, dimension by dimension (divide form: of the reservations,
 * one number). The weighted median of values `y_j` with weights `w_j` is the smallest `y_k`
 * (in sorted order) at which the cumulative weight reaches half the total `W / 2`; when it
 * equals `W / 2` exactly, the midpoint of `y_k` and the next value (so an even number of equal
 * weights gives the usual median). With equal weights the rank `k` follows from the weights
 * alone and `y_k` is found by quickselect in linear time; otherwise the values are sorted
 * once (`sortByKey`). No allocation once the scratch arrays have grown.
 *
 * @param p the profile
 * @param out `D` numbers (1 in the divide form) to write into
 * @param scratch reusable arrays ({@link createMedianScratch}); a fresh one when absent
 * @returns `out`
 * @example
 * // ideal points 0.2, 0.5, 0.9 with equal weights
 * medianConstituent(p, new Float64Array(1)); // [0.5]
 */
export function medianConstituent(
  p: Profile,
  out: Float64Array,
  scratch: MedianScratch = createMedianScratch(),
): Float64Array {
  const { M, weight } = p;
  reserveMedian(scratch, M);
  const { keys } = scratch;
  const divide = p.form === 'divide';
  const dims = divide ? 1 : p.D;
  let total = 0;
  let equal = true;
  for (let j = 0; j < M; j++) {
    total += weight[j]!;
    if (weight[j] !== weight[0]) equal = false;
  }
  const half = total / 2;
  for (let d = 0; d < dims; d++) {
    if (equal) {
      for (let j = 0; j < M; j++) keys[j] = divide ? p.reservation[j]! : p.ideal[j * p.D + d]!;
      let cumulative = 0;
      let r = 0;
      // the same sums as in sorted order: every weight is weight[0]
      for (; r < M - 1; r++) {
        cumulative += weight[0]!;
        if (cumulative >= half) break;
      }
      if (r === M - 1) cumulative += weight[0]!;
      const value = select(keys, M, r);
      if (cumulative === half && r + 1 < M) {
        let next = keys[r + 1]!;
        for (let t = r + 2; t < M; t++) if (keys[t]! < next) next = keys[t]!;
        out[d] = (value + next) / 2;
      } else out[d] = value;
      continue;
    }
    out[d] = rankedMedian(p, d, scratch);
  }
  return out;
}
