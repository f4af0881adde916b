/**
 * Putnam's proposition 3 across protocols: does more uncertainty about win-sets mean more
 * involuntary defection, whoever sets the agenda, and which uncertainty, own or foreign?
 *
 * The main job (`winset-size.ts`) asks it under the default protocol. Here the default
 * scenario (medians about 0.3 and 0.7, reversions 0 and 1, negotiators 0.35 and 0.65) is
 * played under all four protocols, with A's negotiator's uncertainty about B's Level II
 * (sigma_foreign 0, 0.1, 0.2) and about his own (sigma_own 0, 0.05, 0.1) varied, and with
 * and without voter noise in B (tau 0, the default, and 0.01, which no
 * negotiator's beliefs model); B's negotiator keeps the default beliefs (0.05 own, 0.1
 * foreign). In `alternating`
 * each responder checks his own country, so foreign uncertainty can act only through the
 * offers it makes; the `ultimatum` setter's offer goes straight to B's vote; `nash` and
 * `midpoint` pick a point of the believed overlap. The verdicts are reported per protocol.
 *
 * 3 x 3 x 4 x 2 = 72 cells x 400 replications = 28,800 games.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const foreign = 'countries.A.negotiator.beliefs.sigmaForeign';
const own = 'countries.A.negotiator.beliefs.sigmaOwn';
const protocol = 'protocol.name';
const noise = 'countries.B.tau';

export default defineExperiment({
  name: 'proposition-3-uncertainty-protocols',
  description:
    "Involuntary defection against A's negotiator's foreign and own uncertainty under each protocol, in the default scenario (Putnam 1988, proposition 3).",
  scenario: {},
  parameters: [
    { path: foreign, values: [0, 0.1, 0.2] },
    { path: own, values: [0, 0.05, 0.1] },
    { path: protocol, values: ['alternating', 'ultimatum', 'nash', 'midpoint'] },
    { path: noise, values: [0, 0.01] },
  ],
  design: { kind: 'grid' },
  replications: 400,
  seed: 1988,
  hypotheses: [
    {
      label:
        "More foreign uncertainty (A's sigma_foreign): more involuntary defection, by protocol",
      outcome: 'involuntary_defection',
      on: foreign,
      direction: 'increasing',
      test: 'logistic',
      by: protocol,
    },
    {
      label: "More own uncertainty (A's sigma_own): more involuntary defection, by protocol",
      outcome: 'involuntary_defection',
      on: own,
      direction: 'increasing',
      test: 'logistic',
      by: protocol,
    },
    {
      label: 'Voter noise in B (tau 0.01): more involuntary defection, by protocol',
      outcome: 'involuntary_defection',
      on: noise,
      direction: 'increasing',
      test: 'logistic',
      by: protocol,
    },
  ],
  figures: [
    {
      name: 'involuntary-defection-by-protocol',
      kind: 'heatmap',
      x: own,
      y: protocol,
      outcomes: ['involuntary_defection'],
    },
  ],
});
