/**
 * Putnam's proposition 9: a negotiator's personal veto blocks agreements that Level II would
 * ratify.
 *
 * Ideal points N(0.3, 0.15^2) in A and N(0.7, 0.15^2) in B (101 each), reversions 0 and 1,
 * simple majority: the true win-sets [0, 2 m_A] and [2 m_B - 1, 1] overlap on about
 * [0.4, 0.6] in nearly every run (mean true overlap 0.2). A's negotiator (ideal v, 0.3 about
 * his median or 0.4) accepts only x whose gain to him, v^2 - (x - v)^2, is at least his
 * reservation phi. At v = 0.3 that is about 0.08 at x = 0.4, the near end of the overlap, so
 * as phi rises toward 0.08 his veto shuts out the overlap that both Level IIs would ratify;
 * at v = 0.4 his veto |x - 0.4| <= sqrt(0.16 - phi) holds the whole overlap for every phi up
 * to 0.1, so it should block nothing. Fewer agreements where the veto cuts in is close to
 * certain by construction (a veto only removes candidates); the factor v and the effect on
 * involuntary defection under the default own uncertainty are not. Alternating offers, the
 * default beliefs. 6 x 2 cells x 1,500 replications: Wilson intervals of at most +-0.026 per
 * cell.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const veto = 'countries.A.negotiator.reservation';
const idealA = 'countries.A.negotiator.ideal';

export default defineExperiment({
  name: 'proposition-9-personal-veto',
  description:
    "Agreement rate against A's negotiator's personal reservation phi, with win-sets that always overlap (Putnam 1988, proposition 9).",
  scenario: {
    countries: [
      {
        name: 'A',
        reversion: 0,
        constituents: { idealPoints: { kind: 'normal', mean: 0.3 } },
      },
      {
        name: 'B',
        reversion: 1,
        constituents: { idealPoints: { kind: 'normal', mean: 0.7 } },
      },
    ],
  },
  parameters: [
    { path: veto, values: [0, 0.02, 0.04, 0.06, 0.08, 0.1] },
    { path: idealA, values: [0.3, 0.4] },
  ],
  design: { kind: 'grid' },
  replications: 1500,
  seed: 1988,
  hypotheses: [
    {
      label:
        'A higher personal veto phi_A: fewer agreements though the win-sets overlap (proposition 9)',
      outcome: 'agreement',
      on: veto,
      direction: 'decreasing',
      test: 'logistic',
      by: idealA,
    },
    {
      label:
        'A higher personal veto phi_A: less involuntary defection under own uncertainty (not certain by construction)',
      outcome: 'involuntary_defection',
      on: veto,
      direction: 'decreasing',
      test: 'logistic',
      by: idealA,
    },
    {
      // Over all runs a veto lowers involuntary defection just by leaving fewer tentative
      // agreements; per tentative agreement it asks whether the agreements struck are safer.
      label:
        'A higher personal veto phi_A: fewer failed ratifications per tentative agreement (not certain by construction)',
      outcome: 'ratification_failure',
      on: veto,
      direction: 'decreasing',
      test: 'logistic',
      by: idealA,
    },
    {
      label: "A higher personal veto phi_A: better terms for A's negotiator given agreement",
      outcome: 'negotiator_gain_A',
      on: veto,
      direction: 'increasing',
      test: 'welch',
      by: idealA,
    },
  ],
  figures: [
    { name: 'agreement-by-veto', kind: 'rate', x: veto, outcomes: ['agreement', 'no_agreement'] },
  ],
});
