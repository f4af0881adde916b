/**
 * Putnam's proposition 4: underselling one's own win-set buys better terms and more
 * breakdowns.
 *
 * The default scenario `{}`: ideal points N(0.3, 0.15^2) in A and N(0.7, 0.15^2) in B
 * (101 each), reversions 0 and 1, simple majority: the true win-sets are about [0, 0.6] and
 * [0.4, 1]; negotiators more dovish than their medians (0.35 and 0.65) with the default
 * beliefs (sigma_own 0.05, sigma_foreign 0.1). A's negotiator acts as if his win-set were
 * smaller: his own constituents' stake is scaled by lambda, so he believes A ratifies only
 * x <= m_A (1 + sqrt(lambda)), about 0.51 at lambda = 0.5 and 0.39 at lambda = 0.1, below
 * B's lower end (about 0.4). Nothing is communicated: B's negotiator does not know A's
 * lambda and his beliefs about A do not change, so underselling is a self-imposed veto, and
 * better terms given agreement and more breakdowns follow by construction. What does not is
 * the third hypothesis: under own uncertainty, does underselling act as a margin of safety
 * and lower involuntary defection? Alternating offers and a Romer-Rosenthal setter (A).
 * 5 x 2 cells x 1,500 replications: Wilson intervals of at most +-0.026 per cell.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const underselling = 'countries.A.negotiator.underselling';
const protocol = 'protocol.name';

export default defineExperiment({
  name: 'proposition-4-underselling',
  description:
    "A's terms and the breakdown rate against A's negotiator's underselling lambda of his own win-set (Putnam 1988, proposition 4).",
  scenario: {},
  parameters: [
    { path: underselling, values: [0.1, 0.15, 0.25, 0.5, 1] },
    { path: protocol, values: ['alternating', 'ultimatum'] },
  ],
  design: { kind: 'grid' },
  replications: 1500,
  seed: 1988,
  hypotheses: [
    {
      label: 'More underselling (lower lambda): better terms for A given agreement (proposition 4)',
      outcome: 'gain_A',
      on: underselling,
      direction: 'decreasing',
      test: 'welch',
      by: protocol,
    },
    {
      label: 'More underselling (lower lambda): more breakdowns (proposition 4)',
      outcome: 'no_agreement',
      on: underselling,
      direction: 'decreasing',
      test: 'trend',
      by: protocol,
    },
    {
      label:
        'Less underselling (higher lambda): more involuntary defection under own uncertainty (a margin of safety; not certain by construction)',
      outcome: 'involuntary_defection',
      on: underselling,
      direction: 'increasing',
      test: 'logistic',
      by: protocol,
    },
    {
      // Over all runs, involuntary defection can only rise as more runs reach a tentative
      // agreement; per tentative agreement it is the risk of each agreement struck.
      label:
        'Less underselling (higher lambda): more failed ratifications per tentative agreement (not certain by construction)',
      outcome: 'ratification_failure',
      on: underselling,
      direction: 'increasing',
      test: 'logistic',
      by: protocol,
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
