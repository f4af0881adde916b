import type { Rng } from '../model/random.ts';
import { createGame } from '../negotiation/game.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { exactCountry } from './exact.ts';
import { shareResult, type ValidationCase, type ValidationResult } from './validationCase.ts';

const PROTOCOLS = ['alternating', 'ultimatum', 'nash', 'midpoint'] as const;
/** Random scenarios per protocol, and games (seeds) per scenario. */
const SCENARIOS = 250;
const SEEDS = 4;

type CountryInput = NonNullable<ScenarioInput['countries']>[number];

const pick = <T>(rng: Rng, options: readonly T[]): T =>
  options[Math.floor(rng.uniform() * options.length)]!;
const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng.uniform();

/**
 * One random country: constituents (count, ideal points or reservations, kappa, weights),
 * institution (quota, two chambers, parties voting the line with discipline 0 or 1), good
 * will, negotiator (ideal point, personal veto phi, underselling lambda, particles, side
 * payments) and reverberation, all drawn from `rng`; beliefs exact, no voter noise.
 */
function randomCountry(rng: Rng, form: 'spatial' | 'divide', D: number, reverberation: boolean) {
  const M = 1 + Math.floor(rng.uniform() * 25);
  const mean = Array.from({ length: D }, () => between(rng, 0.2, 0.8));
  const country: CountryInput = {
    reversion: rng.uniform() < 0.5 ? between(rng, 0, 1) : { kind: 'uniform', lo: 0, hi: 1 },
    constituents: {
      count: M,
      idealPoints: pick(rng, [
        { kind: 'normal', mean, sd: between(rng, 0.05, 0.3) },
        { kind: 'uniform' },
        { kind: 'bimodal', modes: [0.2, 0.8], sd: 0.1, share: between(rng, 0.2, 0.8) },
      ] as const),
      reservations: pick(rng, [
        { kind: 'uniform', lo: 0, hi: between(rng, 0.3, 1) },
        { kind: 'beta', alpha: between(rng, 1, 4), beta: between(rng, 1, 4) },
      ] as const),
      kappa: pick(rng, [
        { kind: 'constant', value: 0 },
        { kind: 'normal', mean: between(rng, -0.05, 0.05), sd: 0.05 },
        {
          kind: 'mix',
          isolationistShare: rng.uniform(),
          isolationist: -0.05,
          internationalist: 0.05,
        },
      ] as const),
      weights: rng.uniform() < 0.5 ? { kind: 'constant' } : { kind: 'lognormal', sigma: 0.5 },
    },
    goodWill: rng.uniform() < 0.3 ? between(rng, -0.02, 0.05) : 0,
    ratification:
      rng.uniform() < 0.2 && M >= 4
        ? {
            chambers: [
              { name: 'lower', quota: 0.5 },
              { name: 'upper', members: { from: 0, to: Math.ceil(M / 2) }, quota: 2 / 3 },
            ],
          }
        : rng.uniform() < 0.2 && M >= 2
          ? { quota: 0.5, parties: { kind: 'ideology', count: 2 }, discipline: pick(rng, [0, 1]) }
          : { quota: pick(rng, [0.5, 0.6, 2 / 3, 0.75, 1]) },
    negotiator: {
      ...(form === 'spatial' && rng.uniform() < 0.5
        ? { ideal: Array.from({ length: D }, () => rng.uniform()) }
        : {}),
      reservation: rng.uniform() < 0.3 ? between(rng, 0, 0.05) : 0,
      underselling: rng.uniform() < 0.3 ? between(rng, 0.3, 1) : 1,
      beliefs: { particles: 1 + Math.floor(rng.uniform() * 3) },
      sidePayments:
        rng.uniform() < 0.3
          ? { budget: between(rng, 0, 0.3), target: pick(rng, ['own', 'foreign', 'any'] as const) }
          : { budget: 0 },
    },
    reverberation:
      reverberation && rng.uniform() < 0.3
        ? { eta: between(rng, 0, 0.2), beta: rng.uniform() / 2 }
        : {},
  };
  return exactCountry(country);
}

/** A random scenario for `protocol`: 2 or 3 countries, spatial (D = 1 or 2) or divide. */
function randomScenario(rng: Rng, protocol: string) {
  const form = rng.uniform() < 0.3 ? 'divide' : 'spatial';
  const D = form === 'spatial' && rng.uniform() < 0.15 ? 2 : 1;
  const N = form === 'divide' ? 2 : rng.uniform() < 0.7 ? 2 : 3;
  // the setter does not anticipate the reverberation of his own offer (a documented choice)
  const reverberation = protocol !== 'ultimatum';
  return parseScenario({
    form,
    space: { D },
    protocol: { name: protocol, candidates: D === 1 ? 201 : 128 },
    reopen: pick(rng, [0, 1]),
    countries: Array.from({ length: N }, () => randomCountry(rng, form, D, reverberation)),
  });
}

/**
 * MODEL.md section 7, proposition 3's second half: with no uncertainty (every negotiator's
 * beliefs exact, no voter noise, no drift) there is no involuntary defection, for every
 * protocol. Each negotiator then knows exactly which agreements every Level II ratifies
 * (after reverberation and the payments he pledges), and a tentative agreement is one every
 * negotiator, setter or mediator believes ratified by every country whose vote it awaits;
 * underselling only shrinks what he believes his own country accepts. Exact value 0: the
 * share of games ending in involuntary defection.
 */
export const noUncertainty: ValidationCase = {
  id: 'no-uncertainty',
  run(rng: Rng): ValidationResult[] {
    return PROTOCOLS.map((protocol) => {
      let defections = 0;
      for (let s = 0; s < SCENARIOS; s++) {
        const game = createGame(randomScenario(rng, protocol));
        for (let r = 0; r < SEEDS; r++) {
          if (game.play(`exact-${s}-${r}`).outcome === 'involuntary_defection') defections++;
        }
      }
      return shareResult(
        `no uncertainty, ${protocol}, ${SCENARIOS} random scenarios x ${SEEDS} games: involuntary defection`,
        'share of games = 0',
        0,
        defections,
        SCENARIOS * SEEDS,
      );
    });
  },
};
