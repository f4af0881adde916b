/**
 * What drives involuntary defection? A global sensitivity analysis (Sobol indices) of the
 * size of B's win-set (through B's isolationist share), A's negotiator's uncertainty about
 * B's Level II (sigma_foreign) and about his own (sigma_own), and his ideal point. A is a
 * Romer-Rosenthal setter (`ultimatum`, as in winset-size.ts): his one offer goes straight
 * to B's vote, so what he misjudges shows up as involuntary defection. His concession rate
 * is varied too as a negative control: an ultimatum makes one offer, so the rate cannot
 * matter, and its indices must come out 0.
 *
 * A Saltelli design (Saltelli et al. 2010) over the five ranges: N = 128 base points of a
 * digitally shifted Sobol sequence give N (k + 2) = 896 cells of 200 games each (179,200
 * games). `twolevel sensitivity results/defection-drivers` then gives each parameter's
 * first-order and total index for every rate and mean, corrected for the cells' replication
 * noise, with bootstrap 95% intervals; `twolevel discover` finds the region of the five
 * parameters where involuntary defection exceeds a threshold.
 */
import { defineExperiment } from '../src/engine/experiment.ts';

export default defineExperiment({
  name: 'defection-drivers',
  description:
    "Sobol sensitivity of involuntary defection (and every other rate and mean) to B's isolationist share, A's setter's foreign and own uncertainty (20 belief profiles) and his ideal point; his concession rate, which an ultimatum never uses, is a negative control.",
  scenario: {
    protocol: { name: 'ultimatum' },
    countries: [
      {
        name: 'A',
        reversion: 0,
        constituents: { idealPoints: { kind: 'normal', mean: 0.35, sd: 0.15 } },
        negotiator: { beliefs: { particles: 20 } },
      },
      {
        name: 'B',
        reversion: 1,
        constituents: {
          idealPoints: { kind: 'normal', mean: 0.65, sd: 0.15 },
          kappa: {
            kind: 'mix',
            isolationistShare: 0.5,
            isolationist: -0.05,
            internationalist: 0.05,
          },
        },
      },
    ],
  },
  parameters: [
    { path: 'countries.B.constituents.kappa.isolationistShare', range: [0, 1] },
    { path: 'countries.A.negotiator.beliefs.sigmaForeign', range: [0, 0.3] },
    { path: 'countries.A.negotiator.beliefs.sigmaOwn', range: [0, 0.3] },
    { path: 'countries.A.negotiator.ideal', range: [0.1, 0.6] },
    { path: 'countries.A.negotiator.concession', range: [0.02, 0.5] },
  ],
  design: { kind: 'saltelli', baseCells: 128 },
  replications: 200,
  seed: 2010,
  figures: [
    { name: 'defection-indices', kind: 'sensitivity', outcomes: ['involuntary_defection'] },
    {
      name: 'defection-by-ideal',
      kind: 'scatter',
      x: 'countries.A.negotiator.ideal',
      outcomes: ['involuntary_defection'],
    },
    {
      name: 'defection-by-foreign-uncertainty',
      kind: 'scatter',
      x: 'countries.A.negotiator.beliefs.sigmaForeign',
      outcomes: ['involuntary_defection'],
    },
    {
      name: 'defection-partial-ideal',
      kind: 'partial',
      x: 'countries.A.negotiator.ideal',
      outcomes: ['involuntary_defection'],
    },
  ],
});
