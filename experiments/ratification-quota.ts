/**
 * Putnam's proposition 6: stricter ratification shrinks the win-set, so fewer agreements,
 * but better terms for the stricter country when they happen.
 *
 * Ideal points N(0.3, 0.15^2) in A and N(0.7, 0.15^2) in B, reversions 0 and 1: the win-sets
 * overlap around 0.5. B ratifies with a quota theta of its 101 constituents' weight, from a
 * simple majority to three quarters, which pushes the near end of its win-set toward 1. Both
 * negotiators see the other's Level II with a small error (sigma_foreign = 0.05) and bargain
 * by the default alternating protocol; each knows his own Level II (sigma_own = 0, the
 * default before toolkit 0.4.0). 4 cells x 2,000 replications. A small sweep for trying the
 * commands (`twolevel run`, `--shard`, `merge`, `summarize`, `plot`, `report`); Putnam's
 * proposition 6 with own uncertainty and involuntary defection is
 * `experiments/propositions/6-ratification.ts`.
 */
import { defineExperiment } from '../src/engine/experiment.ts';

const quota = 'countries.B.ratification.quota';

export default defineExperiment({
  name: 'ratification-quota',
  description:
    "Agreement rate and B's terms against B's ratification quota (Putnam 1988, proposition 6).",
  scenario: {
    countries: [
      {
        name: 'A',
        reversion: 0,
        constituents: { idealPoints: { kind: 'normal', mean: 0.3 } },
        negotiator: { beliefs: { sigmaOwn: 0, sigmaForeign: 0.05 } },
      },
      {
        name: 'B',
        reversion: 1,
        constituents: { idealPoints: { kind: 'normal', mean: 0.7 } },
        negotiator: { beliefs: { sigmaOwn: 0, sigmaForeign: 0.05 } },
      },
    ],
  },
  parameters: [{ path: quota, values: [0.5, 0.6, 0.67, 0.75] }],
  design: { kind: 'grid' },
  replications: 2000,
  seed: 1988,
  hypotheses: [
    {
      label: 'A stricter quota in B: fewer agreements (proposition 6)',
      outcome: 'agreement',
      on: quota,
      direction: 'decreasing',
      test: 'trend',
    },
    {
      label: 'A stricter quota in B: better terms for B given agreement (proposition 6)',
      outcome: 'gain_B',
      on: quota,
      direction: 'increasing',
      test: 'welch',
    },
  ],
  figures: [
    { name: 'agreement-by-quota', kind: 'rate', x: quota, outcomes: ['agreement', 'no_agreement'] },
  ],
});
