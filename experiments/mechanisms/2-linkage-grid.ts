/**
 * The control of 2-linkage.ts: when the US industry's intensity on decontrol is high, is the
 * package lost to the geometry (no overlap of the three win-sets beyond q) or to Level I (the
 * overlap is a thin wedge at q that 256 candidates and uncertain beliefs miss)? The same
 * scenario with packages only and exact negotiators (one particle, sigma_own = sigma_foreign =
 * 0: every belief is the truth, so what is offered and accepted is ratified), with 256 or 2,048
 * Sobol candidates, on the same draws (crn). The true overlap is the same in every cell of
 * one intensity. 5 x 2 cells x 200 replications = 2,000 games.
 */
import { defineExperiment } from '../../src/engine/experiment.ts';
import linkage, { usIntensity } from './2-linkage.ts';

const candidates = 'protocol.candidates';
const scenario = structuredClone(linkage.scenario) as {
  countries: { negotiator: { beliefs: object } }[];
};
for (const c of scenario.countries) {
  c.negotiator.beliefs = { particles: 1, sigmaOwn: 0, sigmaForeign: 0 };
}

export default defineExperiment({
  name: 'mechanism-2-linkage-grid',
  description:
    "Packages only, exact negotiators: agreement against the US industry's intensity on decontrol with 256 and 2,048 candidates (is a package lost to the geometry or to Level I's grid?).",
  scenario,
  parameters: [
    { path: usIntensity, values: [1, 2, 3, 4, 6] },
    { path: candidates, values: [256, 2048] },
  ],
  design: { kind: 'grid' },
  crn: true,
  replications: 200,
  seed: 1978,
  hypotheses: [
    {
      label: 'A finer candidate grid finds the thin package at high US intensity (4)',
      outcome: 'agreement',
      on: candidates,
      direction: 'increasing',
      test: 'mcnemar',
      given: { [usIntensity]: 4 },
    },
    {
      label: 'Even with exact negotiators and 2,048 candidates, intensity makes the package fail',
      outcome: 'agreement',
      on: usIntensity,
      direction: 'decreasing',
      test: 'trend',
      given: { [candidates]: 2048 },
    },
  ],
  figures: [
    {
      name: 'agreement-by-intensity-grid',
      kind: 'rate',
      x: usIntensity,
      series: candidates,
      outcomes: ['agreement'],
    },
  ],
});
