import { describe, expect, it } from 'vitest';
import { parameterLabel } from '../../src/analysis/parameterLabel.ts';

describe('parameterLabel', () => {
  it('writes a field the scenario has once in words, with its MODEL.md symbol and owner', () => {
    expect(parameterLabel('countries.A.negotiator.beliefs.sigmaForeign')).toBe(
      "A's foreign uncertainty σ",
    );
    expect(parameterLabel('countries.B.constituents.kappa.isolationistShare')).toBe(
      "B's isolationist share",
    );
    expect(parameterLabel('countries[1].tau')).toBe("countries[1]'s voter noise τ");
    expect(parameterLabel('protocol.candidates')).toBe('candidates G');
    expect(parameterLabel('space.D')).toBe('dimensions D');
  });

  it('uses the path that was varied where the field alone is ambiguous or sits in a list', () => {
    expect(parameterLabel('countries.B.ratification.chambers[1].quota')).toBe(
      "B's ratification.chambers[1].quota θ",
    );
    expect(parameterLabel('countries.B.ratification.quota')).toBe("B's ratification.quota θ");
    expect(parameterLabel('countries.B.constituents.idealPoints.mean')).toBe(
      "B's constituents.idealPoints.mean",
    );
    expect(parameterLabel('protocol.name')).toBe('protocol.name');
  });

  it('gives beta its symbol only where it is the backlash share', () => {
    expect(parameterLabel('countries.B.reverberation.beta')).toBe("B's reverberation.beta β");
    expect(parameterLabel('countries.B.constituents.reservations.beta')).toBe(
      "B's constituents.reservations.beta",
    );
  });

  it('labels a sub-object varied among named alternatives by its path', () => {
    expect(parameterLabel('countries.B.ratification')).toBe("B's ratification");
  });
});
