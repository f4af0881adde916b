/**
 * Putnam's proposition 6: stricter ratification shrinks the win-set, so fewer agreements,
 * but better terms for the stricter country when they happen.
 *
 * Ideal points N(0.3, 0.15^2) in A and N(0.7, 0.15^2) in B, reversions 0 and 1: the win-sets
 * overlap around 0.5. B ratifies with a quota theta of its 101 constituents' weight, from a
 * simple majority to three quarters, which pushes the near end of its win-set toward 1. The
 * negotiators are the default scenario's, more dovish than their medians (0.35 and 0.65), so
 * neither's own veto is his country's win-set; both see the other's Level II with a small
 * error (sigma_foreign = 0.05) and bargain by the default alternating protocol. B's
 * negotiator's uncertainty about his own Level II (sigma_own 0, 0.05, 0.1) is the second
 * factor: does stricter ratification raise involuntary defection under own uncertainty, as
 * Putnam's Versailles example suggests? 4 x 3 cells x 1,000 replications (the README's
 * command examples use `experiments/ratification-quota.ts`, the smaller 0.3.0 design).
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const quota = 'countries.B.ratification.quota';
const ownB = 'countries.B.negotiator.beliefs.sigmaOwn';

export default defineExperiment({
  name: 'proposition-6-ratification',
  description:
    "Agreement rate and B's terms against B's ratification quota (Putnam 1988, proposition 6).",
  scenario: {
    countries: [
      {
        name: 'A',
        reversion: 0,
        constituents: { idealPoints: { kind: 'normal', mean: 0.3 } },
        negotiator: { ideal: 0.35, beliefs: { sigmaForeign: 0.05 } },
      },
      {
        name: 'B',
        reversion: 1,
        constituents: { idealPoints: { kind: 'normal', mean: 0.7 } },
        negotiator: { ideal: 0.65, beliefs: { sigmaForeign: 0.05 } },
      },
    ],
  },
  parameters: [
    { path: quota, values: [0.5, 0.6, 0.67, 0.75] },
    { path: ownB, values: [0, 0.05, 0.1] },
  ],
  design: { kind: 'grid' },
  replications: 1000,
  seed: 1988,
  hypotheses: [
    {
      label: 'A stricter quota in B: fewer agreements (proposition 6)',
      outcome: 'agreement',
      on: quota,
      direction: 'decreasing',
      test: 'trend',
      by: ownB,
    },
    {
      label: 'A stricter quota in B: better terms for B given agreement (proposition 6)',
      outcome: 'gain_B',
      on: quota,
      direction: 'increasing',
      test: 'welch',
      by: ownB,
    },
    {
      label:
        "A stricter quota in B: more involuntary defection under B's own uncertainty (Putnam's Versailles example)",
      outcome: 'involuntary_defection',
      on: quota,
      direction: 'increasing',
      test: 'logistic',
      by: ownB,
    },
  ],
  figures: [
    { name: 'agreement-by-quota', kind: 'rate', x: quota, outcomes: ['agreement', 'no_agreement'] },
  ],
});
