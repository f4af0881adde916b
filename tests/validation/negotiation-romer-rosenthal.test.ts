import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/negotiation/game.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { exactCountries } from '../negotiation/fixtures/exactCountries.ts';

/**
 * Romer and Rosenthal (1978): a setter facing a median voter at `m` with reversion `q`
 * offers the point of the voter's acceptance set best for him, `2m - q` when his ideal lies
 * beyond it. Responder median 0.3, q = 0, setter ideal 1: x = 0.6.
 */
describe('ultimatum with full information (Romer-Rosenthal setter)', () => {
  const scenario = (median: number, reversion: number) =>
    parseScenario({
      protocol: { name: 'ultimatum' },
      countries: exactCountries([
        { reversion, constituents: { idealPoints: { kind: 'explicit', values: [1] } } },
        { reversion, constituents: { idealPoints: { kind: 'explicit', values: [median] } } },
      ]),
    });

  it('offers 2m - q = 0.6 and it is ratified', () => {
    const r = playGame(scenario(0.3, 0), 'rr');
    expect(r.outcome).toBe('agreement');
    expect(r.agreement[0]).toBe(0.6);
    expect(r.rounds).toBe(1);
    // the setter gains |0 - 1|^2 - |0.6 - 1|^2 = 0.84; the median voter 0.09 - 0.09 = 0
    expect(r.negotiatorGain[0]).toBeCloseTo(0.84, 12);
    expect(r.medianGain[1]).toBeCloseTo(0, 12);
  });

  it('gives the setter his ideal when it is inside the win-set: m = 0.7, q = 0, x = 1', () => {
    expect(playGame(scenario(0.7, 0), 'rr').agreement[0]).toBe(1);
  });

  it('offers nothing when the reversion is the setter ideal', () => {
    const s = parseScenario({
      protocol: { name: 'ultimatum' },
      countries: exactCountries([
        { reversion: 1, constituents: { idealPoints: { kind: 'explicit', values: [1] } } },
        { reversion: 1, constituents: { idealPoints: { kind: 'explicit', values: [0.3] } } },
      ]),
    });
    expect(playGame(s, 'rr').outcome).toBe('no_agreement');
  });
});
