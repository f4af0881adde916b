/**
 * Hearings with each chamber against a poll of the whole Level II (Putnam 1988: chief
 * negotiators consult their constituents before the talks; docs/MODEL.md section 9.2). With
 * `consultation.hearings: true` a negotiator polls `n` members of each chamber instead of `n`
 * constituents of the whole Level II, so 1 / sigma'^2 = 1 / sigma_own^2 + sum_h n / s_h^2
 * (s_h^2 the variance of chamber h) instead of 1 / sigma_own^2 + n / s^2.
 *
 * The design of 1-consultation.ts (A a dovish setter, ideal 0.8, at his own far edge,
 * sigma_own = 0.15, 10 particles; B known exactly), with A's Level II in two chambers, its
 * constituents 0-50 and 51-100, each ratifying by a simple majority. The ideal points are drawn
 * independently, so each chamber is a random half whose variance is about the whole's
 * s^2 = 0.15^2: a hearing with each of the two is, by construction, about a poll of 2n. The
 * experiment checks that the code does what the formula says and measures the size: hearings
 * at n against polls of n and of 2n, n = 1 and 5 (polls 1, 2, 5, 10 x hearings false, true,
 * the hearing cells at polls 2 and 10 included for the full grid). 8 cells x 2,000
 * replications = 16,000 games, with common random numbers (the same Level II and draws in
 * every cell of a replication), so the test pairs runs.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const poll = 'countries.A.negotiator.consultation.poll';
const hearings = 'countries.A.negotiator.consultation.hearings';

export default defineExperiment({
  name: 'mechanism-1-hearings',
  description:
    "Involuntary defection and agreement against the size of A's negotiator's consultation, a poll of his whole bicameral Level II or a hearing with each chamber (Putnam 1988, prior consultation).",
  scenario: {
    protocol: { name: 'ultimatum' },
    countries: [
      {
        name: 'A',
        reversion: 0,
        constituents: { idealPoints: { kind: 'normal', mean: 0.3, sd: 0.15 } },
        ratification: {
          chambers: [
            { name: 'lower', members: { from: 0, to: 51 } },
            { name: 'upper', members: { from: 51, to: 101 } },
          ],
        },
        negotiator: {
          ideal: 0.8,
          beliefs: { particles: 10, sigmaOwn: 0.15, sigmaForeign: 0 },
          consultation: { poll: 1, delay: 2, hearings: false },
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
    { path: poll, values: [1, 2, 5, 10] },
    { path: hearings, values: [false, true] },
  ],
  design: { kind: 'grid' },
  replications: 2000,
  seed: 1988,
  crn: true,
  hypotheses: [
    {
      label: 'Hearings with each chamber: less involuntary defection than a poll of the same n',
      outcome: 'involuntary_defection',
      on: hearings,
      direction: 'decreasing',
      test: 'mcnemar',
      by: poll,
    },
  ],
  figures: [
    {
      name: 'rates-by-hearings',
      kind: 'rate',
      x: poll,
      series: hearings,
      outcomes: ['involuntary_defection'],
    },
  ],
});
