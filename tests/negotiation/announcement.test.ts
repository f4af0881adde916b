import { describe, expect, it } from 'vitest';
import { detectBluffs } from '../../src/negotiation/announcement.ts';
import { createGame } from '../../src/negotiation/game.ts';
import { createGameState } from '../../src/negotiation/state.ts';
import type { TraceEvent } from '../../src/negotiation/trace.ts';
import { parseScenario, type ScenarioInput } from '../../src/scenario/parse.ts';

/**
 * A is a setter (ultimatum), all beliefs exact (sigma 0). A: ideal points 0.05, 0.15, 0.5,
 * reversion 0: W_A = [0, 0.3], A's negotiator the median 0.15 (gain 0.0225 - (x - 0.15)^2).
 * B: 0.5, 0.6, 0.7, reversion 1: W_B = [0.2, 1] (the median's ball of radius 0.4). Without
 * any announcement A offers the point of W_B nearest his ideal, x = 0.2 (gain 0.02), and B's
 * negotiator (the median 0.6) gains 0.4^2 - 0.4^2 = 0.
 * B undersells with lambda: constituent v then accepts |x - v| <= sqrt(lambda) (1 - v), and the
 * lower end of B's believed majority win-set is the median's, 0.6 (1 + sqrt(lambda)) - sqrt(lambda):
 * 0.28 for lambda = 0.64, 0.4 for lambda = 0.25.
 */
function scenario(lambda: number, credibility: number): ScenarioInput {
  const exact = { sigmaOwn: 0, sigmaForeign: 0 };
  return {
    protocol: { name: 'ultimatum' },
    countries: [
      {
        reversion: 0,
        constituents: { idealPoints: { kind: 'explicit', values: [0.05, 0.15, 0.5] } },
        negotiator: { beliefs: exact },
      },
      {
        reversion: 1,
        constituents: { idealPoints: { kind: 'explicit', values: [0.5, 0.6, 0.7] } },
        negotiator: { beliefs: exact, underselling: lambda, announcement: { credibility } },
      },
    ],
  };
}

const play = (lambda: number, credibility: number, trace?: TraceEvent[]) =>
  createGame(parseScenario(scenario(lambda, credibility))).play('s', trace);

describe('announced win-sets', () => {
  it('kappa = 0: underselling says nothing to the setter; he offers 0.2', () => {
    const record = play(0.25, 0);
    expect(record.outcome).toBe('agreement');
    expect(record.agreement[0]).toBeCloseTo(0.2, 12);
    expect(record.negotiatorGain[1]).toBeCloseTo(0, 12);
  });

  it('kappa = 1, lambda = 0.64: believed, B gets 0.28, a gain of 0.16 - 0.32^2 = 0.0576', () => {
    const events: TraceEvent[] = [];
    const record = play(0.64, 1, events);
    expect(record.outcome).toBe('agreement');
    expect(record.agreement[0]).toBeCloseTo(0.28, 9);
    expect(record.negotiatorGain[1]).toBeCloseTo(0.0576, 9);
    expect(events.some((e) => e.type === 'announcement' && e.negotiator === 1)).toBe(true);
  });

  it('kappa = 1, lambda = 0.25: B announces [0.4, 0.8], A sees no overlap with W_A: breakdown', () => {
    expect(play(0.25, 1).outcome).toBe('no_agreement');
  });

  it('kappa = 1/2, lambda = 0.64: half believed, A gambles on 0.2 (0.5 x 0.02 > 1 x 0.0056)', () => {
    // A's believed P(B ratifies) is 1/2 on [0.2, 0.28) and 1 from 0.28; his expected gain is
    // 0.5 (0.0225 - (x - 0.15)^2) there, largest at x = 0.2 (0.01), against 0.0225 - 0.13^2 =
    // 0.0056 at 0.28.
    const record = play(0.64, 0.5);
    expect(record.agreement[0]).toBeCloseTo(0.2, 12);
  });
});

/**
 * A detected bluff. The same A (setter) and B (lambda = 0.64: announced W_B from 0.28, true
 * W_B = [0.2, 1]), credibility kappa_B = 0.6, and a third country C: ideal points 0.1, 0.12,
 * 0.14, reversion 0 (W_C = [0, 0.24]), every constituent a nationalist (beta = 1) who moves
 * away from an offer by eta = 0.5 of the distance; the setter does not anticipate it.
 * Session 0: A believes B ratifies with (1 - 0.6) 1 + 0.6 0 = 0.4 on [0.2, 0.28) and 1 from
 * 0.28, C on [0, 0.24], so every x of [0.2, 0.24] passes all with 0.4 and the best is x = 0.2
 * (0.4 x 0.02 > 0). C's constituents move to v - 0.5 (0.2 - v): 0.05, 0.08, 0.11, whose
 * majority accepts x <= 0.16, and C rejects 0.2. B's Level II ratifies 0.2 (the end of W_B),
 * which its announcement called unratifiable (0 < 1/2): a bluff. With psi = 1/2 B's credibility
 * falls to 0.3, and in the reopened session A believes B ratifies 0.2 with 0.7 >= 1/2: his
 * believed W_B starts at 0.2. With psi = 0 it stays 0.6 and his believed W_B starts at 0.28.
 */
function bluffScenario(bluffPenalty: number): ScenarioInput {
  const input = scenario(0.64, 0.6);
  input.reopen = 1;
  input.countries![1]!.negotiator!.announcement!.bluffPenalty = bluffPenalty;
  input.countries!.push({
    reversion: 0,
    constituents: { idealPoints: { kind: 'explicit', values: [0.1, 0.12, 0.14] } },
    negotiator: { beliefs: { sigmaOwn: 0, sigmaForeign: 0 } },
    reverberation: { eta: 0.5, beta: 1 },
  });
  input.countries![0]!.negotiator!.beliefs = { sigmaOwn: 0, sigmaForeign: 0 };
  return input;
}

function playBluff(bluffPenalty: number) {
  const events: TraceEvent[] = [];
  const record = createGame(parseScenario(bluffScenario(bluffPenalty))).play('s', events);
  const sessions = events.filter((e) => e.type === 'session');
  const announcements = events.filter((e) => e.type === 'announcement');
  return { record, events, sessions, announcements };
}

describe('a detected bluff', () => {
  it('psi = 1/2: C rejects 0.2, B ratified it against its announcement, kappa 0.6 -> 0.3', () => {
    const { record, events, sessions, announcements } = playBluff(0.5);
    expect(record.outcome).toBe('involuntary_defection');
    expect(record.defector).toBe(2);
    expect(record.reopenings).toBe(1);
    const offer = events.find((e) => e.type === 'offer');
    expect(offer?.type === 'offer' && offer.x[0]).toBeCloseTo(0.2, 12);
    expect(offer?.type === 'offer' && offer.believed[1]).toBeCloseTo(0.4, 12);
    const bluff = events.filter((e) => e.type === 'bluff');
    expect(bluff).toHaveLength(1);
    expect(bluff[0]!.type === 'bluff' && bluff[0]!.credibility).toBeCloseTo(0.3, 12);
    expect(announcements.map((e) => e.type === 'announcement' && e.credibility)).toEqual([
      0.6, 0.3,
    ]);
    const reopened = sessions[1]!;
    expect(reopened.type === 'session' && reopened.believedWinSets[1]![0]![0]).toBeCloseTo(0.2, 12);
  });

  it('psi = 0 (the default): credibility stays 0.6, his believed W_B starts at 0.28', () => {
    const { events, sessions, announcements } = playBluff(0);
    expect(events.some((e) => e.type === 'bluff')).toBe(false);
    expect(announcements.map((e) => e.type === 'announcement' && e.credibility)).toEqual([
      0.6, 0.6,
    ]);
    const reopened = sessions[1]!;
    expect(reopened.type === 'session' && reopened.believedWinSets[1]![0]![0]).toBeCloseTo(0.28, 9);
  });

  it('two detected bluffs compound: 0.6 (1 - 1/2)^2 = 0.15', () => {
    // two failed votes on a candidate B announced unratifiable (0 < 1/2) and ratified
    const s = createGameState(parseScenario(bluffScenario(0.5)));
    s.announcement.made = true;
    s.announcement.credibility.set(s.parties.credibility);
    s.announcement.announced[1] = new Float64Array(1);
    s.failed.fill(0);
    detectBluffs(s, 0);
    detectBluffs(s, 0);
    expect(s.announcement.credibility[1]).toBeCloseTo(0.15, 12);
  });

  it('each game starts at the scenario credibility: a second game again from 0.6', () => {
    const game = createGame(parseScenario(bluffScenario(0.5)));
    const credibilities = () => {
      const events: TraceEvent[] = [];
      game.play('s', events);
      return events.map((e) => e.type === 'announcement' && e.credibility).filter((k) => k);
    };
    expect(credibilities()).toEqual([0.6, 0.3]);
    expect(credibilities()).toEqual([0.6, 0.3]);
  });

  it('an announcement that B itself fails to ratify is no bluff: kappa stays 0.6', () => {
    // A and B alone, B's constituents nationalists (eta 1/2): A offers 0.2 (0.4 x 0.02 >
    // 0.0056 at 0.28), B's 0.5, 0.6, 0.7 move away to 1.5 v - 0.1 = 0.65, 0.8, 0.95, whose
    // median accepts only |x - 0.8| <= 0.2: B rejects 0.2, as it announced, and reopens at 0.6
    const input = scenario(0.64, 0.6);
    input.reopen = 1;
    input.countries![1]!.negotiator!.announcement!.bluffPenalty = 0.5;
    input.countries![1]!.reverberation = { eta: 0.5, beta: 1 };
    const events: TraceEvent[] = [];
    const record = createGame(parseScenario(input)).play('s', events);
    expect([record.outcome, record.defector, record.reopenings]).toEqual([
      'involuntary_defection',
      1,
      1,
    ]);
    expect(events.some((e) => e.type === 'bluff')).toBe(false);
    const announced = events.map((e) => e.type === 'announcement' && e.credibility);
    expect(announced.filter((k) => k)).toEqual([0.6, 0.6]);
  });

  it('a penalty without credibility is accepted and does nothing (nothing announced)', () => {
    const silent = bluffScenario(0.5);
    silent.countries![1]!.negotiator!.announcement!.credibility = 0;
    const record = createGame(parseScenario(silent)).play('s');
    delete silent.countries![1]!.negotiator!.announcement;
    expect(record).toEqual(createGame(parseScenario(silent)).play('s'));
  });

  it('refuses a penalty outside [0, 1], with the path', () => {
    expect(() => parseScenario(bluffScenario(1.5))).toThrow(
      /countries\[1\]\.negotiator\.announcement\.bluffPenalty/,
    );
  });
});
