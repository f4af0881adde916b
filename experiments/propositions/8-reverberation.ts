/**
 * Putnam's proposition 8: positive reverberation raises the agreement rate; backlash lowers
 * it.
 *
 * Ideal points N(0.25, 0.15^2) in A and N(0.75, 0.15^2) in B (101 each), reversions 0 and 1:
 * the win-sets [0, 2 m_A] and [2 m_B - 1, 1] just touch, so without reverberation about half
 * the runs end without agreement. After each of A's offers (alternating, up to 50 rounds),
 * B's constituents move toward it by a share eta of the distance, except a share beta of
 * nationalists, who move away by as much (backlash). B's negotiator is a dove (ideal 0.5):
 * a default negotiator keeps his ideal at B's median as first drawn, so his own veto would
 * stop him from using the room reverberation opens in his Level II; the same sweep with B's
 * negotiator at the centre of B's Level II (0.75) shows it. Beliefs are the defaults
 * (sigma_own 0.05, sigma_foreign 0.1) and follow the reverberation. 4 x 4 x 2 cells x 500
 * replications: Wilson intervals of at most
 * +-0.044 per cell, +-0.016 per level pooled.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const eta = 'countries.B.reverberation.eta';
const beta = 'countries.B.reverberation.beta';
const idealB = 'countries.B.negotiator.ideal';

export default defineExperiment({
  name: 'proposition-8-reverberation',
  description:
    "Agreement rate against the reverberation eta of A's offers in B and the share beta of B's nationalists who react with backlash (Putnam 1988, proposition 8).",
  scenario: {
    countries: [
      {
        name: 'A',
        reversion: 0,
        constituents: { idealPoints: { kind: 'normal', mean: 0.25 } },
      },
      {
        name: 'B',
        reversion: 1,
        constituents: { idealPoints: { kind: 'normal', mean: 0.75 } },
        negotiator: { ideal: 0.5 },
      },
    ],
  },
  parameters: [
    { path: eta, values: [0, 0.01, 0.02, 0.04] },
    { path: beta, values: [0, 0.25, 0.5, 0.75] },
    { path: idealB, values: [0.5, 0.75] },
  ],
  design: { kind: 'grid' },
  replications: 500,
  seed: 1988,
  hypotheses: [
    {
      label: 'More reverberation in B: more agreement (proposition 8)',
      outcome: 'agreement',
      on: eta,
      direction: 'increasing',
      test: 'trend',
      by: idealB,
    },
    {
      label: 'More nationalist backlash in B: less agreement (proposition 8)',
      outcome: 'agreement',
      on: beta,
      direction: 'decreasing',
      test: 'trend',
      by: idealB,
    },
  ],
  figures: [
    {
      name: 'agreement-by-reverberation',
      kind: 'heatmap',
      x: eta,
      y: beta,
      outcomes: ['agreement'],
    },
  ],
});
