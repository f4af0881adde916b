/**
 * Putnam's proposition 10: a higher reputation cost lowers voluntary defection.
 *
 * Ideal points N(0.3, 0.15^2) in A and N(0.7, 0.15^2) in B (101 each), reversions 0 and 1;
 * B's negotiator sees A's Level II with a small error (sigma_foreign = 0.05); otherwise the
 * beliefs are the defaults (sigma_own 0.05, A's sigma_foreign 0.1). After
 * ratification, for H = 10 periods each country's constituents drift by a common
 * N(0, sigma_drift^2) shift per period (a swing of national mood), and a country reneges
 * when its Level II would vote the agreement down even with every margin raised by its
 * reputation bonus rho (the shadow of meeting again). A's bonus rho_A runs from 0 to 0.04, at
 * two drifts; B's is 1, far above any margin in the box, so only A reneges and the runs
 * measure A's bonus alone. Agreements end near the middle of the overlap, where A's median
 * constituent's margin is about 0.05, so a bonus of that order matters. Since rho is added
 * to every margin of the horizon votes, less voluntary defection is certain by construction;
 * the sweep measures its size at each drift (`by`). 5 x 2 cells x 2,000 replications: Wilson
 * intervals of at most +-0.022 per cell.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const reputationA = 'countries.A.reputation';
const drift = 'defection.drift';

export default defineExperiment({
  name: 'proposition-10-reputation',
  description:
    'Voluntary defection over a 10-period horizon against the reputation bonus for keeping an agreement, at two drifts of national mood (Putnam 1988, proposition 10).',
  scenario: {
    defection: { horizon: 10, drift: 0.02 },
    countries: [
      {
        name: 'A',
        reversion: 0,
        constituents: { idealPoints: { kind: 'normal', mean: 0.3 } },
      },
      {
        name: 'B',
        reversion: 1,
        reputation: 1,
        constituents: { idealPoints: { kind: 'normal', mean: 0.7 } },
        negotiator: { beliefs: { sigmaForeign: 0.05 } },
      },
    ],
  },
  parameters: [
    { path: reputationA, values: [0, 0.005, 0.01, 0.02, 0.04] },
    { path: drift, values: [0.02, 0.04] },
  ],
  design: { kind: 'grid' },
  replications: 2000,
  seed: 1988,
  hypotheses: [
    {
      label: 'A higher reputation bonus in A: less voluntary defection (proposition 10)',
      outcome: 'voluntary_defection',
      on: reputationA,
      direction: 'decreasing',
      test: 'trend',
      by: drift,
    },
    {
      label: 'More drift of national mood: more voluntary defection',
      outcome: 'voluntary_defection',
      on: drift,
      direction: 'increasing',
      test: 'trend',
    },
  ],
  figures: [
    {
      name: 'voluntary-defection-by-reputation',
      kind: 'rate',
      x: reputationA,
      series: drift,
      outcomes: ['voluntary_defection'],
    },
  ],
});
