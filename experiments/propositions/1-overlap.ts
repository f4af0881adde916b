/**
 * Putnam's proposition 1 through its own mechanism, with nothing uncertain: larger win-sets
 * make agreement more likely because they overlap more often (Putnam 1988, p. 437-8).
 *
 * In the main job (`winset-size.ts`) agreement falls both through failed ratifications and
 * through no agreement. Here every negotiator knows every Level II exactly and votes are
 * deterministic (sigma_own = sigma_foreign = 0, tau = 0), so no tentative agreement ever
 * fails (`twolevel validate` checks this for every protocol) and agreement can fall only
 * because the win-sets (and the negotiators' own vetoes) stop overlapping. Whether they do,
 * and how fast, is not fixed by construction: it depends on how much the drawn medians vary,
 * so the number of constituents is a factor (15 or 101 per country), and on the protocol
 * (alternating offers, a Romer-Rosenthal setter, the Nash solution over the believed overlap).
 * The geometry is the default scenario's (medians about 0.3 and 0.7, reversions 0 and 1,
 * negotiators 0.35 and 0.65); B's win-set shrinks with its isolationist share as in the main
 * job.
 *
 * 5 x 3 x 2 = 30 cells x 500 replications = 15,000 games.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const isolationists = 'countries.B.constituents.kappa.isolationistShare';
const protocol = 'protocol.name';
const constituentsB = 'countries.B.constituents.count';

const exact = { tau: 0, negotiatorBeliefs: { sigmaOwn: 0, sigmaForeign: 0 } };

export default defineExperiment({
  name: 'proposition-1-overlap',
  description:
    "Agreement and no agreement against B's isolationist share with exact beliefs and deterministic votes, by protocol and by the number of constituents (Putnam 1988, proposition 1, the overlap mechanism).",
  scenario: {
    countries: [
      {
        name: 'A',
        reversion: 0,
        tau: exact.tau,
        constituents: { count: 101, idealPoints: { kind: 'normal', mean: 0.3 } },
        negotiator: { ideal: 0.35, beliefs: exact.negotiatorBeliefs },
      },
      {
        name: 'B',
        reversion: 1,
        tau: exact.tau,
        constituents: {
          count: 101,
          idealPoints: { kind: 'normal', mean: 0.7 },
          kappa: {
            kind: 'mix',
            isolationistShare: 0.5,
            isolationist: -0.05,
            internationalist: 0.05,
          },
        },
        negotiator: { ideal: 0.65, beliefs: exact.negotiatorBeliefs },
      },
    ],
  },
  parameters: [
    { path: isolationists, values: [0, 0.25, 0.5, 0.75, 1] },
    { path: protocol, values: ['alternating', 'ultimatum', 'nash'] },
    { path: constituentsB, values: [15, 101] },
  ],
  design: { kind: 'grid' },
  replications: 500,
  seed: 1988,
  hypotheses: [
    {
      label: 'Smaller win-set for B: less agreement, exact beliefs (proposition 1), by protocol',
      outcome: 'agreement',
      on: isolationists,
      direction: 'decreasing',
      test: 'logistic',
      by: protocol,
    },
    {
      label: "Smaller win-set for B: less agreement, exact beliefs, by B's number of constituents",
      outcome: 'agreement',
      on: isolationists,
      direction: 'decreasing',
      test: 'logistic',
      by: constituentsB,
    },
  ],
  figures: [
    {
      name: 'agreement-by-isolationists',
      kind: 'rate',
      x: isolationists,
      series: protocol,
      outcomes: ['agreement'],
    },
  ],
});
