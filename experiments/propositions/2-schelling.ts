/**
 * Putnam's proposition 2, Schelling's conjecture: given agreement, the side with the smaller
 * win-set gets terms closer to its ideal, at a higher risk of no agreement.
 *
 * Putnam's Figure 1 (divide form): x is A's share of the stake, B gets 1 - x, and each
 * negotiator wants the whole stake. A's 25 constituents hold reservation shares uniform on
 * [0.1, 0.5] (median about 0.3, win-set [0.3, 1]); B's are uniform on [lo, 0.9], so raising lo
 * from 0.1 to 0.5 moves B's median reservation from about 0.5 to 0.7 and shrinks B's win-set
 * [0, 1 - median] from about 0.5 to 0.3, and the overlap from about 0.2 to 0. With 25
 * constituents a median varies by about 0.04 from run to run, so the overlap is empty in a
 * growing share of runs as lo rises. Both negotiators see the other's Level II with a small
 * error (sigma_foreign = 0.05) and their own with the default (sigma_own = 0.05), and bargain
 * by alternating offers or reach the Nash solution over the believed overlap. B's
 * negotiator's gain is B's share of the stake, so it measures how close the terms are to B's
 * ideal; it cannot fall below B's median reservation, so its rise is certain by construction.
 * B's median constituent's gain, share - c_med, his surplus over what B's Level II demands,
 * is not. 5 x 2 cells x 1,500 replications: Wilson intervals of at most +-0.026 per cell.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const reservationsB = 'countries.B.constituents.reservations.lo';
const protocol = 'protocol.name';

export default defineExperiment({
  name: 'proposition-2-schelling',
  description:
    "B's share of the stake and the risk of no agreement against the size of B's win-set, shrunk by raising B's reservation shares (Putnam 1988, Figure 1; proposition 2, Schelling's conjecture).",
  scenario: {
    form: 'divide',
    countries: [
      {
        name: 'A',
        constituents: { count: 25, reservations: { kind: 'uniform', lo: 0.1, hi: 0.5 } },
        negotiator: { beliefs: { sigmaForeign: 0.05 } },
      },
      {
        name: 'B',
        constituents: { count: 25, reservations: { kind: 'uniform', lo: 0.1, hi: 0.9 } },
        negotiator: { beliefs: { sigmaForeign: 0.05 } },
      },
    ],
  },
  parameters: [
    { path: reservationsB, values: [0.1, 0.2, 0.3, 0.4, 0.5] },
    { path: protocol, values: ['alternating', 'nash'] },
  ],
  design: { kind: 'grid' },
  replications: 1500,
  seed: 1988,
  hypotheses: [
    {
      label: "B's smaller win-set: a larger share for B given agreement (proposition 2)",
      outcome: 'negotiator_gain_B',
      on: reservationsB,
      direction: 'increasing',
      test: 'welch',
      by: protocol,
    },
    {
      label:
        "B's smaller win-set: more for B's median constituent above his reservation (share - c_med), not certain by construction",
      outcome: 'gain_B',
      on: reservationsB,
      direction: 'increasing',
      test: 'welch',
      by: protocol,
    },
    {
      label: "B's smaller win-set: more runs without agreement (proposition 2)",
      outcome: 'no_agreement',
      on: reservationsB,
      direction: 'increasing',
      test: 'trend',
      by: protocol,
    },
  ],
  figures: [
    {
      name: 'schelling-rates-by-winset',
      kind: 'rate',
      x: 'winset_B',
      outcomes: ['agreement', 'no_agreement'],
    },
  ],
});
