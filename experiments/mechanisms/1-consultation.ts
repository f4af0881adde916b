/**
 * Prior consultation (Putnam 1988: a chief negotiator who sounds out his Level II before the
 * talks knows his own win-set better; misjudging it is one source of involuntary defection).
 * A's negotiator polls `poll` of his own 101 constituents before Level I (drawn with
 * replacement); his estimate of his own Level II moves toward the poll by precision, so his own
 * error shrinks from sigma_own to sigma_own s / sqrt(s^2 + n sigma_own^2), s = 0.15 the spread
 * of ideal points (docs/MODEL.md section 9.2). The poll costs 2 rounds of delay.
 *
 * A is a setter (`ultimatum`, Iida 1993), a dove with ideal point 0.8 whose Level II
 * (N(0.3, 0.15^2), reversion 0, W_A about [0, 0.6]) binds: he pushes his offer to his own
 * country's far edge, where his own uncertainty (sigma_own 0.05 or 0.15, 10 particles) makes
 * it fail. B (N(0.7, 0.15^2), reversion 1) is known exactly (sigma_foreign = 0). Every
 * uncertainty is set here, not left to the defaults. 4 polls x 2 sigma_own x 2,000
 * replications = 16,000 games.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const poll = 'countries.A.negotiator.consultation.poll';
const sigmaOwn = 'countries.A.negotiator.beliefs.sigmaOwn';

export default defineExperiment({
  name: 'mechanism-1-consultation',
  description:
    "Involuntary defection, agreement and A's terms against the size of A's negotiator's poll of his own Level II, at two levels of his own uncertainty (Putnam 1988, prior consultation).",
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
          consultation: { poll: 0, delay: 2 },
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
    { path: poll, values: [0, 5, 20, 100] },
    { path: sigmaOwn, values: [0.05, 0.15] },
  ],
  design: { kind: 'grid' },
  replications: 2000,
  seed: 1988,
  hypotheses: [
    {
      label: 'A larger poll: less involuntary defection',
      outcome: 'involuntary_defection',
      on: poll,
      direction: 'decreasing',
      test: 'trend',
      by: sigmaOwn,
    },
    {
      label: 'A larger poll: more agreement',
      outcome: 'agreement',
      on: poll,
      direction: 'increasing',
      test: 'trend',
      by: sigmaOwn,
    },
    {
      label: "A larger poll: better terms for A's negotiator given agreement",
      outcome: 'negotiator_gain_A',
      on: poll,
      direction: 'increasing',
      test: 'welch',
      by: sigmaOwn,
    },
  ],
  figures: [
    {
      name: 'rates-by-poll',
      kind: 'rate',
      x: poll,
      series: sigmaOwn,
      outcomes: ['agreement', 'involuntary_defection'],
    },
  ],
});
