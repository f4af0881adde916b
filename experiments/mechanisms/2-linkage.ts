/**
 * Interest groups and issue linkage (Putnam 1988, "synergistic linkage"; the Bonn summit of
 * 1978: reflation abroad for energy decontrol in the US). Three countries, two issues: x_1 the
 * German and Japanese reflation, x_2 the US decontrol of oil prices, both 0 without agreement
 * (reversion (0, 0), box [0, 1]^2). Each country's 51 constituents fall into two interest
 * groups (docs/MODEL.md section 9.6), their ideal points N(mean, 0.1^2) per dimension, one
 * chamber with a simple majority:
 *
 * - US: industry (share 0.6: 31 members, mean (0.6, -0.2), salience (1, s_US)) wants
 *   reflation abroad and mildly resists decontrol; consumers (20, mean (0.1, -0.4), salience
 *   (1, 1)) resist decontrol.
 * - Germany: the Bundesbank camp (31, mean (-0.2, 0.5)) resists reflation and wants US
 *   decontrol; internationalists (20, mean (0.3, 0.3)) want both.
 * - Japan: exporters (31, mean (-0.2, 0.4)) as Germany's; internationalists (20, (0.3, 0.3)).
 *
 * On one issue alone the other's loss cancels (docs/MODEL.md section 9.6), so a country's
 * single-issue win-set is the one-dimensional win-set of its ideal points on that issue,
 * whatever the saliences (here, with kappa = 0, no good will and no payments; a cost of no
 * agreement, good will or a payment in the margin would be weighed against s_d): the German and Japanese majorities reject any reflation alone
 * (median below 0) and the US majority rejects any decontrol alone. No single-issue agreement
 * is ratifiable in all three, by construction (checked for every replication's Level II in
 * tests/negotiation/linkage.test.ts). A package can be: the US industry's gain on x_1 pays for
 * its loss on x_2, the German majority's the other way, as long as the intensity s_US of the
 * US industry on decontrol stays low: the varied parameter, 0.5 to 4 (every other salience 1).
 *
 * Negotiators are more dovish than their Level II (Putnam: Carter wanted decontrol, Schmidt
 * could live with some reflation): ideal points US (0.5, 0.3), Germany (0.3, 0.5), Japan
 * (0.3, 0.4), a personal reservation phi = 0.001 (no one signs the status quo itself), 5
 * particles per country with sigma_own = sigma_foreign = 0.05. Alternating offers over 256
 * candidates: 256 Sobol points for packages, 256 values of each issue with single issues.
 * `protocol.singleIssue` false and true are played on the same draws (crn: replication r of
 * every cell plays the same Level II and beliefs), so each package game has its single-issue
 * twin. 2 x 7 cells x 400 replications = 5,600 games.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const singleIssue = 'protocol.singleIssue';
export const usIntensity = 'countries.US.constituents.groups[0].salience[1]';
const beliefs = { particles: 5, sigmaOwn: 0.05, sigmaForeign: 0.05 };
/** An interest group of `share` of its country, ideal points N(mean, 0.1^2) per issue. */
function group(name: string, share: number, mean: number[], salience?: number[]) {
  return {
    name,
    share,
    idealPoints: { kind: 'normal' as const, mean, sd: 0.1 },
    ...(salience && { salience }),
  };
}

/** A country of 51 constituents in two groups, reversion (0, 0), its negotiator at `ideal`. */
function country(name: string, groups: ReturnType<typeof group>[], ideal: number[]) {
  return {
    name,
    reversion: [0, 0],
    constituents: { count: 51, groups },
    negotiator: { ideal, reservation: 0.001, beliefs },
  };
}

const internationalists = group('internationalists', 0.4, [0.3, 0.3]);

export default defineExperiment({
  name: 'mechanism-2-linkage',
  description:
    'Issue linkage at a Bonn-like summit: agreement with packages against single-issue agreements at the same draws, as the intensity of the US industry on energy decontrol grows (Putnam 1988, synergistic linkage).',
  scenario: {
    space: { D: 2 },
    protocol: { name: 'alternating', candidates: 256 },
    countries: [
      country(
        'US',
        [group('industry', 0.6, [0.6, -0.2], [1, 1]), group('consumers', 0.4, [0.1, -0.4])],
        [0.5, 0.3],
      ),
      country(
        'Germany',
        [group('Bundesbank', 0.6, [-0.2, 0.5], [1, 1]), internationalists],
        [0.3, 0.5],
      ),
      country('Japan', [group('exporters', 0.6, [-0.2, 0.4]), internationalists], [0.3, 0.4]),
    ],
  },
  parameters: [
    { path: singleIssue, values: [false, true] },
    { path: usIntensity, values: [0.5, 1, 1.5, 2, 2.5, 3, 4] },
  ],
  design: { kind: 'grid' },
  crn: true,
  replications: 400,
  seed: 1978,
  hypotheses: [
    {
      label:
        'Linkage rescues agreement: single-issue agreements only, fewer agreements in the same games (US intensity 1)',
      outcome: 'agreement',
      on: singleIssue,
      direction: 'decreasing',
      test: 'mcnemar',
      given: { [usIntensity]: 1 },
    },
    {
      label: "The US industry's intensity on decontrol makes the package fail: fewer agreements",
      outcome: 'agreement',
      on: usIntensity,
      direction: 'decreasing',
      test: 'trend',
      given: { [singleIssue]: false },
    },
    {
      label: "The US industry's intensity shrinks the package win-set overlap (true_overlap)",
      outcome: 'true_overlap',
      on: usIntensity,
      direction: 'decreasing',
      test: 'welch',
      given: { [singleIssue]: false },
    },
  ],
  figures: [
    {
      name: 'rates-by-intensity-linkage',
      kind: 'rate',
      x: usIntensity,
      series: singleIssue,
      outcomes: ['agreement', 'involuntary_defection'],
    },
    { name: 'outcome-shares-by-intensity', kind: 'shares', x: usIntensity },
  ],
});
