import { z } from 'zod';

/*
 * The scenario: everything one two-level game needs, as plain JSON-serialisable data
 * (workers receive it as is). Symbols follow MODEL.md; every field has a default, so `{}`
 * is a valid scenario (two countries, A and B, in the unit interval). Every field carries a
 * `.describe()` text (its meaning, MODEL.md symbol and section); `twolevel schema` prints
 * them in the JSON Schema, with each default appended (see `scenarioJsonSchema`).
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

/** Constituents per country when neither `count` nor explicit values say otherwise. */
export const DEFAULT_CONSTITUENTS = 101;

const finite = z.number().min(-MAX_MAGNITUDE).max(MAX_MAGNITUDE);
const probability = z.number().min(0).max(1);
const nonNegative = z.number().min(0).max(MAX_MAGNITUDE);
const positive = z.number().gt(0).max(MAX_MAGNITUDE);
const count = z.int().min(1).max(MAX_CONSTITUENTS);

/** A point of the agreement space: a number (the same in every dimension) or `D` numbers. */
export const Vector = z
  .union([finite, z.array(finite).min(1)])
  .describe(
    'a point of the agreement space: one number (the same in every dimension) or D numbers',
  );

/** Ideal points `v_ij` of a country's constituents (MODEL.md section 1). */
export const IdealPoints = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('normal'),
        mean: Vector.default(0.5).describe('mean of v_ij in every dimension'),
        sd: nonNegative.default(0.15).describe('standard deviation of v_ij in every dimension'),
      })
      .describe('normal: v_ij ~ N(mean, sd^2), each dimension independently'),
    z
      .strictObject({
        kind: z.literal('uniform'),
        lo: Vector.optional().describe('lower corner; default the agreement box (space.lo)'),
        hi: Vector.optional().describe('upper corner; default the agreement box (space.hi)'),
      })
      .describe('uniform: v_ij ~ U(lo, hi), each dimension independently'),
    z
      .strictObject({
        kind: z.literal('bimodal'),
        modes: z
          .tuple([Vector, Vector])
          .default([0.25, 0.75])
          .describe("the two camps' centres (polarisation)"),
        sd: nonNegative.default(0.1).describe('standard deviation around each mode'),
        share: probability.default(0.5).describe('share of constituents in the first camp'),
      })
      .describe('bimodal (polarisation): two normal camps around the modes'),
    z
      .strictObject({
        kind: z.literal('explicit'),
        values: z
          .array(Vector)
          .min(1)
          .describe('one ideal point per constituent; M_i is their number'),
      })
      .describe('explicit: the ideal points as listed'),
  ])
  .describe('ideal points v_ij of the constituents (MODEL.md section 1)');

/** Cost of no agreement `kappa_ij`: positive for internationalists, negative for isolationists. */
export const Kappa = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('constant'),
        value: finite.default(0).describe('kappa_ij of every constituent'),
      })
      .describe('constant: the same kappa for every constituent'),
    z
      .strictObject({
        kind: z.literal('normal'),
        mean: finite.default(0).describe('mean of kappa_ij'),
        sd: nonNegative.default(0.05).describe('standard deviation of kappa_ij'),
      })
      .describe('normal: kappa_ij ~ N(mean, sd^2)'),
    z
      .strictObject({
        kind: z.literal('mix'),
        isolationistShare: probability
          .default(0.5)
          .describe('share of isolationists; the rest are internationalists'),
        isolationist: finite.default(-0.05).describe('kappa of an isolationist (usually < 0)'),
        internationalist: finite
          .default(0.05)
          .describe('kappa of an internationalist (usually > 0)'),
      })
      .describe('mix: isolationists and internationalists in given shares'),
  ])
  .describe(
    'cost of no agreement kappa_ij: positive for internationalists, negative for isolationists (MODEL.md section 1)',
  );

/** Voting weights `w_ij`. */
export const Weights = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('constant'),
        value: positive.default(1).describe('w_ij of every constituent'),
      })
      .describe('constant: equal weights'),
    z
      .strictObject({
        kind: z.literal('lognormal'),
        mu: z
          .number()
          .min(-100)
          .max(100)
          .default(0)
          .describe('mean of log w_ij (bounded so that exp(mu + 8 sigma) stays far from overflow)'),
        sigma: z.number().min(0).max(10).default(0.5).describe('standard deviation of log w_ij'),
      })
      .describe('lognormal: log w_ij ~ N(mu, sigma^2)'),
  ])
  .describe('voting weights w_ij (MODEL.md section 1)');

/** Reservation shares `c_ij` in the divide form. */
export const Reservations = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('uniform'),
        lo: probability.default(0).describe('lowest reservation share'),
        hi: probability.default(1).describe('highest reservation share'),
      })
      .describe('uniform: c_ij ~ U(lo, hi)'),
    z
      .strictObject({
        kind: z.literal('beta'),
        alpha: positive.default(2).describe('first shape parameter'),
        beta: positive.default(2).describe('second shape parameter'),
      })
      .describe('beta: c_ij ~ Beta(alpha, beta)'),
    z
      .strictObject({
        kind: z.literal('explicit'),
        values: z
          .array(probability)
          .min(1)
          .describe('one reservation share per constituent; M_i is their number'),
      })
      .describe('explicit: the reservation shares as listed'),
  ])
  .describe(
    'reservation shares c_ij of the divide form: a constituent accepts a share of at least c_ij (MODEL.md section 1)',
  );

/** The salience `s_ijd` of each dimension in the quadratic loss: one number or `D` numbers. */
const Salience = z.union([nonNegative, z.array(nonNegative).min(1)]);

/**
 * An interest group (a sector, a pressure group: Putnam 1988) of a country's constituents:
 * its size, the distribution its members' ideal points are drawn from and their salience per
 * dimension (MODEL.md section 9.6).
 */
export const Group = z
  .strictObject({
    name: z.string().min(1).optional().describe('the group, for readers; default group 1, 2, ...'),
    count: count
      .optional()
      .describe("its members' number; every group gives a count (summing to M_i) or a share"),
    share: z
      .number()
      .gt(0)
      .max(1)
      .optional()
      .describe(
        'its share of the M_i constituents (shares sum to 1; sizes by largest remainder of share M_i)',
      ),
    idealPoints: IdealPoints.optional().describe(
      "its members' ideal points v_ij; default the country's constituents.idealPoints (explicit values there are indexed by constituent)",
    ),
    salience: Salience.optional().describe(
      "its members' salience s_ijd of each dimension: one number or D numbers; default the country's constituents.salience",
    ),
  })
  .describe('an interest group: its members are consecutive constituents, in the order of groups');

/** A country's Level II constituents and how they are drawn. */
export const Constituents = z
  .strictObject({
    count: count
      .optional()
      .describe(
        `number of constituents M_i; default the number of explicit ideal points (divide form: reservations), else ${DEFAULT_CONSTITUENTS}`,
      ),
    idealPoints: IdealPoints.prefault({ kind: 'normal' }),
    kappa: Kappa.prefault({ kind: 'constant' }),
    weights: Weights.prefault({ kind: 'constant' }),
    reservations: Reservations.prefault({ kind: 'uniform' }),
    salience: Salience.default(1).describe(
      'salience s_ijd of each dimension in the quadratic loss, the same for every constituent (of every group without its own): one number or D numbers',
    ),
    groups: z
      .array(Group)
      .min(1)
      .optional()
      .describe(
        'interest groups (spatial form): constituents 0..M_i - 1 fall into the groups in order, each with its own ideal points and salience (MODEL.md section 9.6); absent: one group, the whole country',
      ),
  })
  .describe(
    "the country's Level II constituents j = 1..M_i and how they are drawn (MODEL.md section 1)",
  );

/** Which constituents sit in a chamber: all, a half-open index range, or a list of indices. */
export const Members = z
  .union([
    z.literal('all').describe('every constituent'),
    z
      .strictObject({
        from: z.int().min(0).describe('first constituent index'),
        to: z.int().min(1).describe('one past the last constituent index'),
      })
      .describe('the constituents from..to-1'),
    z.array(z.int().min(0)).min(1).describe('these constituent indices'),
  ])
  .describe("the chamber's members: 'all', { from, to } (half-open), or a list of indices");

/** A veto player: passes when its yes share of weight is >= quota and > 1/2. */
export const Chamber = z
  .strictObject({
    name: z.string().default('chamber').describe('name of the chamber, for traces'),
    members: Members.default('all'),
    quota: z
      .number()
      .gt(0)
      .max(1)
      .default(0.5)
      .describe(
        'quota theta: the chamber passes when its yes share of weight is >= theta and > 1/2 (2/3 supermajority, 1 unanimity)',
      ),
  })
  .describe('a veto player (MODEL.md section 2)');

/** Party membership for party discipline. */
export const Parties = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('ideology'),
        count: z.int().min(1).default(2).describe('number of parties'),
      })
      .describe(
        'ideological blocs: constituents ranked on the first dimension, cut in equal blocks',
      ),
    z
      .strictObject({
        kind: z.literal('explicit'),
        of: z
          .array(z.int().min(0))
          .min(1)
          .describe('the party of each constituent, one entry per constituent'),
      })
      .describe("explicit: each constituent's party as listed"),
  ])
  .describe('party membership, for party discipline d (MODEL.md section 2)');

/** The Level II institution: chambers, quotas, parties and discipline `d`. */
export const Ratification = z
  .strictObject({
    quota: z
      .number()
      .gt(0)
      .max(1)
      .default(0.5)
      .describe(
        'quota theta of the single chamber of all constituents, used when chambers is absent',
      ),
    chambers: z
      .array(Chamber)
      .min(1)
      .optional()
      .describe(
        'the veto players; the country ratifies iff every chamber passes; default one chamber of all constituents',
      ),
    parties: Parties.optional(),
    discipline: probability
      .default(0)
      .describe("party discipline d: probability that a constituent votes its party's line"),
  })
  .describe('the Level II institution (MODEL.md section 2)');

/** A negotiator's beliefs about every country's Level II (MODEL.md section 3). */
export const Beliefs = z
  .strictObject({
    mode: z
      .enum(['estimate', 'prior'])
      .default('estimate')
      .describe(
        "estimate: the true profile seen with a common N(0, sigma^2) error; prior: profiles drawn afresh from the country's generator",
      ),
    particles: count
      .default(1)
      .describe('K: imagined constituent profiles per country (1: a single point estimate)'),
    sigmaOwn: nonNegative
      .default(0.05)
      .describe(
        "sigma_own: error about his own country's Level II; by default he is unsure of his own win-set, less so than of a foreign one (Putnam 1988)",
      ),
    sigmaForeign: nonNegative
      .default(0.1)
      .describe(
        "sigma_foreign: error about the other countries' Level II; by default twice sigma_own, foreign Level II politics being known less well (Putnam 1988; Iida 1993)",
      ),
  })
  .describe("the negotiator's beliefs about every country's Level II (MODEL.md section 3)");

/** The chief negotiator of a country (MODEL.md sections 3 and 4). */
export const Negotiator = z
  .strictObject({
    ideal: Vector.optional().describe(
      'his ideal point v^N_i; default the median constituent (divide form: the whole stake)',
    ),
    reservation: nonNegative
      .default(0)
      .describe('personal reservation phi_i: his own veto margin over no agreement'),
    concession: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.1)
      .describe('concession rate c_i: aspiration decays as a(t+1) = a(t)(1 - c_i)'),
    underselling: z
      .number()
      .gt(0)
      .max(1)
      .default(1)
      .describe('underselling lambda_i in (0, 1]: scales his own margins (1: none)'),
    beliefs: Beliefs.prefault({}),
    consultation: z
      .strictObject({
        poll: z
          .int()
          .min(0)
          .max(MAX_CONSTITUENTS)
          .default(0)
          .describe(
            'n_i: constituents of his own country he polls before Level I; his error about his own Level II shrinks from sigma_own to sigma_own s / sqrt(s^2 + n sigma_own^2) (s^2 the variance of its ideal points or reservations); 0: no consultation. Needs beliefs.mode estimate',
          ),
        delay: z
          .int()
          .min(0)
          .max(1_000_000)
          .default(0)
          .describe(
            'rounds the consultation takes: Level I opens after the longest consultation (rounds count it)',
          ),
        hearings: z
          .boolean()
          .optional()
          .describe(
            'true: instead of polling n constituents of the whole Level II he holds a hearing with each chamber, polling n of its members; each hearing measures the same error, so 1 / sigma_own^2 becomes 1 / sigma_own^2 + sum_h n / s_h^2 (s_h^2 the variance in chamber h); absent or false: a poll of the whole Level II; with poll 0 it does nothing',
          ),
        cost: nonNegative
          .optional()
          .describe(
            "chi_i (absent: 0): the standing his consultation puts at stake, lost when he brings his consulted Level II no ratified agreement (no agreement, involuntary defection, aborted talks): every agreement's gain over no agreement rises by chi_i in his decisions (the record's negotiator_gain stays the policy gain); 0: nothing at stake; with poll 0 he did not consult and the cost does nothing (so a sweep of poll over {0, n} may hold the cost fixed)",
          ),
      })
      .optional()
      .describe(
        'prior consultation of his Level II before Level I (Putnam 1988; MODEL.md section 9.2); absent: none',
      ),
    announcement: z
      .strictObject({
        credibility: probability
          .default(0)
          .describe(
            "kappa_i: at the start of each Level I session he announces his believed win-set (with his underselling lambda_i), and every foreign negotiator's believed probability that his country ratifies a candidate becomes (1 - kappa_i) p + kappa_i p_announced; 0: no announcement",
          ),
        bluffPenalty: probability
          .optional()
          .describe(
            'psi_i (absent: 0): when a failed ratification shows his announcement was a bluff (his country ratified the agreement, which his announcement of that session called unratifiable), his credibility falls to (1 - psi_i) kappa_i for the rest of the game (each detected bluff again); 0: credibility never falls, 1: one detected bluff ends it; with credibility 0 he announces nothing and the penalty does nothing',
          ),
      })
      .optional()
      .describe(
        'an announced win-set, underselling as misrepresentation (MODEL.md section 9.3); absent: none',
      ),
    motives: z
      .strictObject({
        standing: nonNegative
          .default(0)
          .describe(
            'omega_i: weight of his domestic standing in his utility, u(x) = policy gain + omega_i S_i(x), S_i the weighted share of his constituents (as he believes them) who gain from x; 0: policy alone',
          ),
        balance: nonNegative
          .optional()
          .describe(
            "mu_i (absent: 0): weight of his wish to shift the Level II balance toward his own preferences: u(x) adds mu_i B_i(x), B_i(x) = |m_i - v^N_i|^2 - |m_i + eta_i (x - m_i) - v^N_i|^2, how much nearer his ideal point the agreement's reverberation (his country's reverberation.eta, which must be > 0) pulls his Level II's median m_i (as he believes it); spatial form only; 0: no such wish",
          ),
      })
      .optional()
      .describe(
        "the negotiator's motives beyond his ideal point (MODEL.md section 9.5); absent: his policy gain alone",
      ),
    sidePayments: z
      .strictObject({
        budget: nonNegative
          .default(0)
          .describe('budget B_i, in units of margin times weight (0: no side payments)'),
        target: z
          .enum(['own', 'foreign', 'any'])
          .default('own')
          .describe("whose no-voters he may pay: his own country's, a foreign one's, or any"),
      })
      .prefault({})
      .describe('side payments pi_ij to no-voters before the vote (MODEL.md section 4)'),
  })
  .describe('the chief negotiator of the country (MODEL.md sections 3 and 4)');

/** A distribution for a reversion point drawn once per run, in every dimension independently. */
export const ReversionDraw = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('uniform'),
        lo: finite.default(0).describe('lowest value'),
        hi: finite.default(1).describe('highest value'),
      })
      .describe('uniform: q_i ~ U(lo, hi) in every dimension'),
    z
      .strictObject({
        kind: z.literal('normal'),
        mean: finite.default(0.5).describe('mean'),
        sd: nonNegative.describe('standard deviation (required)'),
      })
      .describe('normal: q_i ~ N(mean, sd^2) in every dimension'),
  ])
  .describe('a reversion point drawn once per run');

/** One country `i`. */
export const Country = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .optional()
      .describe("the country's name; default A, B, C, ... by position"),
    reversion: z
      .union([Vector, ReversionDraw])
      .default(0)
      .describe(
        'reversion q_i, what the country gets with no agreement: fixed, or drawn once per run; ignored in the divide form (no agreement gives 0)',
      ),
    constituents: Constituents.prefault({}),
    goodWill: finite
      .default(0)
      .describe('good will g_i, added to every margin (MODEL.md section 2)'),
    tau: nonNegative
      .default(0)
      .describe(
        "voter noise tau: P(yes) = 1 / (1 + exp(-Delta'/tau)), a logit quantal response (McKelvey and Palfrey 1995); 0 is a deterministic vote, the default, because negotiators' beliefs ignore the noise: with any tau > 0 an offer at the very end of a win-set fails about half the time",
      ),
    ratification: Ratification.prefault({}),
    negotiator: Negotiator.prefault({}),
    reverberation: z
      .strictObject({
        eta: probability
          .default(0)
          .describe('eta_i: share of the distance constituents move toward a foreign offer'),
        beta: probability
          .default(0)
          .describe('beta_i: share of nationalists, who move away by as much (backlash)'),
      })
      .prefault({})
      .describe('reverberation of foreign offers on Level II (MODEL.md section 4)'),
    reputation: nonNegative
      .default(0)
      .describe('reputation bonus rho_i for keeping a ratified agreement (MODEL.md section 5)'),
    autonomy: probability
      .optional()
      .describe(
        "state strength: the executive's autonomy a_i in [0, 1], the weight of the negotiator's own acceptance against the Level II vote in ratification: P(ratify) = a_i [his gain (with any motives and consultation stake) >= phi_i] + (1 - a_i) P(Level II passes); absent or 0: Level II alone, 1: the executive alone (MODEL.md section 9.1)",
      ),
  })
  .describe('a country i (MODEL.md section 1)');

/**
 * Two countries whose win-sets overlap narrowly, each median constituent outside the other's
 * win-set (W_A about [0, 0.6], W_B about [0.4, 1]), so Level II binds (Putnam 1988). Each
 * chief negotiator is more dovish than his median constituent (0.35 against 0.3, 0.65
 * against 0.7), as executives are more eager for agreement than their legislatures (Milner
 * and Rosendorff 1997; Mo 1995): his own veto is then no longer his country's win-set.
 */
const defaultCountries: z.input<typeof Country>[] = [
  {
    name: 'A',
    reversion: 0,
    constituents: { idealPoints: { kind: 'normal', mean: 0.3 } },
    negotiator: { ideal: 0.35 },
  },
  {
    name: 'B',
    reversion: 1,
    constituents: { idealPoints: { kind: 'normal', mean: 0.7 } },
    negotiator: { ideal: 0.65 },
  },
];

/** The Level I protocol (MODEL.md section 4). */
export const Protocol = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .default('alternating')
      .describe("alternating, ultimatum, nash, midpoint, or the name of the module's protocol"),
    module: z
      .string()
      .min(1)
      .optional()
      .describe(
        "path of a module whose default export is a protocol of the researcher's own (relative to the scenario or experiment file)",
      ),
    deadline: count.default(50).describe('deadline T in rounds'),
    candidates: z
      .int()
      .min(2)
      .default(201)
      .describe('G: candidate grid points in one dimension (low-discrepancy points when D > 1)'),
    threshold: probability
      .default(0.5)
      .describe('pi: a believed probability at least this counts as "believes it ratifies"'),
    proposer: z
      .int()
      .min(0)
      .default(0)
      .describe('index of the first proposer (the setter in ultimatum)'),
    abort: z
      .boolean()
      .optional()
      .describe(
        'expectations abort Level I: when true and no negotiator believes any candidate is ratified by every country, talks are not opened and the game ends aborted, not no_agreement; absent or false: talks always open (MODEL.md section 9.2)',
      ),
    singleIssue: z
      .boolean()
      .optional()
      .describe(
        'issue linkage off: when true every agreement moves a single issue, every other at the reversion (common to all countries), and the candidates are G evenly spaced values of each issue; absent or false: packages over all issues (Sobol points of the box) (MODEL.md section 9.6)',
      ),
  })
  .describe('the Level I protocol (MODEL.md section 4)');

/** `$schema` and `$comment` may head a file (for editors and notes); the game ignores them. */
export const fileAnnotations = {
  $schema: z
    .string()
    .optional()
    .describe('the JSON Schema this file follows, for editors (ignored by twolevel)'),
  $comment: z.string().optional().describe('a note for readers (ignored by twolevel)'),
};

const ScenarioShape = z
  .strictObject({
    ...fileAnnotations,
    form: z
      .enum(['spatial', 'divide'])
      .default('spatial')
      .describe(
        "spatial: ideal points and quadratic loss in [lo, hi]^D; divide: Putnam's Figure 1, A's share x of a stake, B gets 1 - x (MODEL.md section 1)",
      ),
    space: z
      .strictObject({
        D: z
          .int()
          .min(1)
          .max(MAX_DIMENSIONS)
          .default(1)
          .describe('dimensions D of the agreement space'),
        lo: finite.default(0).describe('lower bound of every dimension'),
        hi: finite.default(1).describe('upper bound of every dimension'),
      })
      .prefault({})
      .describe('the agreement box [lo, hi]^D (MODEL.md section 1)'),
    countries: z
      .array(Country)
      .min(2)
      .prefault(defaultCountries)
      .describe(
        'the countries i = 1..N, N >= 2; default A (ideal points N(0.3, 0.15^2), reversion 0, negotiator ideal 0.35) and B (N(0.7, 0.15^2), reversion 1, negotiator ideal 0.65)',
      ),
    protocol: Protocol.prefault({}),
    reopen: z
      .int()
      .min(0)
      .default(0)
      .describe('how many times Level I reopens after a failed ratification (MODEL.md section 5)'),
    defection: z
      .strictObject({
        horizon: z
          .int()
          .min(0)
          .default(0)
          .describe('horizon H in periods after ratification (0: no voluntary defection)'),
        drift: nonNegative
          .default(0)
          .describe('sigma_drift: per-period drift of ideal points or reservations'),
      })
      .prefault({})
      .describe('voluntary defection (MODEL.md section 5)'),
  })
  .describe('a two-level game scenario (docs/MODEL.md); every field has a default');

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

/**
 * The number of explicit values, or of members of groups given by count, that fix a
 * country's constituent count, if any.
 */
function explicitCount(form: Parsed['form'], k: Parsed['countries'][number]['constituents']) {
  if (form === 'divide') {
    return k.reservations.kind === 'explicit' ? k.reservations.values.length : undefined;
  }
  if (
    k.groups !== undefined &&
    k.groups.length > 0 &&
    k.groups.every((g) => g.count !== undefined)
  ) {
    return k.groups.reduce((total, g) => total + g.count!, 0);
  }
  return k.idealPoints.kind === 'explicit' ? k.idealPoints.values.length : undefined;
}

/** Fractional parts of `share_g M` closer than this times `max(1, M)` count as tied. */
const REMAINDER_TOLERANCE = 1e-9;

/**
 * The rank of group `g` of `G` by its fractional part `share_g M - floor(share_g M)`, larger
 * first: the part rounded to a grid of `1e-9 max(1, M)` (so that float noise cannot break a
 * tie: `0.285 * 100` is `28.499999999999996`, `0.715 * 100` is `71.5`), then the earlier group
 * first. Ranks are distinct integers below `(1e9 / max(1, M) + 1) G`.
 */
function remainderRank(M: number, G: number, share: number, g: number): number {
  const x = share * M;
  return Math.round((x - Math.floor(x)) / (REMAINDER_TOLERANCE * Math.max(1, M))) * G + G - 1 - g;
}

/**
 * The cut of the largest-remainder method for interest groups by share (MODEL.md section
 * 9.6): the `L = M - sum_g floor(share_g M)` groups of the largest ranks ({@link remainderRank})
 * get one more member, which are those whose rank is at least the cut. Found by bisection on
 * the rank, `O(G log(G / tolerance))` and no allocation (a game calls it for every Level II it
 * draws); `Infinity` for groups by count or when nobody is left.
 *
 * @param M the country's number of constituents `M_i`
 * @param groups the groups (all with a count, or all with a share summing to 1)
 * @returns the smallest rank that gets a member more
 * @example
 * groupSizeCut(101, [{ share: 0.6 }, { share: 0.4 }]); // rank of 0.6's remainder: 1 left, to it
 */
export function groupSizeCut(M: number, groups: readonly { count?: number; share?: number }[]) {
  const G = groups.length;
  if (G === 0 || groups[0]!.count !== undefined) return Number.POSITIVE_INFINITY;
  let left = M;
  for (let g = 0; g < G; g++) left -= Math.floor((groups[g]!.share ?? 0) * M);
  if (left <= 0) return Number.POSITIVE_INFINITY;
  // the left-th largest rank: the largest r with #{g: rank_g >= r} >= left
  let lo = 0;
  let hi = (Math.round(1 / (REMAINDER_TOLERANCE * Math.max(1, M))) + 1) * G;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    let atLeast = 0;
    for (let g = 0; g < G; g++) {
      if (remainderRank(M, G, groups[g]!.share ?? 0, g) >= mid) atLeast++;
    }
    if (atLeast >= left) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * The number of members of interest group `t` of `M` constituents (MODEL.md section 9.6): its
 * `count`, or from shares by the largest-remainder method: group `g` gets `floor(share_g M)`,
 * and the `M - sum floor(share_g M)` constituents left go one each to the groups with the
 * largest fractional parts `share_g M - floor(share_g M)` (parts within `1e-9 max(1, M)` tie;
 * ties: the earlier group). Members are consecutive: group `t` holds constituents
 * `sum_{g < t} n_g` onwards. `O(1)` given the cut.
 *
 * @param M the country's number of constituents `M_i`
 * @param groups the groups (all with a count, or all with a share summing to 1)
 * @param t the group
 * @param cut {@link groupSizeCut} of `M` and `groups`
 * @returns `n_t`
 * @example
 * groupSize(101, groups, 0, groupSizeCut(101, groups)); // 61 for shares 0.6, 0.4: floors 60 and 40, the one left to 0.6 > 0.4
 */
export function groupSize(
  M: number,
  groups: readonly { count?: number; share?: number }[],
  t: number,
  cut: number,
): number {
  const own = groups[t]!;
  if (own.count !== undefined) return own.count;
  const share = own.share ?? 0;
  return Math.floor(share * M) + (remainderRank(M, groups.length, share, t) >= cut ? 1 : 0);
}

/**
 * Every group's number of members ({@link groupSize}), `O(G log(G / tolerance))`.
 *
 * @param M the country's number of constituents `M_i`
 * @param groups the groups (all with a count, or all with a share summing to 1)
 * @returns `n_0, ..., n_{G-1}`
 * @example
 * groupSizes(100, [{ share: 0.285 }, { share: 0.715 }]); // [29, 71]: remainders 0.5 tie, the earlier first
 */
export function groupSizes(M: number, groups: readonly { count?: number; share?: number }[]) {
  const cut = groupSizeCut(M, groups);
  return groups.map((_, t) => groupSize(M, groups, t, cut));
}

/**
 * Names countries A, B, C, ... by position, settles each constituent count `M_i` and drops
 * the file's `$schema` and `$comment`.
 */
function fillNamesAndCounts({ $schema, $comment, ...s }: Parsed) {
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
  if (s.protocol.singleIssue) checkSingleIssue(s, issue);
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
    const idealPoints = (path: (string | number)[], ideal: IdealPoints) => {
      if (ideal.kind === 'normal') dims([...path, 'mean'], ideal.mean);
      if (ideal.kind === 'uniform') {
        if (ideal.lo !== undefined) dims([...path, 'lo'], ideal.lo);
        if (ideal.hi !== undefined) dims([...path, 'hi'], ideal.hi);
        ordered(path, ideal.lo ?? lo, ideal.hi ?? hi);
      }
      if (ideal.kind === 'bimodal')
        ideal.modes.forEach((m, t) => void dims([...path, 'modes', t], m));
      if (ideal.kind === 'explicit') {
        ideal.values.forEach((v, t) => void dims([...path, 'values', t], v));
      }
    };
    idealPoints(at('constituents', 'idealPoints'), k.idealPoints);
    dims(at('constituents', 'salience'), k.salience);
    if (c.negotiator.ideal !== undefined) dims(at('negotiator', 'ideal'), c.negotiator.ideal);
    const balance = c.negotiator.motives?.balance ?? 0;
    if (balance > 0 && s.form === 'divide') {
      issue(
        at('negotiator', 'motives', 'balance'),
        `the Level II balance is the median's distance to his ideal point, which the divide form does not have: expected balance 0 or form 'spatial', got balance ${balance}`,
      );
    } else if (balance > 0 && !(c.reverberation.eta > 0)) {
      issue(
        at('negotiator', 'motives', 'balance'),
        `the agreement shifts his Level II through its reverberation: expected reverberation.eta > 0 (got ${c.reverberation.eta}) or balance 0`,
      );
    }
    if ((c.negotiator.consultation?.poll ?? 0) > 0 && c.negotiator.beliefs.mode !== 'estimate') {
      issue(
        at('negotiator', 'consultation', 'poll'),
        `a poll corrects an estimate: expected beliefs.mode 'estimate' or poll 0, got mode '${c.negotiator.beliefs.mode}'`,
      );
    }
    const explicit = explicitCount(s.form, k);
    if (
      explicit !== undefined &&
      k.count !== undefined &&
      k.count !== explicit &&
      s.form === 'spatial' &&
      k.groups?.every((g) => g.count !== undefined)
    ) {
      issue(
        at('constituents', 'groups'),
        `expected group counts summing to M_i = ${k.count} (constituents.count), got ${explicit}`,
      );
    } else if (explicit !== undefined && k.count !== undefined && k.count !== explicit) {
      const field = s.form === 'divide' ? 'reservations' : 'idealPoints';
      issue(
        at('constituents', 'count'),
        `expected ${explicit} (the number of explicit ${field}) or no count, got ${k.count}`,
      );
    }
    const M = k.count ?? explicit ?? DEFAULT_CONSTITUENTS;
    // an empty list is reported by the schema (at least one group)
    if (k.groups !== undefined && k.groups.length > 0)
      checkGroups(s.form, k, M, at('constituents'), issue, idealPoints);
    if (k.groups !== undefined)
      k.groups.forEach((g, t) => {
        if (g.salience !== undefined) dims(at('constituents', 'groups', t, 'salience'), g.salience);
      });
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

/**
 * The rules of a country's interest groups (MODEL.md section 9.6): the spatial form; each group
 * a count or a share (all groups the same), counts summing to `M_i` (with explicit ideal points
 * of the country, their number) or shares to 1, every group with a member, explicit ideal
 * points of a group one per member, names unique.
 */
function checkGroups(
  form: Parsed['form'],
  k: Parsed['countries'][number]['constituents'],
  M: number,
  at: (string | number)[],
  issue: (path: (string | number)[], message: string) => void,
  idealPoints: (path: (string | number)[], ideal: IdealPoints) => void,
) {
  const groups = k.groups!;
  const path = [...at, 'groups'];
  if (form === 'divide') {
    issue(
      path,
      'interest groups have ideal points and salience, which the divide form has not (its constituents have reservations): expected no groups, or form spatial',
    );
    return;
  }
  const byCount = groups[0]!.count !== undefined;
  let sizesKnown = true;
  groups.forEach((g, t) => {
    if (g.count !== undefined && g.share !== undefined) {
      issue([...path, t], 'expected a count or a share, not both');
      sizesKnown = false;
    } else if (g.count === undefined && g.share === undefined) {
      issue([...path, t], 'expected a count (members) or a share (of M_i)');
      sizesKnown = false;
    } else if ((g.count !== undefined) !== byCount) {
      const other = byCount ? 'a count' : 'a share';
      issue(
        [...path, t, byCount ? 'share' : 'count'],
        `every group gives a count or every group a share; groups[0] gives ${other}, so expected ${other} here too`,
      );
      sizesKnown = false;
    }
  });
  const names = new Set<string>();
  groups.forEach((g, t) => {
    if (g.name === undefined) return;
    if (names.has(g.name))
      issue([...path, t, 'name'], `group names must be unique; '${g.name}' repeats`);
    names.add(g.name);
  });
  if (!sizesKnown) return;
  if (k.idealPoints.kind === 'explicit' && k.idealPoints.values.length !== M) {
    issue(
      [...at, 'idealPoints', 'values'],
      `with groups, explicit ideal points are indexed by constituent: expected one per constituent (M_i = ${M}), got ${k.idealPoints.values.length}`,
    );
  }
  if (!byCount) {
    const total = groups.reduce((sum, g) => sum + g.share!, 0);
    if (Math.abs(total - 1) > 1e-9) {
      issue(path, `expected shares summing to 1, got ${total}`);
      return;
    }
  }
  const sizes = groupSizes(M, groups);
  groups.forEach((g, t) => {
    if (!byCount && sizes[t] === 0) {
      issue(
        [...path, t, 'share'],
        `a share of ${g.share} of M_i = ${M} constituents gives the group no member; expected at least 1 / M_i = ${1 / M}`,
      );
    }
    if (g.idealPoints === undefined) return;
    idealPoints([...path, t, 'idealPoints'], g.idealPoints);
    if (g.idealPoints.kind === 'explicit' && g.idealPoints.values.length !== sizes[t]) {
      issue(
        [...path, t, 'idealPoints', 'values'],
        `expected one ideal point per member of the group (${sizes[t]}), got ${g.idealPoints.values.length}`,
      );
    }
  });
}

/**
 * Single-issue agreements (MODEL.md section 9.6) move one issue away from a reversion every
 * country shares: they need `D > 1` and the same fixed reversion in every country, inside the
 * box `[lo, hi]^D`.
 */
function checkSingleIssue(s: Parsed, issue: (path: (string | number)[], message: string) => void) {
  const { D } = s.space;
  if (D < 2) {
    issue(
      ['protocol', 'singleIssue'],
      `single-issue agreements need more than one issue: expected space.D >= 2 or singleIssue false, got D = ${D}`,
    );
    return;
  }
  const first = s.countries[0]!.reversion;
  s.countries.forEach((c, i) => {
    const q = c.reversion;
    if (typeof q !== 'number' && !Array.isArray(q)) {
      issue(
        ['countries', i, 'reversion'],
        `single-issue agreements leave every other issue at the common reversion: expected a fixed point, got a ${q.kind} draw`,
      );
      return;
    }
    for (let d = 0; d < D; d++) {
      const x = typeof q === 'number' ? q : q[d];
      if (x !== undefined && !(x >= s.space.lo && x <= s.space.hi)) {
        issue(
          ['countries', i, 'reversion'],
          `single-issue agreements leave every other issue at the reversion, which must lie in the agreement space: expected every coordinate in [space.lo, space.hi] = [${s.space.lo}, ${s.space.hi}], got ${x}${D > 1 ? ` in dimension ${d}` : ''}`,
        );
        return;
      }
    }
    if (typeof first !== 'number' && !Array.isArray(first)) return;
    for (let d = 0; d < D; d++) {
      const a = typeof first === 'number' ? first : first[d];
      const b = typeof q === 'number' ? q : q[d];
      if (a !== undefined && b !== undefined && a !== b) {
        issue(
          ['countries', i, 'reversion'],
          `single-issue agreements leave every other issue at the common reversion: expected every country's reversion to equal countries[0]'s (${JSON.stringify(first)}), got ${JSON.stringify(q)}`,
        );
        return;
      }
    }
  });
}
