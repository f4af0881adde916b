import { describe, expect, it } from 'vitest';
import {
  nearestParameterPaths,
  resolveParameterPath,
  scenarioParameterPaths,
  withParameter,
} from '../../src/engine/paths.ts';
import { parseScenario } from '../../src/scenario/parse.ts';

const scenario = parseScenario({});

describe('parameter paths', () => {
  it('accepts a country by name, by [index] and by .index', () => {
    const expected = ['countries', 1, 'ratification', 'quota'];
    expect(resolveParameterPath('countries.B.ratification.quota', scenario)).toEqual(expected);
    expect(resolveParameterPath('countries[1].ratification.quota', scenario)).toEqual(expected);
    expect(resolveParameterPath('countries.1.ratification.quota', scenario)).toEqual(expected);
    expect(resolveParameterPath('protocol.name', scenario)).toEqual(['protocol', 'name']);
    expect(resolveParameterPath('countries.A.ratification.chambers[0].quota', scenario)).toEqual([
      'countries',
      0,
      'ratification',
      'chambers',
      0,
      'quota',
    ]);
  });

  it('refuses an unknown path and lists the nearest valid ones first', () => {
    expect(() => resolveParameterPath('countries.B.ratification.qouta', scenario)).toThrow(
      /not a value of the scenario. Nearest valid paths:\n {2}countries.B.ratification.quota/,
    );
    // 'C' is no country of the default scenario; the suggestions name A and B
    expect(() => resolveParameterPath('countries.C.tau', scenario)).toThrow(/countries.B.tau/);
    // an object (not a value) is not a parameter
    expect(() => resolveParameterPath('countries.A.ratification', scenario)).toThrow(/Nearest/);
  });

  it('ranks by edit distance: one substitution away comes first', () => {
    expect(nearestParameterPaths('reopne', scenario, 1)).toEqual(['reopen']);
    expect(nearestParameterPaths('space.d', scenario, 1)).toEqual(['space.D']);
  });

  it('lists every country by name', () => {
    const paths = scenarioParameterPaths(scenario);
    expect(paths).toContain('countries.A.negotiator.beliefs.sigmaForeign');
    expect(paths).toContain('countries.B.reverberation.eta');
    expect(paths.some((p) => p.startsWith('countries[0]'))).toBe(false);
  });

  it('sets a value on a copy, leaving the original untouched', () => {
    const base = { a: { b: 1, c: [1, 2] } };
    expect(withParameter(base, ['a', 'c', 1], 5)).toEqual({ a: { b: 1, c: [1, 5] } });
    expect(withParameter(base, ['a', 'd', 'e'], true)).toEqual({
      a: { b: 1, c: [1, 2], d: { e: true } },
    });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] } });
  });
});
