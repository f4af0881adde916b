/**
 * Reopening demonstrated (Putnam 1988: after a failed ratification the negotiators may try
 * again, having learnt something about the Level II that said no). After a failed vote with
 * `reopen > 0`, every negotiator drops the belief profiles of the failing country under which
 * the agreement would have passed (docs/MODEL.md section 5 and "Reopening" in section 8), and
 * Level I reopens, at most `reopen` times.
 *
 * A is a setter (`ultimatum`, Iida 1993) whose offer goes straight to both Level II votes.
 * A's constituents are N(0.3, 0.15^2) (reversion 0, W_A about [0, 0.6]), B's N(0.7, 0.15^2)
 * (reversion 1, W_B about [0.4, 1]), 101 each, simple majorities. A's negotiator holds 10
 * particles per country and comes in three kinds (named alternatives of
 * `countries.A.negotiator`):
 * - `exact`: the median constituent, sigma_own = sigma_foreign = 0 (the control: no failure);
 * - `foreign`: the median constituent, sigma_foreign = 0.1, sigma_own = 0: he pushes his offer
 *   to B's near edge and misjudges it (foreign uncertainty);
 * - `own`: a dove with ideal point 0.8, sigma_own = 0.1, sigma_foreign = 0: he pushes his
 *   offer to his own country's far edge and misjudges it (own uncertainty; a median
 *   negotiator's own veto is his Level II's win-set, so own uncertainty needs a negotiator
 *   unlike his median).
 * Every uncertainty is set here, not left to the defaults. reopen 0, 1, 3 x 3 kinds x 2,000
 * replications = 18,000 games.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const kind = 'countries.A.negotiator';
const reopen = 'reopen';

export default defineExperiment({
  name: 'mechanism-6-reopening',
  description:
    'Agreement, involuntary defection and rounds against the number of reopenings allowed after a failed vote, under own and foreign uncertainty of a setter (Putnam 1988, reopening with learning).',
  scenario: {
    protocol: { name: 'ultimatum' },
    countries: [
      {
        name: 'A',
        reversion: 0,
        constituents: { idealPoints: { kind: 'normal', mean: 0.3, sd: 0.15 } },
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
    { path: reopen, values: [0, 1, 3] },
    {
      path: kind,
      alternatives: {
        exact: { beliefs: { particles: 10, sigmaOwn: 0, sigmaForeign: 0 } },
        foreign: { beliefs: { particles: 10, sigmaOwn: 0, sigmaForeign: 0.1 } },
        own: { ideal: 0.8, beliefs: { particles: 10, sigmaOwn: 0.1, sigmaForeign: 0 } },
      },
    },
  ],
  design: { kind: 'grid' },
  replications: 2000,
  seed: 1988,
  hypotheses: [
    {
      label: 'Reopening after a failed vote recovers agreements (foreign uncertainty)',
      outcome: 'agreement',
      on: reopen,
      direction: 'increasing',
      test: 'trend',
      given: { [kind]: 'foreign' },
    },
    {
      label: 'Reopening after a failed vote recovers agreements (own uncertainty)',
      outcome: 'agreement',
      on: reopen,
      direction: 'increasing',
      test: 'trend',
      given: { [kind]: 'own' },
    },
    {
      label: 'Reopening lengthens Level I (foreign uncertainty)',
      outcome: 'rounds',
      on: reopen,
      direction: 'increasing',
      test: 'welch',
      given: { [kind]: 'foreign' },
    },
    {
      label: 'Reopening lengthens Level I (own uncertainty)',
      outcome: 'rounds',
      on: reopen,
      direction: 'increasing',
      test: 'welch',
      given: { [kind]: 'own' },
    },
  ],
  figures: [
    {
      name: 'rates-by-reopen',
      kind: 'rate',
      x: reopen,
      series: kind,
      outcomes: ['agreement', 'involuntary_defection'],
    },
    { name: 'outcome-shares-by-reopen', kind: 'shares', x: reopen },
  ],
});
