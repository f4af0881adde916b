/**
 * Negotiators' motives: domestic standing (Putnam 1988: the chief negotiator's motives include
 * enhancing his standing in the Level II game, not only his own view of the national
 * interest). B's negotiator values, besides his own ideal point, the weighted share of B's
 * constituents who gain from the agreement, with weight omega_B
 * (`negotiator.motives.standing`; docs/MODEL.md section 9.5).
 *
 * Alternating offers. A's ideal points N(0.35, 0.15^2), reversion 0 (W_A about [0, 0.7]); B's
 * N(0.65, 0.15^2), reversion 1 (W_B about [0.3, 1]); 101 each. B's negotiator is a hawk with
 * ideal 0.9, whose own veto (policy gain >= 0: x in [0.8, 1]) leaves no overlap with W_A; the
 * standing motive (a gain of up to omega_B for an agreement every constituent gains from) lets
 * him accept agreements inside both win-sets that cost him policy. Both negotiators hold 10
 * particles with sigma_own = sigma_foreign = 0.05 (set here). omega_B 0.02, 0.05, 0.1, 0.2 x
 * 1,000 replications = 4,000 games. (At omega_B = 0 the hawk's veto leaves nothing to agree on:
 * 1 agreement in 1,000 games, 50 rounds each; left out, since a Welch t of his terms needs two
 * ratified runs per level.)
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const standing = 'countries.B.negotiator.motives.standing';
const beliefs = { particles: 10, sigmaOwn: 0.05, sigmaForeign: 0.05 };

export default defineExperiment({
  name: 'mechanism-4-motives',
  description:
    "Agreement, involuntary defection and the terms against the weight of domestic standing in a hawkish B negotiator's utility (Putnam 1988, negotiators' motives).",
  scenario: {
    protocol: { name: 'alternating' },
    countries: [
      {
        name: 'A',
        reversion: 0,
        constituents: { idealPoints: { kind: 'normal', mean: 0.35, sd: 0.15 } },
        negotiator: { beliefs },
      },
      {
        name: 'B',
        reversion: 1,
        constituents: { idealPoints: { kind: 'normal', mean: 0.65, sd: 0.15 } },
        negotiator: { ideal: 0.9, beliefs },
      },
    ],
  },
  parameters: [{ path: standing, values: [0.02, 0.05, 0.1, 0.2] }],
  design: { kind: 'grid' },
  replications: 1000,
  seed: 1988,
  hypotheses: [
    {
      label: 'A standing motive makes a hawkish negotiator agree more often',
      outcome: 'agreement',
      on: standing,
      direction: 'increasing',
      test: 'trend',
    },
    {
      label: "A standing motive costs B's negotiator policy (his policy gain given agreement)",
      outcome: 'negotiator_gain_B',
      on: standing,
      direction: 'decreasing',
      test: 'welch',
    },
  ],
  figures: [
    {
      name: 'rates-by-standing',
      kind: 'rate',
      x: standing,
      outcomes: ['agreement', 'no_agreement', 'involuntary_defection'],
    },
  ],
});
