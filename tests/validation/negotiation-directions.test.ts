import { describe, expect, it } from 'vitest';
import { createGame } from '../../src/negotiation/game.ts';
import type { GameRecord } from '../../src/negotiation/record.ts';
import { parseScenario, type ScenarioInput } from '../../src/scenario/parse.ts';
import { uncertainSetter } from '../negotiation/fixtures/uncertainSetter.ts';

/**
 * Putnam's propositions as signs (MODEL.md section 7), on fixed seeds. Paired comparisons play
 * both arms with the same run seeds (so every sub-stream the arms share draws the same
 * numbers); a difference counts when it exceeds 4 standard errors of the paired (or, for
 * means over different subsets of games, Welch) difference.
 */
const N = 2000;

function play(input: ScenarioInput, seeds = N): GameRecord[] {
  const game = createGame(parseScenario(input));
  return Array.from({ length: seeds }, (_, s) => game.play(`direction-${s}`));
}

/** Mean and standard error of the paired differences `f(b_s) - f(a_s)`. */
function pairedDifference(a: GameRecord[], b: GameRecord[], f: (r: GameRecord) => number) {
  const d = a.map((r, s) => f(b[s]!) - f(r));
  const mean = d.reduce((x, y) => x + y, 0) / d.length;
  const variance = d.reduce((x, y) => x + (y - mean) ** 2, 0) / (d.length - 1);
  return { mean, se: Math.sqrt(variance / d.length) };
}

/** Welch's difference of means `mean(y) - mean(x)` and its standard error. */
function welch(x: number[], y: number[]) {
  const stats = (v: number[]) => {
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    return { m, v: v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1) / v.length };
  };
  const a = stats(x);
  const b = stats(y);
  return { mean: b.m - a.m, se: Math.sqrt(a.v + b.v) };
}

const is = (outcome: GameRecord['outcome']) => (r: GameRecord) => (r.outcome === outcome ? 1 : 0);

describe('proposition 3: foreign uncertainty causes involuntary defection', () => {
  it('ultimatum: none with sigma_foreign = 0, more with 0.1 (paired)', () => {
    const exact = play(uncertainSetter(0));
    const unsure = play(uncertainSetter(0.1));
    expect(exact.filter((r) => r.outcome === 'involuntary_defection')).toHaveLength(0);
    const d = pairedDifference(exact, unsure, is('involuntary_defection'));
    expect(d.mean).toBeGreaterThan(4 * d.se);
  });
});

describe('propositions 2 and 6 (Schelling): a stricter Level II gets better terms, less often', () => {
  const stricter = (quota: number): ScenarioInput => ({
    countries: [
      {
        reversion: 0,
        constituents: { count: 51, idealPoints: { kind: 'normal', mean: 0.3, sd: 0.1 } },
        negotiator: { beliefs: { sigmaForeign: 0.05 } },
      },
      {
        reversion: 1,
        constituents: { count: 51, idealPoints: { kind: 'normal', mean: 0.7, sd: 0.1 } },
        ratification: { quota },
        negotiator: { beliefs: { sigmaForeign: 0.05 } },
      },
    ],
  });
  const simple = play(stricter(0.5));
  const strict = play(stricter(0.7));
  const agreed = (rs: GameRecord[], f: (r: GameRecord) => number) =>
    rs.filter((r) => r.outcome === 'agreement').map(f);

  it("B's 70% quota moves the agreement toward B's ideal, given agreement (Welch)", () => {
    const x = welch(
      agreed(simple, (r) => r.agreement[0]!),
      agreed(strict, (r) => r.agreement[0]!),
    );
    expect(x.mean).toBeGreaterThan(4 * x.se);
    const gainB = welch(
      agreed(simple, (r) => r.negotiatorGain[1]!),
      agreed(strict, (r) => r.negotiatorGain[1]!),
    );
    expect(gainB.mean).toBeGreaterThan(4 * gainB.se);
  });

  it('and lowers the agreement rate (paired)', () => {
    const d = pairedDifference(strict, simple, is('agreement'));
    expect(d.mean).toBeGreaterThan(4 * d.se);
  });
});

describe('proposition 5: good will and side payments do not lower the agreement rate', () => {
  // dovish negotiators (ideal 0.5): their own veto does not bind before Level II does
  const doves = (
    goodWill: number,
    budget: number,
    target: 'own' | 'any' = 'own',
  ): ScenarioInput => ({
    countries: [
      {
        reversion: 0,
        goodWill,
        constituents: { count: 5, idealPoints: { kind: 'normal', mean: 0.25, sd: 0.2 } },
        negotiator: { ideal: 0.5, sidePayments: { budget, target } },
      },
      {
        reversion: 1,
        goodWill,
        constituents: { count: 5, idealPoints: { kind: 'normal', mean: 0.75, sd: 0.2 } },
        negotiator: { ideal: 0.5 },
      },
    ],
  });
  const base = play(doves(0, 0));

  it('good will g = 0.05 raises it (paired)', () => {
    const d = pairedDifference(base, play(doves(0.05, 0)), is('agreement'));
    expect(d.mean).toBeGreaterThan(4 * d.se);
  });

  it('a side-payment budget of 0.1 for his own country raises it (paired)', () => {
    const paying = play(doves(0, 0.1));
    const d = pairedDifference(base, paying, is('agreement'));
    expect(d.mean).toBeGreaterThan(4 * d.se);
    expect(paying.some((r) => r.sidePayments[0]! > 0)).toBe(true);
    expect(paying.every((r) => r.sidePayments[0]! <= 0.1 && r.sidePayments[1] === 0)).toBe(true);
  });

  it('ultimatum with payments to any country raises it (paired)', () => {
    const ultimatum = (input: ScenarioInput) => ({ ...input, protocol: { name: 'ultimatum' } });
    const d = pairedDifference(
      play(ultimatum(doves(0, 0))),
      play(ultimatum(doves(0, 0.1, 'any'))),
      is('agreement'),
    );
    expect(d.mean).toBeGreaterThan(4 * d.se);
  });
});
