/**
 * Putnam's proposition 7: a larger isolationist share (a lower cost of no agreement) shrinks
 * the win-set, and so the chance of agreement.
 *
 * Ideal points N(0.3, 0.15^2) in A and N(0.75, 0.15^2) in B (101 each), reversions 0 and 1.
 * B's constituents are isolationists (cost of no agreement kappa_iso < 0) or
 * internationalists (kappa = +0.05); with unit salience a constituent accepts the ball of
 * radius sqrt(|q - v|^2 + kappa) around its ideal, so isolationists accept less. The share of
 * isolationists runs from 0 to 1, at two isolationist costs (-0.025 and -0.05). B's negotiator
 * is a dove (ideal 0.5) or at his Level II's centre (0.75): a negotiator at B's median never
 * goes beyond his median's kappa = 0 ball, which hides how internationalists widen Level II.
 * A's negotiator is A's median. Beliefs are the defaults (sigma_own 0.05, sigma_foreign 0.1).
 * The win-set's shrinking is certain by construction (a lower kappa shrinks every
 * isolationist's ball); the agreement rate is not. 5 x 2 x 2 cells x 1,000 replications:
 * Wilson intervals of at most +-0.031 per cell.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const isolationistShare = 'countries.B.constituents.kappa.isolationistShare';
const isolationistCost = 'countries.B.constituents.kappa.isolationist';
const idealB = 'countries.B.negotiator.ideal';

export default defineExperiment({
  name: 'proposition-7-isolationist-share',
  description:
    "Size of B's win-set and the agreement rate against the share of isolationists in B, at two isolationist costs of no agreement (Putnam 1988, proposition 7).",
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
        constituents: {
          idealPoints: { kind: 'normal', mean: 0.75 },
          kappa: {
            kind: 'mix',
            isolationistShare: 0.5,
            isolationist: -0.05,
            internationalist: 0.05,
          },
        },
        negotiator: { ideal: 0.5 },
      },
    ],
  },
  parameters: [
    { path: isolationistShare, values: [0, 0.25, 0.5, 0.75, 1] },
    { path: isolationistCost, values: [-0.05, -0.025] },
    { path: idealB, values: [0.5, 0.75] },
  ],
  design: { kind: 'grid' },
  replications: 1000,
  seed: 1988,
  hypotheses: [
    {
      label: 'More isolationists in B: a smaller win-set for B (proposition 7)',
      outcome: 'winset_B',
      on: isolationistShare,
      direction: 'decreasing',
      test: 'welch',
    },
    {
      label: 'More isolationists in B: fewer agreements (proposition 7)',
      outcome: 'agreement',
      on: isolationistShare,
      direction: 'decreasing',
      test: 'trend',
      by: idealB,
    },
    {
      label:
        "A higher cost of no agreement for B's isolationists (kappa from -0.05 to -0.025): a larger win-set for B (proposition 7)",
      outcome: 'winset_B',
      on: isolationistCost,
      direction: 'increasing',
      test: 'welch',
    },
  ],
  figures: [
    {
      name: 'agreement-by-isolationist-share',
      kind: 'rate',
      x: isolationistShare,
      series: isolationistCost,
      outcomes: ['agreement'],
    },
  ],
});
