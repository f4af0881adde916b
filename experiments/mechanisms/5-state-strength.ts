/**
 * State strength (Putnam 1988: "the stronger a state is in terms of its autonomy from domestic
 * pressures, the weaker its relative bargaining position internationally"; Schelling 1960:
 * the power to bind oneself). B's executive autonomy a_B (`countries.B.autonomy`) weighs his
 * own acceptance against B's Level II vote: with probability a_B he ratifies alone
 * (docs/MODEL.md section 9.1).
 *
 * A is a Romer-Rosenthal setter (`ultimatum`, Iida 1993) with ideal points N(0.35, 0.15^2)
 * and reversion 0; B's 101 constituents are N(0.65, 0.15^2) with reversion 1. B's executive is
 * its median constituent, so under a simple majority (quota 1/2) his acceptance set is B's
 * win-set itself and autonomy cannot matter (the control); under a quota of 3/4 B's Level II
 * accepts less than its executive, so autonomy frees B's executive from a binding constraint.
 * Both negotiators hold 10 particles per country with sigma_own = sigma_foreign = 0.05 (set
 * here, not left to the defaults). The Schelling measure is B's terms: B's negotiator's gain
 * given agreement. 2 quotas x 5 autonomies x 2,000 replications = 20,000 games.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const autonomy = 'countries.B.autonomy';
const quota = 'countries.B.ratification.quota';
const beliefs = { particles: 10, sigmaOwn: 0.05, sigmaForeign: 0.05 };

export default defineExperiment({
  name: 'mechanism-5-state-strength',
  description:
    "B's terms and the agreement rate against B's executive autonomy, under a simple majority (control) and a 3/4 quota in B (Putnam 1988, state strength; Schelling 1960).",
  scenario: {
    protocol: { name: 'ultimatum' },
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
        negotiator: { beliefs },
      },
    ],
  },
  parameters: [
    { path: autonomy, values: [0, 0.25, 0.5, 0.75, 1] },
    { path: quota, values: [0.5, 0.75] },
  ],
  design: { kind: 'grid' },
  replications: 2000,
  seed: 1988,
  hypotheses: [
    {
      label: "A stronger state (B's autonomy) gets worse terms when its Level II binds (quota 3/4)",
      outcome: 'negotiator_gain_B',
      on: autonomy,
      direction: 'decreasing',
      test: 'welch',
      given: { [quota]: 0.75 },
    },
    {
      label: "B's autonomy raises the agreement rate when its Level II binds (quota 3/4)",
      outcome: 'agreement',
      on: autonomy,
      direction: 'increasing',
      test: 'trend',
      given: { [quota]: 0.75 },
    },
    {
      label:
        "B's autonomy lowers the ratification failure rate when its Level II binds (quota 3/4)",
      outcome: 'ratification_failure',
      on: autonomy,
      direction: 'decreasing',
      test: 'trend',
      given: { [quota]: 0.75 },
    },
  ],
  figures: [
    {
      name: 'rates-by-autonomy',
      kind: 'rate',
      x: autonomy,
      series: quota,
      outcomes: ['agreement', 'involuntary_defection'],
    },
    { name: 'outcome-shares-by-autonomy', kind: 'shares', x: autonomy },
  ],
});
