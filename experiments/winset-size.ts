/**
 * The main job: involuntary defection and no agreement against the size of B's win-set and
 * A's uncertainty about B's Level II, under the toolkit's default protocol (`alternating`,
 * aspiration adaptation) and default beliefs (every negotiator unsure of his own Level II,
 * sigma_own 0.05, and of the other's, sigma_foreign 0.1, with one point estimate each), with
 * deterministic votes (Putnam 1988, propositions 1 and 3).
 *
 * The geometry is the default scenario's: A (reversion 0, 101 ideal points N(0.3, 0.15^2))
 * and B (reversion 1, N(0.7, 0.15^2)), whose win-sets overlap narrowly, each median outside
 * the other's win-set. A's chief negotiator is the default, more dovish than his median
 * (0.35). Three factors:
 * - B's win-set, through the share of isolationists among its constituents (kappa -0.05;
 *   the others internationalists, +0.05): 0 to 1 shrinks the mean |W_B| from 0.68 to 0.40
 *   and its mean overlap with W_A from 0.27 to 0.10;
 * - A's sigma_foreign, 0, 0.1 (the default) and 0.2: how wrong A's picture of B's Level II is;
 * - B's chief negotiator's ideal point, 0.6 (more dovish than B's median, about 0.7), 0.7
 *   (about the median) and 0.8 (more hawkish): his own veto is then wider than, about equal
 *   to, or narrower than his median constituent's acceptance ball, so the results are not
 *   an artefact of "negotiator = median voter".
 *
 * In `alternating` each responder accepts only what he believes his own country ratifies, so
 * an agreement fails ratification when a negotiator misjudges his own Level II and his own
 * veto does not stop him (Putnam's involuntary defection); foreign uncertainty acts through
 * the offers it makes him propose and receive. Whether it raises involuntary defection at
 * all, and at which of B's negotiators, is what the hypotheses ask (`by`: one verdict per
 * level of B's negotiator's ideal point).
 *
 * 5 x 3 x 3 = 45 cells x 1,000 replications = 45,000 games: Wilson intervals of at most
 * +-0.031 per cell, +-0.011 per level of a factor pooled over the others.
 *
 * Run it with `npm start` (simulate, summarise, test, draw, report); the results go to
 * results/winset-size/.
 */
import { defineExperiment } from '../src/engine/experiment.ts';

const isolationists = 'countries.B.constituents.kappa.isolationistShare';
const foreignUncertainty = 'countries.A.negotiator.beliefs.sigmaForeign';
const negotiatorB = 'countries.B.negotiator.ideal';

export default defineExperiment({
  name: 'winset-size',
  description:
    "Agreement, no agreement and involuntary defection against the size of B's win-set (B's isolationist share), A's uncertainty about B's Level II and B's chief negotiator's ideal point, under the default alternating protocol and default beliefs (Putnam 1988, propositions 1 and 3).",
  scenario: {
    countries: [
      {
        name: 'A',
        reversion: 0,
        constituents: { idealPoints: { kind: 'normal', mean: 0.3, sd: 0.15 } },
        negotiator: { ideal: 0.35 },
      },
      {
        name: 'B',
        reversion: 1,
        constituents: {
          idealPoints: { kind: 'normal', mean: 0.7, sd: 0.15 },
          kappa: {
            kind: 'mix',
            isolationistShare: 0.5,
            isolationist: -0.05,
            internationalist: 0.05,
          },
        },
        negotiator: { ideal: 0.65 },
      },
    ],
  },
  parameters: [
    { path: isolationists, values: [0, 0.25, 0.5, 0.75, 1] },
    { path: foreignUncertainty, values: [0, 0.1, 0.2] },
    { path: negotiatorB, values: [0.6, 0.7, 0.8] },
  ],
  design: { kind: 'grid' },
  replications: 1000,
  seed: 1988,
  hypotheses: [
    {
      label: 'Smaller win-set for B (more isolationists): less agreement (proposition 1)',
      outcome: 'agreement',
      on: isolationists,
      direction: 'decreasing',
      test: 'logistic',
      by: negotiatorB,
    },
    {
      label: 'Smaller win-set for B: more no agreement (the overlap shrinks)',
      outcome: 'no_agreement',
      on: isolationists,
      direction: 'increasing',
      test: 'logistic',
      by: negotiatorB,
    },
    {
      label: 'Smaller win-set for B: more involuntary defection',
      outcome: 'involuntary_defection',
      on: isolationists,
      direction: 'increasing',
      test: 'logistic',
      by: negotiatorB,
    },
    {
      label: 'More foreign uncertainty: more involuntary defection (proposition 3)',
      outcome: 'involuntary_defection',
      on: foreignUncertainty,
      direction: 'increasing',
      test: 'logistic',
      by: negotiatorB,
    },
    {
      label: "Schelling conjecture: B's smaller win-set, better terms for B",
      outcome: 'gain_B',
      on: isolationists,
      direction: 'increasing',
      test: 'welch',
      by: negotiatorB,
    },
  ],
  figures: [
    {
      name: 'rates-by-winset',
      kind: 'rate',
      x: 'winset_B',
      series: negotiatorB,
      outcomes: ['agreement', 'no_agreement', 'involuntary_defection'],
    },
    {
      name: 'involuntary-defection-heatmap',
      kind: 'heatmap',
      x: isolationists,
      y: foreignUncertainty,
      outcomes: ['involuntary_defection'],
    },
    {
      name: 'involuntary-defection-by-negotiator',
      kind: 'heatmap',
      x: isolationists,
      y: negotiatorB,
      outcomes: ['involuntary_defection'],
    },
    { name: 'outcome-shares', kind: 'shares', x: isolationists },
    { name: 'gains', kind: 'gains' },
  ],
});
