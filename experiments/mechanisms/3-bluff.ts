/**
 * A credibility that falls after a detected bluff (Putnam 1988 on the credibility of a
 * negotiator's claims about his Level II; Sobel 1985, Sartori 2002: a reputation for honesty
 * that a detected lie destroys). B's negotiator undersells (lambda_B = 0.3) and announces his
 * believed win-set with credibility kappa_B = 0.9 (docs/MODEL.md section 9.3). When a
 * ratification fails and Level I reopens, the vote shows a bluff when B's Level II ratified the
 * agreement his announcement called unratifiable; his credibility then falls to
 * (1 - psi_B) kappa_B (`negotiator.announcement.bluffPenalty`).
 *
 * A is a setter (`ultimatum`): ideal points N(0.3, 0.15^2), reversion 0 (W_A about [0, 0.6]).
 * B's are N(0.7, 0.15^2), reversion 1 (W_B about [0.4, 1]; announced from about 0.54). A third
 * country C is a random ratification shock: one constituent (ideal point 0.5, reversion 0.5,
 * a cost of no agreement kappa = 0.05) with voter noise tau = 0.2, who ratifies any x of
 * [0.3, 0.7] with probability 1 / (1 + exp(-(0.05 - (x - 0.5)^2) / 0.2)), 0.51 to 0.56;
 * negotiators' beliefs ignore voter noise, so nobody anticipates C's no. A bluff can only be
 * detected when the setter gambled below B's announced win-set (an offer inside it says
 * nothing about the bluff) and C then said no while B ratified (a yes from which every
 * negotiator also learns, since toolkit 0.5.0: his particles of B that would have rejected the
 * agreement are dropped, whatever psi_B). Both A and B hold 10 particles
 * with sigma_own = sigma_foreign = 0.05 (set here). psi_B 0, 0.5, 1 x reopen 0, 3 x 2,000
 * replications = 12,000 games, with common random numbers (replication r of every cell plays
 * the same draws). At reopen 0 nothing reopens, so psi_B cannot matter: the control.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const penalty = 'countries.B.negotiator.announcement.bluffPenalty';
const reopen = 'reopen';
const beliefs = { particles: 10, sigmaOwn: 0.05, sigmaForeign: 0.05 };

export default defineExperiment({
  name: 'mechanism-3-bluff',
  description:
    "B's terms and the agreement rate against the credibility B loses when a failed vote shows his announced win-set was a bluff, with A as setter and a third country whose vote is a random shock (Putnam 1988, credibility of announced win-sets).",
  scenario: {
    protocol: { name: 'ultimatum' },
    countries: [
      {
        name: 'A',
        reversion: 0,
        constituents: { idealPoints: { kind: 'normal', mean: 0.3, sd: 0.15 } },
        negotiator: { beliefs },
      },
      {
        name: 'B',
        reversion: 1,
        constituents: { idealPoints: { kind: 'normal', mean: 0.7, sd: 0.15 } },
        negotiator: {
          beliefs,
          underselling: 0.3,
          announcement: { credibility: 0.9, bluffPenalty: 0 },
        },
      },
      {
        name: 'C',
        reversion: 0.5,
        tau: 0.2,
        constituents: {
          idealPoints: { kind: 'explicit', values: [0.5] },
          kappa: { kind: 'constant', value: 0.05 },
        },
        negotiator: { beliefs },
      },
    ],
  },
  parameters: [
    { path: reopen, values: [0, 3] },
    { path: penalty, values: [0, 0.5, 1] },
  ],
  design: { kind: 'grid' },
  replications: 2000,
  crn: true,
  seed: 1988,
  hypotheses: [
    {
      label: 'A detected bluff that costs credibility costs B terms (reopen 3)',
      outcome: 'negotiator_gain_B',
      on: penalty,
      direction: 'decreasing',
      test: 'welch',
      given: { [reopen]: 3 },
    },
    {
      label: 'A detected bluff that costs credibility costs agreements (reopen 3)',
      outcome: 'agreement',
      on: penalty,
      direction: 'decreasing',
      test: 'mcnemar',
      given: { [reopen]: 3 },
    },
  ],
  figures: [
    {
      name: 'rates-by-bluff-penalty',
      kind: 'rate',
      x: penalty,
      series: reopen,
      outcomes: ['agreement', 'involuntary_defection'],
    },
  ],
});
