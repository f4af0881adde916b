/**
 * Announced win-sets: underselling as misrepresentation (Putnam 1988: a negotiator may claim
 * his Level II will accept less than it will; it buys better terms only when believed, at the
 * risk of breakdown; Schelling 1960). B's negotiator undersells (`underselling` lambda_B: he
 * acts as if his constituents' stake in agreement were lambda_B times what it is) and announces
 * his believed win-set with credibility kappa_B: A's believed probability that B ratifies a
 * candidate becomes (1 - kappa_B) p_A + kappa_B p_B(announced) (docs/MODEL.md section 9.3).
 *
 * A is a setter (`ultimatum`, Iida 1993), ideal points N(0.3, 0.15^2), reversion 0 (W_A about
 * [0, 0.6]); B's are N(0.7, 0.15^2), reversion 1 (W_B about [0.4, 1]); 101 each, simple
 * majorities. Underselling moves the near end of B's believed win-set from about 0.4 to
 * 0.7 (1 + sqrt(lambda)) - sqrt(lambda): 0.47 at lambda 0.6, 0.54 at 0.3, 0.61 at 0.1 (past
 * the far end of W_A, so an announcement believed in full can leave A no believed overlap).
 * B does not answer an ultimatum, so without an announcement (kappa_B = 0) B's underselling cannot matter: the control. Both
 * negotiators hold 10 particles with sigma_own = sigma_foreign = 0.05 (set here, not left to
 * the defaults). lambda_B 1, 0.6, 0.3, 0.1 x kappa_B 0, 0.5, 1 x 1,000 replications = 12,000
 * games.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';

const lambda = 'countries.B.negotiator.underselling';
const credibility = 'countries.B.negotiator.announcement.credibility';
const beliefs = { particles: 10, sigmaOwn: 0.05, sigmaForeign: 0.05 };

export default defineExperiment({
  name: 'mechanism-3-announcement',
  description:
    "B's terms and breakdowns against B's underselling lambda and the credibility of B's announced win-set, with A as setter (Putnam 1988, underselling as misrepresentation).",
  scenario: {
    protocol: { name: 'ultimatum' },
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
    { path: lambda, values: [1, 0.6, 0.3, 0.1] },
    { path: credibility, values: [0, 0.5, 1] },
  ],
  design: { kind: 'grid' },
  replications: 1000,
  seed: 1988,
  hypotheses: [
    {
      label: 'Believed underselling (kappa 1) buys B better terms (lower lambda)',
      outcome: 'negotiator_gain_B',
      on: lambda,
      direction: 'decreasing',
      test: 'welch',
      given: { [credibility]: 1 },
    },
    {
      label: 'Believed underselling (kappa 1) risks breakdown (lower lambda, more no agreement)',
      outcome: 'no_agreement',
      on: lambda,
      direction: 'decreasing',
      test: 'trend',
      given: { [credibility]: 1 },
    },
    {
      label: 'Half-believed underselling (kappa 1/2) buys B better terms',
      outcome: 'negotiator_gain_B',
      on: lambda,
      direction: 'decreasing',
      test: 'welch',
      given: { [credibility]: 0.5 },
    },
  ],
  figures: [
    {
      name: 'rates-by-underselling',
      kind: 'rate',
      x: lambda,
      series: credibility,
      outcomes: ['agreement', 'no_agreement', 'involuntary_defection'],
    },
  ],
});
