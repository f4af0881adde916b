/**
 * Expectations abort Level I (Putnam 1988: "expectations of rejection at Level II may abort
 * negotiations at Level I without any formal action"). With `protocol.abort`, talks are not
 * opened when no negotiator believes any agreement would be ratified by every country, and the
 * game ends `aborted`, distinct from `no_agreement` after talks that ran out of time
 * (docs/MODEL.md section 9.2).
 *
 * Alternating offers between A (ideal points N(0.3, 0.15^2), reversion 0) and B (N(0.7,
 * 0.15^2), reversion 1), 101 constituents each; B's quota rises from 1/2 to 3/4, which
 * shrinks W_B away from W_A until their overlap is mostly empty. Both negotiators hold 10
 * particles with sigma_own = sigma_foreign = 0.05 (set here, not left to the defaults).
 * protocol.abort false (talks always open) and true, with common random numbers (replication r
 * of every cell plays the same draws), so a game that aborts is compared with the same game
 * played out. 4 x 2 cells x 1,000 replications.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const quota = 'countries.B.ratification.quota';
const abort = 'protocol.abort';
const beliefs = { particles: 10, sigmaOwn: 0.05, sigmaForeign: 0.05 };

export default defineExperiment({
  name: 'mechanism-1-abort',
  description:
    "Aborted talks, no agreement and involuntary defection against B's ratification quota, with and without expectations aborting Level I (Putnam 1988).",
  scenario: {
    protocol: { name: 'alternating' },
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
        negotiator: { beliefs },
      },
    ],
  },
  parameters: [
    { path: quota, values: [0.5, 0.6, 0.67, 0.75] },
    { path: abort, values: [false, true] },
  ],
  design: { kind: 'grid' },
  replications: 1000,
  seed: 1988,
  // common random numbers: replication r of every cell plays the same Level II and beliefs, so
  // abort false and true compare the same games
  crn: true,
  hypotheses: [
    {
      label: 'A stricter quota in B: more talks aborted by expectations',
      outcome: 'aborted',
      on: quota,
      direction: 'increasing',
      test: 'trend',
      given: { [abort]: true },
    },
    {
      label: 'A stricter quota in B: fewer agreements (talks always open)',
      outcome: 'agreement',
      on: quota,
      direction: 'decreasing',
      test: 'trend',
      given: { [abort]: false },
    },
  ],
  figures: [
    {
      name: 'rates-by-quota-abort',
      kind: 'rate',
      x: quota,
      series: abort,
      outcomes: ['agreement', 'no_agreement', 'aborted', 'involuntary_defection'],
    },
  ],
});
