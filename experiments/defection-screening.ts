/**
 * Morris screening (elementary effects) of what drives involuntary defection, on the game and
 * the five parameters of defection-drivers.ts (B's isolationist share, A's setter's foreign and
 * own uncertainty, his ideal point and, as a negative control an ultimatum never uses, his
 * concession rate). Where the Saltelli design needs N (k + 2) = 896 cells for Sobol indices,
 * Morris's r = 20 trajectories of k + 1 = 6 points need at most 120: a cheap first pass that
 * ranks the parameters by mu* and flags interactions or non-linearity by sigma. The 20
 * trajectories are the 20 of 200 random candidates spread widest (Campolongo, Cariboni and
 * Saltelli 2007), on a 4-level grid (delta = 2/3 of each range).
 *
 * `twolevel sensitivity results/defection-screening` gives mu, mu* and sigma for every rate and
 * mean with bootstrap 95% intervals over trajectories.
 */
import { defineExperiment } from '../src/engine/experiment.ts';
import drivers from './defection-drivers.ts';

export default defineExperiment({
  ...drivers,
  name: 'defection-screening',
  description:
    "Morris screening of involuntary defection (and every other rate and mean): B's isolationist share, A's setter's foreign and own uncertainty and his ideal point; his concession rate, which an ultimatum never uses, is a negative control.",
  design: { kind: 'morris', trajectories: 20, levels: 4, candidates: 200 },
  figures: [
    { name: 'defection-screening', kind: 'sensitivity', outcomes: ['involuntary_defection'] },
  ],
});
