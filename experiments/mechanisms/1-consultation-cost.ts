/**
 * The standing a consultation puts at stake (Putnam 1988: the chief negotiator's standing at
 * Level II; Fearon 1994: the audience costs of a public commitment). A's negotiator polls his
 * own Level II before Level I (docs/MODEL.md section 9.2) and, having consulted, loses
 * standing chi_A (`negotiator.consultation.cost`) when he brings it no ratified agreement: in
 * his decisions every agreement's gain over no agreement rises by chi_A.
 *
 * The design of experiments/mechanisms/1-consultation.ts: A is a setter (`ultimatum`) and a
 * dove with ideal point 0.8 whose Level II (N(0.3, 0.15^2), reversion 0, W_A about [0, 0.6])
 * binds, so his offer sits at his own far edge, where his own uncertainty (sigma_own 0.15, 10
 * particles) makes it fail; B (N(0.7, 0.15^2), reversion 1) is known exactly. Polls of 1 and 5
 * constituents (own error 0.106 and 0.061), 2 rounds of delay; chi_A 0, 0.1, 0.3, 1 (against
 * his policy gain of 0.8^2 - (x - 0.8)^2, 0.6 at the edge x = 0.6 of W_A). 2 polls x 4 costs x
 * 2,000 replications = 16,000 games.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const poll = 'countries.A.negotiator.consultation.poll';
const cost = 'countries.A.negotiator.consultation.cost';

export default defineExperiment({
  name: 'mechanism-1-consultation-cost',
  description:
    "Involuntary defection, agreement and A's terms against the standing A's negotiator's consultation puts at stake, for two poll sizes (Putnam 1988, prior consultation and the negotiator's standing).",
  scenario: {
    protocol: { name: 'ultimatum' },
    countries: [
      {
        name: 'A',
        reversion: 0,
        constituents: { idealPoints: { kind: 'normal', mean: 0.3, sd: 0.15 } },
        negotiator: {
          ideal: 0.8,
          beliefs: { particles: 10, sigmaOwn: 0.15, sigmaForeign: 0 },
          consultation: { poll: 1, delay: 2, cost: 0 },
        },
      },
      {
        name: 'B',
        reversion: 1,
        constituents: { idealPoints: { kind: 'normal', mean: 0.7, sd: 0.15 } },
        negotiator: { beliefs: { sigmaOwn: 0, sigmaForeign: 0 } },
      },
    ],
  },
  parameters: [
    { path: poll, values: [1, 5] },
    { path: cost, values: [0, 0.1, 0.3, 1] },
  ],
  design: { kind: 'grid' },
  replications: 2000,
  seed: 1988,
  hypotheses: [
    {
      label: 'More standing at stake: less involuntary defection',
      outcome: 'involuntary_defection',
      on: cost,
      direction: 'decreasing',
      test: 'trend',
      by: poll,
    },
    {
      label: 'More standing at stake: worse terms for A (his policy gain given agreement)',
      outcome: 'negotiator_gain_A',
      on: cost,
      direction: 'decreasing',
      test: 'welch',
      by: poll,
    },
  ],
  figures: [
    {
      name: 'rates-by-consultation-cost',
      kind: 'rate',
      x: cost,
      series: poll,
      outcomes: ['agreement', 'involuntary_defection'],
    },
  ],
});
