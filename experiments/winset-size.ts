/**
 * Putnam's propositions 1 and 3: larger win-sets make agreement more likely, and more
 * uncertainty about the other side's win-set means more involuntary defection.
 *
 * A's chief negotiator is a Romer-Rosenthal setter (`ultimatum`, Iida 1993): his single
 * take-it-or-leave-it offer goes straight to B's Level II vote, so what he misjudges about B
 * shows up as failed ratifications. B's win-set is varied through the share of isolationists
 * among its 101 constituents (isolationists lose little from no agreement, kappa = -0.05;
 * internationalists suffer from it, kappa = +0.05): from 0 to 1 the mean size of B's true
 * win-set |W_B| falls from about 0.77 to 0.53. A sees B's Level II through 20 imagined
 * profiles, each shifted by a common N(0, sigma_foreign^2) error, at three levels of
 * sigma_foreign. 5 x 3 cells x 5,000 replications = 75,000 games: Wilson intervals of at most
 * +-0.009 per cell for the rates seen (0 to 0.15 and 0.85 to 1).
 *
 * Run it with `npm start` (simulate, summarise, test, draw, report); the results go to
 * results/winset-size/.
 */
import { defineExperiment } from '../src/engine/experiment.ts';

const isolationists = 'countries.B.constituents.kappa.isolationistShare';
const foreignUncertainty = 'countries.A.negotiator.beliefs.sigmaForeign';

export default defineExperiment({
  name: 'winset-size',
  description:
    "Agreement and involuntary defection against the size of B's win-set (varied through B's isolationist share) under three levels of A's uncertainty about B's Level II (Putnam 1988, propositions 1 and 3).",
  scenario: {
    protocol: { name: 'ultimatum' },
    countries: [
      {
        name: 'A',
        reversion: 0,
        constituents: { idealPoints: { kind: 'normal', mean: 0.35, sd: 0.15 } },
        negotiator: { beliefs: { particles: 20 } },
      },
      {
        name: 'B',
        reversion: 1,
        constituents: {
          idealPoints: { kind: 'normal', mean: 0.65, sd: 0.15 },
          kappa: {
            kind: 'mix',
            isolationistShare: 0.5,
            isolationist: -0.05,
            internationalist: 0.05,
          },
        },
      },
    ],
  },
  parameters: [
    { path: isolationists, values: [0, 0.25, 0.5, 0.75, 1] },
    { path: foreignUncertainty, values: [0, 0.1, 0.2] },
  ],
  design: { kind: 'grid' },
  replications: 5000,
  seed: 1988,
  hypotheses: [
    {
      label: 'Larger win-set for B (fewer isolationists): more agreement (proposition 1)',
      outcome: 'agreement',
      on: isolationists,
      direction: 'decreasing',
      test: 'logistic',
    },
    {
      label: 'More foreign uncertainty: more involuntary defection (proposition 3)',
      outcome: 'involuntary_defection',
      on: foreignUncertainty,
      direction: 'increasing',
      test: 'trend',
    },
    {
      label: "Schelling conjecture: B's smaller win-set, better terms for B",
      outcome: 'gain_B',
      on: isolationists,
      direction: 'increasing',
      test: 'welch',
    },
  ],
  figures: [
    {
      name: 'rates-by-winset',
      kind: 'rate',
      x: 'winset_B',
      series: foreignUncertainty,
      outcomes: ['agreement', 'involuntary_defection'],
    },
    {
      name: 'involuntary-defection-heatmap',
      kind: 'heatmap',
      x: isolationists,
      y: foreignUncertainty,
      outcomes: ['involuntary_defection'],
    },
    { name: 'outcome-shares', kind: 'shares', x: isolationists },
    { name: 'gains', kind: 'gains' },
  ],
});
