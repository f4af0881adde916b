import { describe, expect, it } from 'vitest';
import { createGame } from '../../src/negotiation/game.ts';
import type { TraceEvent } from '../../src/negotiation/trace.ts';
import { parseScenario, type ScenarioInput } from '../../src/scenario/parse.ts';
import { hawkSetter } from './fixtures/hawkSetter.ts';

/**
 * The hawkish setter of `hawkSetter` (W_A = [0, 0.7], B's policy gain 0.01 - (x - 0.9)^2
 * positive only on (0.8, 1]: no agreement). With standing weight omega his gain adds
 * omega S_B(x), S_B the share of B's constituents who gain (|x - v| < 1 - v: x in (0, 1),
 * (0.3, 1), (0.6, 1)), so on (0.6, 0.7] S_B = 1 and his best offer in W_A is x = 0.7, worth
 * 0.01 - 0.2^2 + omega = omega - 0.03: he offers it iff omega > 0.03.
 */
const scenario = (standing: number) => hawkSetter({ motives: { standing } });

describe("negotiators' motives: domestic standing", () => {
  it('omega = 0.02 < 0.03: the hawk offers nothing', () => {
    expect(createGame(parseScenario(scenario(0.02))).play('s').outcome).toBe('no_agreement');
  });

  it('omega = 0.05 > 0.03: he offers 0.7, at a policy gain of 0.01 - 0.04 = -0.03', () => {
    const record = createGame(parseScenario(scenario(0.05))).play('s');
    expect(record.outcome).toBe('agreement');
    expect(record.agreement[0]).toBeCloseTo(0.7, 12);
    expect(record.negotiatorGain[1]).toBeCloseTo(-0.03, 12);
  });

  it('with autonomy 1 his executive ratifies 0.7 on his standing (-0.03 + 0.05 >= 0)', () => {
    // B's vote is his executive's alone (a = 1); on policy alone (-0.03 < 0) he would reject
    // his own offer: involuntary defection
    const input = scenario(0.05);
    input.countries![1]!.autonomy = 1;
    const record = createGame(parseScenario(input)).play('s');
    expect(record.outcome).toBe('agreement');
    expect(record.agreement[0]).toBeCloseTo(0.7, 12);
  });

  it("A, the setter, reads an autonomous B executive's standing off his particles: 0.605", () => {
    // A (the median 0.35, gain 0.1225 - (x - 0.35)^2) offers, B's hawk (ideal 0.9, omega 0.1)
    // ratifies alone (a = 1). S_B = 2/3 on (0.3, 0.6] and 1 on (0.6, 1); he accepts iff
    // (x - 0.9)^2 <= 0.01 + 0.1 S_B: on (0.6, 0.7] x >= 0.9 - sqrt(0.11) = 0.568, always; on
    // (0.3, 0.6] x >= 0.9 - sqrt(0.0767) = 0.623, never. So A believes B ratifies (0.6, 0.7]
    // and offers the grid point 0.605, gaining 0.1225 - 0.255^2 = 0.057475 (on policy alone
    // B's executive would accept nothing A can offer: no agreement).
    const input = scenario(0.1);
    input.protocol = { name: 'ultimatum', proposer: 0 };
    input.countries![1]!.autonomy = 1;
    const record = createGame(parseScenario(input)).play('s');
    expect(record.outcome).toBe('agreement');
    expect(record.agreement[0]).toBeCloseTo(0.605, 12);
    expect(record.negotiatorGain[0]).toBeCloseTo(0.057475, 12);
  });

  it("A reads a median B executive's standing off his particles of B: 0.18", () => {
    // B's negotiator is now his median 0.65 (no ideal of his own), omega 0.3, deciding alone;
    // A's negotiator has ideal 0.1 (gain 0.01 - (x - 0.1)^2, positive on (0, 0.2)). On policy
    // alone B's executive accepts x >= 2 x 0.65 - 1 = 0.3, where A gains nothing. With S_B = 1/3
    // on (0, 0.3] he accepts iff (x - 0.65)^2 <= 0.1225 + 0.3 / 3 = 0.2225: x >= 0.1783. A
    // offers the grid point 0.18, gaining 0.01 - 0.08^2 = 0.0036.
    const input = scenario(0.3);
    input.protocol = { name: 'ultimatum', proposer: 0 };
    input.countries![0]!.negotiator = { ideal: 0.1, beliefs: { sigmaOwn: 0, sigmaForeign: 0 } };
    delete input.countries![1]!.negotiator!.ideal;
    input.countries![1]!.autonomy = 1;
    const record = createGame(parseScenario(input)).play('s');
    expect(record.outcome).toBe('agreement');
    expect(record.agreement[0]).toBeCloseTo(0.18, 12);
    expect(record.negotiatorGain[0]).toBeCloseTo(0.0036, 12);
  });
});

/**
 * The A and B of `hawkSetter` (B the setter, exact beliefs; W_A = [0, 0.7], W_B = [0.3, 1], B's
 * median m = 0.65), B's negotiator now a dove with ideal v = 0.6 and B's reverberation
 * eta = 1/2. His policy gain 0.16 - (x - 0.6)^2 peaks at x = 0.6, inside both win-sets: without the motive he
 * offers 0.6. With balance weight mu his utility adds mu B(x), B(x) = (m - v)^2 -
 * (m + eta (x - m) - v)^2 = 0.0025 - (0.5 x - 0.275)^2, and the sum peaks where
 * -2 (x - 0.6) - mu (0.5 x - 0.275) = 0: x = v + mu eta (1 - eta) (v - m) / (1 + mu eta^2),
 * 0.575 for mu = 4 (a grid point): the dove concedes to A to pull his hawkish Level II toward
 * himself, at a policy gain of 0.16 - 0.025^2 = 0.159375.
 */
function balanceScenario(balance: number, eta = 0.5): ScenarioInput {
  const input = hawkSetter({ ideal: 0.6, motives: { balance } });
  input.countries![1]!.reverberation = { eta };
  return input;
}

describe("negotiators' motives: shifting the Level II balance", () => {
  it('mu = 0: the dove offers his ideal point 0.6', () => {
    const record = createGame(parseScenario(balanceScenario(0))).play('s');
    expect(record.agreement[0]).toBeCloseTo(0.6, 12);
  });

  it('mu = 4, eta = 1/2: he offers 0.575, at a policy gain of 0.159375', () => {
    const record = createGame(parseScenario(balanceScenario(4))).play('s');
    expect(record.outcome).toBe('agreement');
    expect(record.agreement[0]).toBeCloseTo(0.575, 12);
    expect(record.negotiatorGain[1]).toBeCloseTo(0.159375, 12);
  });

  it('with autonomy 1 his executive ratifies 0.575 on its pull (the vote is his)', () => {
    const input = balanceScenario(4);
    input.countries![1]!.autonomy = 1;
    const record = createGame(parseScenario(input)).play('s');
    expect(record.outcome).toBe('agreement');
    expect(record.agreement[0]).toBeCloseTo(0.575, 12);
  });

  it('with autonomy 1 and phi = 0.165 his executive ratifies 0.575 only on its pull', () => {
    // His gain at 0.575 is 0.159375 + mu B(0.575) = 0.159375 + 4 (0.0025 - 0.0125^2) =
    // 0.159375 + 0.009375 = 0.16875 >= 0.165 (still his best offer): he ratifies. On policy
    // alone 0.159375 < 0.165 and his executive would reject his own offer.
    const input = balanceScenario(4);
    input.countries![1]!.autonomy = 1;
    input.countries![1]!.negotiator!.reservation = 0.165;
    const record = createGame(parseScenario(input)).play('s');
    expect(record.outcome).toBe('agreement');
    expect(record.agreement[0]).toBeCloseTo(0.575, 12);
  });

  it("A, the setter, reads an autonomous B executive's pull off his particles: he offers 0.39", () => {
    // A (the median 0.35) offers, B's dove (v = 0.6, mu = 4, eta = 1/2, phi = 0.1) decides
    // alone. A's particles of B (exact, median m = 0.65) say B accepts iff 0.16 - (x - 0.6)^2
    // + 4 (0.0025 - (0.5 x - 0.275)^2) = 0.17 - (x - 0.6)^2 - (x - 0.55)^2 >= 0.1: with
    // y = x - 0.575, 2 y^2 + 0.00125 <= 0.07, x >= 0.575 - sqrt(0.034375) = 0.3896: A offers the
    // grid point 0.39 (on policy alone B accepts x >= 0.6 - sqrt(0.06) = 0.3551: 0.36).
    // The offer reverberates in B: 0.5, 0.65, 0.8 move half way to 0.39, median 0.52, and B's
    // executive now gains 0.16 - 0.21^2 + 4 (0.08^2 - 0.145^2) = 0.0574 < 0.1: he rejects it.
    const input = balanceScenario(4);
    input.protocol = { name: 'ultimatum', proposer: 0 };
    input.countries![1]!.autonomy = 1;
    input.countries![1]!.negotiator!.reservation = 0.1;
    const events: TraceEvent[] = [];
    const record = createGame(parseScenario(input)).play('s', events);
    const offer = events.find((e) => e.type === 'offer');
    expect(offer?.type === 'offer' && offer.x[0]).toBeCloseTo(0.39, 12);
    expect(offer?.type === 'offer' && offer.believed).toEqual([1, 1]);
    expect(record.outcome).toBe('involuntary_defection');
    expect(record.defector).toBe(1);
  });

  it('refuses a balance motive without reverberation or in the divide form', () => {
    expect(() => parseScenario(balanceScenario(4, 0))).toThrow(
      /countries\[1\]\.negotiator\.motives\.balance: .*reverberation\.eta > 0/,
    );
    expect(() =>
      parseScenario({
        form: 'divide',
        countries: [{}, { negotiator: { motives: { balance: 1 } }, reverberation: { eta: 0.5 } }],
      }),
    ).toThrow(/countries\[1\]\.negotiator\.motives\.balance: .*divide form/);
  });
});
