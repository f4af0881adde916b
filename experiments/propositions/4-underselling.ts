/**
 * Putnam's proposition 4: underselling one's own win-set buys better terms and more
 * breakdowns.
 *
 * Spatial form, ideal points N(0.3, 0.15^2) in A and N(0.7, 0.15^2) in B (101 each),
 * reversions 0 and 1, simple majority: the true win-sets are about [0, 0.6] and [0.4, 1].
 * A's negotiator acts as if his win-set were smaller: his own margins' agreement side is
 * scaled by lambda (`lambda (L(q) + kappa) - L(x)`), so he believes A ratifies only
 * x <= m_A (1 + sqrt(lambda)), about 0.51 at lambda = 0.5 and 0.39 at lambda = 0.1, below
 * B's lower end (about 0.4). B's negotiator does not know A's lambda. Everyone sees Level
 * II exactly, so every breakdown is a missed agreement, never a failed vote. Alternating
 * offers. 5 cells x 4,000 replications: Wilson intervals of at most +-0.016 per cell.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const underselling = 'countries.A.negotiator.underselling';

export default defineExperiment({
  name: 'proposition-4-underselling',
  description:
    "A's terms and the breakdown rate against A's negotiator's underselling lambda of his own win-set (Putnam 1988, proposition 4).",
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
  parameters: [{ path: underselling, values: [0.1, 0.15, 0.25, 0.5, 1] }],
  design: { kind: 'grid' },
  replications: 4000,
  seed: 1988,
  hypotheses: [
    {
      label: 'More underselling (lower lambda): better terms for A given agreement (proposition 4)',
      outcome: 'gain_A',
      on: underselling,
      direction: 'decreasing',
      test: 'welch',
    },
    {
      label: 'More underselling (lower lambda): more breakdowns (proposition 4)',
      outcome: 'no_agreement',
      on: underselling,
      direction: 'decreasing',
      test: 'trend',
    },
  ],
  figures: [
    {
      name: 'underselling-rates',
      kind: 'rate',
      x: underselling,
      outcomes: ['agreement', 'no_agreement'],
    },
  ],
});
