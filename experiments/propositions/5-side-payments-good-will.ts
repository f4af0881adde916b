/**
 * Putnam's proposition 5: side payments and good will raise the agreement rate.
 *
 * Both only widen what Level II accepts; a default negotiator (the median constituent) never
 * goes beyond his median's own acceptance ball, so they can help only when the negotiator is
 * more dovish than his median or an institution binds first. Here B's negotiator is a dove
 * (ideal 0.5, the middle of the box) and A's is a dove (0.5) or at his Level II's centre
 * (0.25, the mean of A's ideal points), facing small, hawkish Level IIs: 5 constituents each,
 * ideal points N(0.25, 0.2^2) in A and N(0.75, 0.2^2) in B, reversions 0 and 1, so the
 * win-sets [0, 2 m_A] and [2 m_B - 1, 1] fail to overlap in about half the runs. A's good will
 * g_A adds to every A margin; A's negotiator may spend a budget B_A on side payments to A's
 * no-voters. Beliefs are the defaults (sigma_own 0.05, sigma_foreign 0.1), so enlarging the
 * win-set need not raise agreement. 3 x 3 x 2 cells x 1,000 replications: Wilson intervals of
 * at most +-0.031 per cell, +-0.013 per level pooled.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const goodWill = 'countries.A.goodWill';
const budget = 'countries.A.negotiator.sidePayments.budget';
const idealA = 'countries.A.negotiator.ideal';

export default defineExperiment({
  name: 'proposition-5-side-payments-good-will',
  description:
    "Agreement rate against A's good will and A's negotiator's side-payment budget, with dovish negotiators (Putnam 1988, proposition 5).",
  scenario: {
    countries: [
      {
        name: 'A',
        reversion: 0,
        constituents: { count: 5, idealPoints: { kind: 'normal', mean: 0.25, sd: 0.2 } },
        negotiator: { ideal: 0.5, sidePayments: { target: 'own' } },
      },
      {
        name: 'B',
        reversion: 1,
        constituents: { count: 5, idealPoints: { kind: 'normal', mean: 0.75, sd: 0.2 } },
        negotiator: { ideal: 0.5 },
      },
    ],
  },
  parameters: [
    { path: goodWill, values: [0, 0.02, 0.05] },
    { path: budget, values: [0, 0.05, 0.1] },
    { path: idealA, values: [0.25, 0.5] },
  ],
  design: { kind: 'grid' },
  replications: 1000,
  seed: 1988,
  hypotheses: [
    {
      label: 'More good will in A: more agreement (proposition 5)',
      outcome: 'agreement',
      on: goodWill,
      direction: 'increasing',
      test: 'trend',
      by: idealA,
    },
    {
      label: "A larger side-payment budget for A's negotiator: more agreement (proposition 5)",
      outcome: 'agreement',
      on: budget,
      direction: 'increasing',
      test: 'trend',
      by: idealA,
    },
  ],
  figures: [
    {
      name: 'agreement-by-good-will-and-budget',
      kind: 'heatmap',
      x: goodWill,
      y: budget,
      outcomes: ['agreement'],
    },
  ],
});
