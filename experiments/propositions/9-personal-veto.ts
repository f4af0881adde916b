/**
 * Putnam's proposition 9: a negotiator's personal veto blocks agreements that Level II would
 * ratify.
 *
 * Ideal points N(0.3, 0.15^2) in A and N(0.7, 0.15^2) in B (101 each), reversions 0 and 1,
 * simple majority: the true win-sets [0, 2 m_A] and [2 m_B - 1, 1] overlap on about
 * [0.4, 0.6] in every run (mean true overlap 0.2). A's negotiator (ideal m_A, about 0.3)
 * accepts only x whose gain to him, m_A^2 - (x - m_A)^2, is at least his reservation phi:
 * about 0.08 at x = 0.4, the near end of the overlap, so as phi rises toward 0.08 his veto
 * shuts out the overlap that both Level IIs would ratify. Beliefs are exact, so every run
 * without agreement is one that Level II would have ratified. Alternating offers.
 * 6 cells x 3,000 replications: Wilson intervals of at most +-0.018 per cell.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const veto = 'countries.A.negotiator.reservation';

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
  parameters: [{ path: veto, values: [0, 0.02, 0.04, 0.06, 0.08, 0.1] }],
  design: { kind: 'grid' },
  replications: 3000,
  seed: 1988,
  hypotheses: [
    {
      label:
        'A higher personal veto phi_A: fewer agreements though the win-sets overlap (proposition 9)',
      outcome: 'agreement',
      on: veto,
      direction: 'decreasing',
      test: 'logistic',
    },
    {
      label: "A higher personal veto phi_A: better terms for A's negotiator given agreement",
      outcome: 'negotiator_gain_A',
      on: veto,
      direction: 'increasing',
      test: 'welch',
    },
  ],
  figures: [
    { name: 'agreement-by-veto', kind: 'rate', x: veto, outcomes: ['agreement', 'no_agreement'] },
  ],
});
