/**
 * Negotiators' motives: the wish to shift the Level II balance (Putnam 1988: a chief
 * negotiator may use Level I to shift the balance of power at Level II in favour of domestic
 * policies he prefers). B's negotiator values, besides his own ideal point, how much nearer
 * his ideal the agreement's reverberation pulls B's median constituent, with weight mu_B
 * (`negotiator.motives.balance`; B's reverberation eta_B = 1/2 is the pull; docs/MODEL.md
 * section 9.5).
 *
 * B is the setter (`ultimatum`, proposer B), so no offer reverberates in B during the talks and
 * the pull is only the motive's. A's ideal points N(0.35, 0.15^2), reversion 0 (W_A about
 * [0, 0.7]); B's N(0.65, 0.15^2), reversion 1 (W_B about [0.3, 1]); 101 each. B's negotiator is
 * a dove with ideal 0.45, more eager for agreement than his median (about 0.65): the motive
 * moves his best agreement past his ideal, away from his median and toward A, to
 * v + mu eta (1 - eta) (v - m) / (1 + mu eta^2) (0.38 at mu = 2, 0.32 at 8, 0.27 at 32, the
 * last beyond the near end of W_B). Both negotiators hold 10 particles with
 * sigma_own = sigma_foreign = 0.05 (set here). mu_B 0, 2, 8, 32 x 2,000 replications = 8,000
 * games.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const balance = 'countries.B.negotiator.motives.balance';
const beliefs = { particles: 10, sigmaOwn: 0.05, sigmaForeign: 0.05 };

export default defineExperiment({
  name: 'mechanism-4-balance',
  description:
    "Agreement, involuntary defection and the terms against the weight of a dovish B negotiator's wish to pull B's Level II toward his own ideal point (Putnam 1988, negotiators' motives).",
  scenario: {
    protocol: { name: 'ultimatum', proposer: 1 },
    countries: [
      {
        name: 'A',
        reversion: 0,
        constituents: { idealPoints: { kind: 'normal', mean: 0.35, sd: 0.15 } },
        negotiator: { beliefs },
      },
      {
        name: 'B',
        reversion: 1,
        reverberation: { eta: 0.5 },
        constituents: { idealPoints: { kind: 'normal', mean: 0.65, sd: 0.15 } },
        negotiator: { ideal: 0.45, beliefs, motives: { balance: 0 } },
      },
    ],
  },
  parameters: [{ path: balance, values: [0, 2, 8, 32] }],
  design: { kind: 'grid' },
  replications: 2000,
  seed: 1988,
  hypotheses: [
    {
      label: "A wish to shift B's Level II toward a dove gives A better terms",
      outcome: 'negotiator_gain_A',
      on: balance,
      direction: 'increasing',
      test: 'welch',
    },
    {
      label: "It costs B's median constituent (his gain given agreement)",
      outcome: 'gain_B',
      on: balance,
      direction: 'decreasing',
      test: 'welch',
    },
    {
      label: 'It raises involuntary defection (the dove pushes toward his own Level II edge)',
      outcome: 'involuntary_defection',
      on: balance,
      direction: 'increasing',
      test: 'trend',
    },
  ],
  figures: [
    {
      name: 'rates-by-balance',
      kind: 'rate',
      x: balance,
      outcomes: ['agreement', 'involuntary_defection'],
    },
  ],
});
