/**
 * Reopening when both sides are uncertain (Putnam 1988: after a failed ratification the
 * negotiators try again, having learnt from the votes). After a failed vote with `reopen > 0`
 * every negotiator conditions his belief profiles on every Level II's vote: he drops those of
 * a country that rejected the agreement under which it would have passed, and those of a
 * country that passed it under which it would have failed (docs/MODEL.md section 5 and
 * "Reopening" in section 8; the second since toolkit 0.5.0).
 *
 * In 6-reopening.ts the country that passes is always one the setter knows exactly, so only
 * the failing side teaches. Here both negotiators misjudge both countries and bargain with
 * alternating offers: A's constituents N(0.3, 0.15^2) (reversion 0), B's N(0.7, 0.15^2)
 * (reversion 1), 101 each, simple majorities; A's negotiator a dove (ideal 0.8), B's a hawk
 * (ideal 0.2), each pushing toward the far edge of his own win-set; both hold 10 particles per
 * country with sigma_own = sigma_foreign = 0.1 (set here). reopen 0, 1, 3 x 2,000
 * replications = 6,000 games.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const reopen = 'reopen';
const beliefs = { particles: 10, sigmaOwn: 0.1, sigmaForeign: 0.1 };

export default defineExperiment({
  name: 'mechanism-6-reopening-both',
  description:
    'Agreement, involuntary defection and rounds against the number of reopenings allowed after a failed vote, with alternating offers and both negotiators uncertain about both countries (Putnam 1988, reopening with learning).',
  scenario: {
    protocol: { name: 'alternating' },
    countries: [
      {
        name: 'A',
        reversion: 0,
        constituents: { idealPoints: { kind: 'normal', mean: 0.3, sd: 0.15 } },
        negotiator: { ideal: 0.8, beliefs },
      },
      {
        name: 'B',
        reversion: 1,
        constituents: { idealPoints: { kind: 'normal', mean: 0.7, sd: 0.15 } },
        negotiator: { ideal: 0.2, beliefs },
      },
    ],
  },
  parameters: [{ path: reopen, values: [0, 1, 3] }],
  design: { kind: 'grid' },
  replications: 2000,
  seed: 1988,
  hypotheses: [
    {
      label: 'Reopening after a failed vote recovers agreements (both sides uncertain)',
      outcome: 'agreement',
      on: reopen,
      direction: 'increasing',
      test: 'trend',
    },
    {
      label: 'Reopening lengthens Level I (both sides uncertain)',
      outcome: 'rounds',
      on: reopen,
      direction: 'increasing',
      test: 'welch',
    },
  ],
  figures: [
    {
      name: 'rates-by-reopen-both',
      kind: 'rate',
      x: reopen,
      outcomes: ['agreement', 'involuntary_defection'],
    },
  ],
});
