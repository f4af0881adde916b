import { describe, expect, it } from 'vitest';
import { drawBeliefs } from '../../src/negotiation/beliefs.ts';
import { consult } from '../../src/negotiation/consultation.ts';
import { placeNegotiators } from '../../src/negotiation/gains.ts';
import { createGame } from '../../src/negotiation/game.ts';
import { drawLevelII } from '../../src/negotiation/levelII.ts';
import { createGameState } from '../../src/negotiation/state.ts';
import type { TraceEvent } from '../../src/negotiation/trace.ts';
import { parseScenario, type ScenarioInput } from '../../src/scenario/parse.ts';
import { hawkSetter } from './fixtures/hawkSetter.ts';

/**
 * A's four constituents sit at 0.2, 0.4, 0.6, 0.8: mean 0.5, population variance
 * s^2 = (0.3^2 + 0.1^2 + 0.1^2 + 0.3^2) / 4 = 0.05. His own uncertainty sigma_own = 0.1.
 * A poll of n = 5 leaves the error variance sigma^2 s^2 / (s^2 + n sigma^2) = 0.01 * 0.05 /
 * (0.05 + 0.05) = 0.005, half the 0.01 without the poll: the shift scales by
 * sqrt(0.05 / 0.1) = sqrt(1/2).
 */
function scenario(poll: number, delay = 0): ScenarioInput {
  return {
    protocol: { name: 'ultimatum' },
    countries: [
      {
        reversion: 0,
        constituents: { idealPoints: { kind: 'explicit', values: [0.2, 0.4, 0.6, 0.8] } },
        negotiator: { beliefs: { sigmaOwn: 0.1, sigmaForeign: 0 }, consultation: { poll, delay } },
      },
      { reversion: 1, constituents: { idealPoints: { kind: 'normal', mean: 0.7 } } },
    ],
  };
}

/** The variance of A's own particle's shift over `n` seeds (steps of game.ts up to beliefs). */
function ownShiftVariance(poll: number, n: number): number {
  const s = createGameState(parseScenario(scenario(poll)));
  let sum = 0;
  let sumsq = 0;
  for (let r = 0; r < n; r++) {
    drawLevelII(s.levelII, s.scenario, s.streams.start(`poll-${r}`));
    placeNegotiators(s);
    consult(s);
    drawBeliefs(s);
    const shift = s.beliefs.particles[0]![0]!.ideal[0]! - s.levelII.truth[0]!.ideal[0]!;
    sum += shift;
    sumsq += shift * shift;
  }
  return (sumsq - (sum * sum) / n) / (n - 1);
}

describe('prior consultation', () => {
  it('shrinks his own error by sqrt(1/2) for a poll of 5 (trace)', () => {
    const events: TraceEvent[] = [];
    createGame(parseScenario(scenario(5))).play('s', events);
    const poll = events.find((e) => e.type === 'consultation');
    expect(poll?.type === 'consultation' && poll.scale[0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(poll?.type === 'consultation' && poll.poll).toBe(5);
  });

  it('halves the variance of his own error: 0.01 without the poll, 0.005 with n = 5', () => {
    // 4,000 seeds of a normal shift: the sample variance's standard error is
    // v sqrt(2 / 4000) = 0.022 v; allow 4 of them.
    const n = 4000;
    expect(Math.abs(ownShiftVariance(0, n) - 0.01)).toBeLessThan(4 * 0.022 * 0.01);
    expect(Math.abs(ownShiftVariance(5, n) - 0.005)).toBeLessThan(4 * 0.022 * 0.005);
  });

  it('delays Level I by its rounds: a setter plays round 3 after a delay of 3, 4 rounds in all', () => {
    const record = createGame(parseScenario(scenario(5, 3))).play('s');
    expect(record.rounds).toBe(4);
    expect(createGame(parseScenario(scenario(5, 0))).play('s').rounds).toBe(1);
  });

  it('refuses a poll with prior beliefs, saying where and what would do', () => {
    const input = scenario(5);
    input.countries![0]!.negotiator!.beliefs = { mode: 'prior' };
    expect(() => parseScenario(input)).toThrow(
      /countries\[0\]\.negotiator\.consultation\.poll.*'estimate'/,
    );
  });
});

describe('expectations abort Level I (protocol.abort)', () => {
  /**
   * A: ideal points 0.1, 0.2, 0.5, reversion 0: W_A = [0, 0.4] (median 0.2). B: 0.5, 0.651,
   * 0.9, reversion 1, unanimity: W_B = [0.8, 1] (the constituent at 0.9 accepts only the ball
   * of radius 0.1). Known exactly (sigma 0), so no candidate is believed ratified by both.
   */
  const apart = (abort: boolean, name: string): ScenarioInput => ({
    protocol: { name, abort },
    countries: [
      {
        reversion: 0,
        constituents: { idealPoints: { kind: 'explicit', values: [0.1, 0.2, 0.5] } },
        negotiator: { beliefs: { sigmaOwn: 0, sigmaForeign: 0 } },
      },
      {
        reversion: 1,
        constituents: { idealPoints: { kind: 'explicit', values: [0.5, 0.651, 0.9] } },
        ratification: { quota: 1 },
        negotiator: { beliefs: { sigmaOwn: 0, sigmaForeign: 0 } },
      },
    ],
  });

  it('ends without an opened table, 0 rounds, when no one believes in an agreement', () => {
    for (const name of ['alternating', 'ultimatum']) {
      const record = createGame(parseScenario(apart(true, name))).play('s');
      expect(record.outcome).toBe('aborted');
      expect(record.rounds).toBe(0);
      expect(record.believedOverlapSize).toBe(0);
    }
  });

  it('without protocol.abort the same talks run to no agreement: 50 rounds, or 1 for a setter', () => {
    // alternating: every proposer passes until the deadline T = 50; ultimatum: one pass
    const alternating = createGame(parseScenario(apart(false, 'alternating'))).play('s');
    expect([alternating.outcome, alternating.rounds]).toEqual(['no_agreement', 50]);
    const ultimatum = createGame(parseScenario(apart(false, 'ultimatum'))).play('s');
    expect([ultimatum.outcome, ultimatum.rounds]).toEqual(['no_agreement', 1]);
  });

  it('opens talks when some candidate is believed ratified by all (B under a simple majority)', () => {
    const input = apart(true, 'ultimatum');
    input.countries![1]!.ratification = { quota: 0.5 };
    // W_B is then its median's ball [2 * 0.651 - 1, 1] = [0.302, 1], which meets W_A = [0, 0.4]
    expect(createGame(parseScenario(input)).play('s').outcome).toBe('agreement');
  });
});

/**
 * The standing a consultation puts at stake. The hawkish setter of `hawkSetter` (W_A = [0, 0.7],
 * his policy gain 0.01 - (x - 0.9)^2 positive only on (0.8, 1]: no agreement) polls one
 * constituent (sigma 0: nothing to learn). With cost chi, no ratified agreement also costs him
 * chi, so his gain of x over no agreement is 0.01 - (x - 0.9)^2 + chi, largest in W_A at
 * x = 0.7: chi - 0.03. He offers it iff chi > 0.03, at a policy gain of -0.03.
 */
const stake = (cost: number) => hawkSetter({ consultation: { poll: 1, cost } });

describe('the standing a consultation puts at stake', () => {
  it('chi = 0.02 < 0.03: the hawk offers nothing', () => {
    expect(createGame(parseScenario(stake(0.02))).play('s').outcome).toBe('no_agreement');
  });

  it('chi = 0.05 > 0.03: he offers 0.7, at a policy gain of 0.01 - 0.04 = -0.03', () => {
    const record = createGame(parseScenario(stake(0.05))).play('s');
    expect(record.outcome).toBe('agreement');
    expect(record.agreement[0]).toBeCloseTo(0.7, 12);
    expect(record.negotiatorGain[1]).toBeCloseTo(-0.03, 12);
  });

  it('with autonomy 1 his executive ratifies 0.7 on the stake (-0.03 + 0.05 >= 0)', () => {
    const input = stake(0.05);
    input.countries![1]!.autonomy = 1;
    const record = createGame(parseScenario(input)).play('s');
    expect(record.outcome).toBe('agreement');
    expect(record.agreement[0]).toBeCloseTo(0.7, 12);
  });

  it('the stake is not counted over the horizon: the ratified 0.7 is reneged in period 1', () => {
    // ratified on -0.03 + 0.05 >= 0; in period 1 (no drift) his standing is saved, reneging
    // costs nothing, and on policy alone -0.03 < 0: his executive votes it down
    const input = stake(0.05);
    input.countries![1]!.autonomy = 1;
    input.defection = { horizon: 1, drift: 0 };
    const record = createGame(parseScenario(input)).play('s');
    expect([record.outcome, record.defector, record.defectionPeriod]).toEqual([
      'voluntary_defection',
      1,
      1,
    ]);
    expect(record.agreement[0]).toBeCloseTo(0.7, 12);
  });

  it("A, the setter, reads an autonomous B executive's stake: he offers 0.54", () => {
    // A (the median 0.35, gain 0.1225 - (x - 0.35)^2) offers; B's hawk (ideal 0.9, chi = 0.12)
    // decides alone. He accepts iff 0.01 - (x - 0.9)^2 + 0.12 >= 0: x >= 0.9 - sqrt(0.13) =
    // 0.5394, so A offers the grid point 0.54, gaining 0.1225 - 0.19^2 = 0.0864 (without the
    // stake B accepts only x >= 0.8, outside W_A = [0, 0.7]: no agreement).
    const input = stake(0.12);
    input.protocol = { name: 'ultimatum', proposer: 0 };
    input.countries![1]!.autonomy = 1;
    const record = createGame(parseScenario(input)).play('s');
    expect(record.outcome).toBe('agreement');
    expect(record.agreement[0]).toBeCloseTo(0.54, 12);
    expect(record.negotiatorGain[0]).toBeCloseTo(0.0864, 12);
  });

  it('a cost or hearings without a poll are accepted and do nothing (no consultation)', () => {
    // chi = 0.05 > 0.03 would make the hawk offer 0.7; with poll 0 he did not consult, and
    // offers nothing, as with chi = 0 (so a sweep of poll over {0, 1} may hold the cost fixed)
    for (const consultation of [
      { poll: 0, cost: 0.05 },
      { poll: 0, hearings: true },
    ]) {
      const record = createGame(parseScenario(hawkSetter({ consultation }))).play('s');
      expect(record).toEqual(createGame(parseScenario(stake(0))).play('s'));
      expect(record.outcome).toBe('no_agreement');
    }
  });
});

describe('hearings with each chamber', () => {
  /**
   * A's constituents 0.2, 0.4, 0.6, 0.8 (s^2 = 0.05) sit in two chambers, {0.2, 0.4} and
   * {0.6, 0.8}, each with variance 0.01; sigma_own = 0.1, n = 5. A poll of the whole Level II
   * scales his error by sqrt(0.05 / (0.05 + 5 x 0.01)) = sqrt(1/2); a hearing with each chamber
   * gives sigma^2 / sigma'^2 = 1 + 2 x 5 x 0.01 / 0.01 = 11: a scale of 1 / sqrt(11).
   */
  function bicameral(hearings: boolean): ScenarioInput {
    const input = scenario(5);
    const A = input.countries![0]!;
    A.negotiator!.consultation = { poll: 5, hearings };
    A.ratification = {
      chambers: [{ members: { from: 0, to: 2 } }, { members: { from: 2, to: 4 } }],
    };
    return input;
  }
  const scale = (hearings: boolean) => {
    const events: TraceEvent[] = [];
    createGame(parseScenario(bicameral(hearings))).play('s', events);
    const poll = events.find((e) => e.type === 'consultation');
    return poll?.type === 'consultation' ? poll.scale[0]! : Number.NaN;
  };

  it('a poll of the whole Level II: sqrt(1/2)', () => {
    expect(scale(false)).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('a hearing with each chamber: 1 / sqrt(11)', () => {
    expect(scale(true)).toBeCloseTo(1 / Math.sqrt(11), 12);
  });

  it('a chamber without spread is known exactly: scale 0', () => {
    // constituents 0.2, 0.2 | 0.6, 0.8: the first chamber's variance is 0, so its hearing
    // measures the mean without error, 1 / sigma'^2 = infinity: sigma' = 0
    const input = bicameral(true);
    input.countries![0]!.constituents = {
      idealPoints: { kind: 'explicit', values: [0.2, 0.2, 0.6, 0.8] },
    };
    const events: TraceEvent[] = [];
    createGame(parseScenario(input)).play('s', events);
    const poll = events.find((e) => e.type === 'consultation');
    expect(poll?.type === 'consultation' && poll.scale[0]).toBe(0);
  });
});
