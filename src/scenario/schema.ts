import { z } from 'zod';

/*
 * The scenario: everything one two-level game needs, as plain JSON-serialisable data
 * (workers receive it as is). Symbols follow MODEL.md; every field has a default, so `{}`
 * is a valid scenario (two countries, A and B, in the unit interval).
 */

/**
 * The largest magnitude of a coordinate, a spread or a weight: squared distances of
 * coordinates this large, times a salience, summed over 32 dimensions, stay finite in
 * float64 (`32 * 1e100 * (2e100)^2 < 1.8e308`), where values of 1e154 overflow to NaN.
 */
export const MAX_MAGNITUDE = 1e100;
/** The most dimensions: the Sobol table of `|W_i|` for D > 1 has 32 (src/model/sobol.ts). */
export const MAX_DIMENSIONS = 32;
/** The most constituents per country (indices are int32). */
export const MAX_CONSTITUENTS = 2 ** 31 - 1;

const finite = z.number().min(-MAX_MAGNITUDE).max(MAX_MAGNITUDE);
const probability = z.number().min(0).max(1);
const nonNegative = z.number().min(0).max(MAX_MAGNITUDE);
const positive = z.number().gt(0).max(MAX_MAGNITUDE);
const count = z.int().min(1).max(MAX_CONSTITUENTS);

/** A point of the agreement space: a number (the same in every dimension) or `D` numbers. */
export const Vector = z.union([finite, z.array(finite).min(1)]);

/** Ideal points `v_ij` of a country's constituents (MODEL.md section 1). */
export const IdealPoints = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('normal'),
    mean: Vector.default(0.5),
    sd: nonNegative.default(0.15),
  }),
  z.strictObject({
    kind: z.literal('uniform'),
    /** Defaults to the agreement box. */
    lo: Vector.optional(),
    hi: Vector.optional(),
  }),
  z.strictObject({
    kind: z.literal('bimodal'),
    /** Polarisation: two camps around these modes. */
    modes: z.tuple([Vector, Vector]).default([0.25, 0.75]),
    sd: nonNegative.default(0.1),
    /** Share of constituents in the first camp. */
    share: probability.default(0.5),
  }),
  z.strictObject({ kind: z.literal('explicit'), values: z.array(Vector).min(1) }),
]);

/** Cost of no agreement `kappa_ij`: positive for internationalists, negative for isolationists. */
export const Kappa = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('constant'), value: finite.default(0) }),
  z.strictObject({
    kind: z.literal('normal'),
    mean: finite.default(0),
    sd: nonNegative.default(0.05),
  }),
  z.strictObject({
    kind: z.literal('mix'),
    /** Share of isolationists; the rest are internationalists. */
    isolationistShare: probability.default(0.5),
    isolationist: finite.default(-0.05),
    internationalist: finite.default(0.05),
  }),
]);

/** Voting weights `w_ij`. */
export const Weights = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('constant'), value: positive.default(1) }),
  z.strictObject({
    kind: z.literal('lognormal'),
    /** Bounded so that `exp(mu + 8 sigma)` stays far from overflow. */
    mu: z.number().min(-100).max(100).default(0),
    sigma: z.number().min(0).max(10).default(0.5),
  }),
]);

/** Reservation shares `c_ij` in the divide form. */
export const Reservations = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('uniform'),
    lo: probability.default(0),
    hi: probability.default(1),
  }),
  z.strictObject({
    kind: z.literal('beta'),
    alpha: positive.default(2),
    beta: positive.default(2),
  }),
  z.strictObject({ kind: z.literal('explicit'), values: z.array(probability).min(1) }),
]);

/** A country's Level II constituents and how they are drawn. */
export const Constituents = z.strictObject({
  /** `M_i`. With explicit ideal points or reservations it defaults to their number. */
  count: count.optional(),
  idealPoints: IdealPoints.prefault({ kind: 'normal' }),
  kappa: Kappa.prefault({ kind: 'constant' }),
  weights: Weights.prefault({ kind: 'constant' }),
  reservations: Reservations.prefault({ kind: 'uniform' }),
  /** Salience `s_ijd` per dimension, the same for every constituent (default all 1). */
  salience: z.union([nonNegative, z.array(nonNegative).min(1)]).default(1),
});

/** Which constituents sit in a chamber: all, a half-open index range, or a list of indices. */
export const Members = z.union([
  z.literal('all'),
  z.strictObject({ from: z.int().min(0), to: z.int().min(1) }),
  z.array(z.int().min(0)).min(1),
]);

/** A veto player: passes when its yes share of weight is >= quota and > 1/2. */
export const Chamber = z.strictObject({
  name: z.string().default('chamber'),
  members: Members.default('all'),
  quota: z.number().gt(0).max(1).default(0.5),
});

/** Party membership for party discipline. */
export const Parties = z.discriminatedUnion('kind', [
  /** `count` ideological blocs: constituents ranked on the first dimension, cut in equal blocks. */
  z.strictObject({ kind: z.literal('ideology'), count: z.int().min(1).default(2) }),
  z.strictObject({ kind: z.literal('explicit'), of: z.array(z.int().min(0)).min(1) }),
]);

/** The Level II institution: chambers, quotas, parties and discipline `d`. */
export const Ratification = z.strictObject({
  /** Quota `theta` of the single chamber of all constituents, used when `chambers` is absent. */
  quota: z.number().gt(0).max(1).default(0.5),
  chambers: z.array(Chamber).min(1).optional(),
  parties: Parties.optional(),
  discipline: probability.default(0),
});

/** A negotiator's beliefs about every country's Level II (MODEL.md section 3). */
export const Beliefs = z.strictObject({
  mode: z.enum(['estimate', 'prior']).default('estimate'),
  /** `K`: number of imagined constituent profiles per country. */
  particles: count.default(1),
  sigmaOwn: nonNegative.default(0),
  sigmaForeign: nonNegative.default(0),
});

/** The chief negotiator of a country (MODEL.md sections 3 and 4). */
export const Negotiator = z.strictObject({
  /** `v^N_i`; defaults to the median constituent (divide form: the whole stake). */
  ideal: Vector.optional(),
  /** `phi_i`: his own veto margin over no agreement. */
  reservation: nonNegative.default(0),
  /** `c_i`: aspiration decays as `a(t+1) = a(t)(1 - c)`. */
  concession: z.number().gt(0).lt(1).default(0.1),
  /** `lambda_i` in (0, 1]: scales his own margins (underselling). */
  underselling: z.number().gt(0).max(1).default(1),
  beliefs: Beliefs.prefault({}),
  sidePayments: z
    .strictObject({
      /** `B_i`, in units of margin times weight. */
      budget: nonNegative.default(0),
      target: z.enum(['own', 'foreign', 'any']).default('own'),
    })
    .prefault({}),
});

/** A distribution for a reversion point drawn once per run, in every dimension independently. */
export const ReversionDraw = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('uniform'), lo: finite.default(0), hi: finite.default(1) }),
  z.strictObject({ kind: z.literal('normal'), mean: finite.default(0.5), sd: nonNegative }),
]);

/** One country `i`. */
export const Country = z.strictObject({
  /** Defaults to A, B, C, ... by position. */
  name: z.string().min(1).optional(),
  /** `q_i`: fixed, or drawn once per run. Ignored in the divide form (no agreement gives 0). */
  reversion: z.union([Vector, ReversionDraw]).default(0),
  constituents: Constituents.prefault({}),
  /** Good will `g_i`, added to every margin. */
  goodWill: finite.default(0),
  /** Voter noise `tau`: `P(yes) = 1 / (1 + exp(-Delta'/tau))`; 0 is a deterministic vote. */
  tau: nonNegative.default(0),
  ratification: Ratification.prefault({}),
  negotiator: Negotiator.prefault({}),
  /** Reverberation: constituents move toward foreign offers by `eta`, nationalists (`beta`) away. */
  reverberation: z
    .strictObject({ eta: probability.default(0), beta: probability.default(0) })
    .prefault({}),
  /** `rho_i`: reputation bonus for keeping a ratified agreement. */
  reputation: nonNegative.default(0),
});

/** Two countries whose median constituents lie apart, so their win-sets partly overlap. */
const defaultCountries: z.input<typeof Country>[] = [
  { name: 'A', reversion: 0, constituents: { idealPoints: { kind: 'normal', mean: 0.4 } } },
  { name: 'B', reversion: 1, constituents: { idealPoints: { kind: 'normal', mean: 0.6 } } },
];

/** The Level I protocol (MODEL.md section 4). */
export const Protocol = z.strictObject({
  /** `alternating`, `ultimatum`, `nash`, `midpoint`, or a name registered by `module`. */
  name: z.string().min(1).default('alternating'),
  /** Path of a module whose default export is a protocol of the researcher's own. */
  module: z.string().min(1).optional(),
  /** Deadline `T` in rounds. */
  deadline: count.default(50),
  /** `G`: candidate grid points in one dimension (low-discrepancy points when D > 1). */
  candidates: z.int().min(2).default(201),
  /** `pi`: a believed probability at least this counts as "believes it ratifies". */
  threshold: probability.default(0.5),
  /** Index of the first proposer (the setter in `ultimatum`). */
  proposer: z.int().min(0).default(0),
});

const ScenarioShape = z.strictObject({
  form: z.enum(['spatial', 'divide']).default('spatial'),
  /** The agreement box `[lo, hi]^D`. */
  space: z
    .strictObject({
      D: z.int().min(1).max(MAX_DIMENSIONS).default(1),
      lo: finite.default(0),
      hi: finite.default(1),
    })
    .prefault({}),
  countries: z.array(Country).min(2).prefault(defaultCountries),
  protocol: Protocol.prefault({}),
  /** How many times Level I reopens after a failed ratification. */
  reopen: z.int().min(0).default(0),
  /** Voluntary defection: horizon `H` in periods and drift `sigma_drift` per period. */
  defection: z
    .strictObject({ horizon: z.int().min(0).default(0), drift: nonNegative.default(0) })
    .prefault({}),
});

/** A whole scenario. */
export const Scenario = ScenarioShape.superRefine(checkConsistency).transform(fillNamesAndCounts);

/** A scenario as written by a user (every field optional). */
export type ScenarioInput = z.input<typeof Scenario>;
/** A scenario after validation: every default filled in, countries named, counts known. */
export type Scenario = z.output<typeof Scenario>;
/** One country of a validated scenario. */
export type Country = Scenario['countries'][number];
/** How a country's constituents' ideal points `v_ij` are drawn, validated (MODEL.md section 1). */
export type IdealPoints = z.output<typeof IdealPoints>;
/** How the constituents' costs of no agreement `kappa_ij` are drawn, validated (MODEL.md section 1). */
export type Kappa = z.output<typeof Kappa>;
/** How the constituents' vote weights `w_ij` are drawn, validated (MODEL.md section 1). */
export type Weights = z.output<typeof Weights>;
/** How the constituents' reservation shares `c_ij` of the divide form are drawn, validated (MODEL.md section 1). */
export type Reservations = z.output<typeof Reservations>;
/** One chamber (veto player) of a country's institution, with its quota `theta`, validated (MODEL.md section 2). */
export type Chamber = z.output<typeof Chamber>;
/** A country's chief negotiator: ideal point `v^N_i`, reservation `phi_i`, beliefs, underselling `lambda_i`, validated (MODEL.md section 3). */
export type Negotiator = z.output<typeof Negotiator>;

type Parsed = z.output<typeof ScenarioShape>;
type Ctx = z.core.$RefinementCtx<Parsed>;

/** The number of explicit values that fix a country's constituent count, if any. */
function explicitCount(form: Parsed['form'], k: Parsed['countries'][number]['constituents']) {
  if (form === 'divide') {
    return k.reservations.kind === 'explicit' ? k.reservations.values.length : undefined;
  }
  return k.idealPoints.kind === 'explicit' ? k.idealPoints.values.length : undefined;
}

/** Names countries A, B, C, ... by position and settles each constituent count `M_i`. */
function fillNamesAndCounts(s: Parsed) {
  return {
    ...s,
    countries: s.countries.map((c, i) => ({
      ...c,
      name: c.name ?? String.fromCharCode(65 + i),
      constituents: {
        ...c.constituents,
        count:
          c.constituents.count ?? explicitCount(s.form, c.constituents) ?? DEFAULT_CONSTITUENTS,
      },
    })),
  };
}

function vectorLength(v: number | number[]) {
  return typeof v === 'number' ? undefined : v.length;
}

/** Cross-field rules that a per-field schema cannot express. */
function checkConsistency(s: Parsed, ctx: Ctx) {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const { D, lo, hi } = s.space;
  if (!(lo < hi)) issue(['space', 'hi'], `expected hi > lo (= ${lo}), got ${hi}`);
  const dims = (path: (string | number)[], v: number | number[]) => {
    const n = vectorLength(v);
    if (n !== undefined && n !== D) {
      issue(path, `expected a number or ${D} number(s) (space.D = ${D}), got ${n}`);
    }
  };
  if (s.form === 'divide') {
    if (s.countries.length !== 2) {
      issue(['countries'], `the divide form has exactly 2 countries, got ${s.countries.length}`);
    }
    if (D !== 1) issue(['space', 'D'], `the divide form is one-dimensional (D = 1), got ${D}`);
  }
  if (s.protocol.proposer >= s.countries.length) {
    issue(
      ['protocol', 'proposer'],
      `expected a country index from 0 to ${s.countries.length - 1}, got ${s.protocol.proposer}`,
    );
  }
  /** A uniform draw's `lo <= hi`, in every dimension (a number stands for all of them). */
  const ordered = (path: (string | number)[], a: number | number[], b: number | number[]) => {
    const n = Math.max(vectorLength(a) ?? 1, vectorLength(b) ?? 1);
    for (let d = 0; d < n; d++) {
      const x = typeof a === 'number' ? a : a[d];
      const y = typeof b === 'number' ? b : b[d];
      if (x !== undefined && y !== undefined && !(x <= y)) {
        const where = n > 1 ? ` in dimension ${d}` : '';
        issue([...path, 'hi'], `expected hi >= lo${where} (lo = ${x}), got ${y}`);
        return;
      }
    }
  };
  const names = new Set<string>();
  s.countries.forEach((c, i) => {
    const at = (...p: (string | number)[]) => ['countries', i, ...p];
    const name = c.name ?? String.fromCharCode(65 + i);
    if (names.has(name)) issue(at('name'), `country names must be unique; '${name}' repeats`);
    names.add(name);
    if (typeof c.reversion === 'number' || Array.isArray(c.reversion)) {
      dims(at('reversion'), c.reversion);
    } else if (c.reversion.kind === 'uniform') {
      ordered(at('reversion'), c.reversion.lo, c.reversion.hi);
    }
    const k = c.constituents;
    const ideal = k.idealPoints;
    if (ideal.kind === 'normal') dims(at('constituents', 'idealPoints', 'mean'), ideal.mean);
    if (ideal.kind === 'uniform') {
      if (ideal.lo !== undefined) dims(at('constituents', 'idealPoints', 'lo'), ideal.lo);
      if (ideal.hi !== undefined) dims(at('constituents', 'idealPoints', 'hi'), ideal.hi);
      ordered(at('constituents', 'idealPoints'), ideal.lo ?? lo, ideal.hi ?? hi);
    }
    if (ideal.kind === 'bimodal') {
      ideal.modes.forEach((m, t) => void dims(at('constituents', 'idealPoints', 'modes', t), m));
    }
    if (ideal.kind === 'explicit') {
      ideal.values.forEach((v, t) => void dims(at('constituents', 'idealPoints', 'values', t), v));
    }
    dims(at('constituents', 'salience'), k.salience);
    if (c.negotiator.ideal !== undefined) dims(at('negotiator', 'ideal'), c.negotiator.ideal);
    const explicit = explicitCount(s.form, k);
    if (explicit !== undefined && k.count !== undefined && k.count !== explicit) {
      const field = s.form === 'divide' ? 'reservations' : 'idealPoints';
      issue(
        at('constituents', 'count'),
        `expected ${explicit} (the number of explicit ${field}) or no count, got ${k.count}`,
      );
    }
    const M = k.count ?? explicit ?? DEFAULT_CONSTITUENTS;
    const inRange = (path: (string | number)[], j: number) => {
      if (j >= M) issue(path, `expected a constituent index from 0 to ${M - 1}, got ${j}`);
    };
    c.ratification.chambers?.forEach((ch, h) => {
      const p = at('ratification', 'chambers', h, 'members');
      if (Array.isArray(ch.members)) ch.members.forEach((j, t) => void inRange([...p, t], j));
      else if (ch.members !== 'all') {
        if (ch.members.to > M) {
          issue(
            [...p, 'to'],
            `expected at most ${M} (the number of constituents), got ${ch.members.to}`,
          );
        }
        if (ch.members.from >= ch.members.to) {
          issue([...p, 'from'], `expected from < to (= ${ch.members.to}), got ${ch.members.from}`);
        }
      }
    });
    const parties = c.ratification.parties;
    if (parties?.kind === 'ideology' && parties.count > M) {
      issue(
        at('ratification', 'parties', 'count'),
        `expected at most ${M} parties (one constituent each at least), got ${parties.count}`,
      );
    }
    if (parties?.kind === 'explicit' && parties.of.length !== M) {
      issue(
        at('ratification', 'parties', 'of'),
        `expected one party per constituent (${M}), got ${parties.of.length}`,
      );
    }
    if (k.reservations.kind === 'uniform' && !(k.reservations.lo <= k.reservations.hi)) {
      issue(at('constituents', 'reservations', 'hi'), `expected hi >= lo (= ${k.reservations.lo})`);
    }
  });
}

/** Constituents per country when neither `count` nor explicit values say otherwise. */
export const DEFAULT_CONSTITUENTS = 101;
