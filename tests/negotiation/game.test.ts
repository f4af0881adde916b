import { describe, expect, it } from 'vitest';
import { createGame, playGame } from '../../src/negotiation/game.ts';
import { OUTCOMES } from '../../src/negotiation/record.ts';
import type { TraceEvent } from '../../src/negotiation/trace.ts';
import { parseScenario, type ScenarioInput } from '../../src/scenario/parse.ts';
import { exactCountries } from './fixtures/exactCountries.ts';
import { uncertainSetter } from './fixtures/uncertainSetter.ts';

/** Toolkit 0.3.0's defaults where this scenario does not set them: B knows his own Level II, no voter noise. */
const uncertain: ScenarioInput = {
  countries: [
    {
      reversion: 0,
      tau: 0,
      constituents: { count: 21, idealPoints: { kind: 'normal', mean: 0.3, sd: 0.1 } },
      negotiator: { beliefs: { sigmaForeign: 0.1, sigmaOwn: 0.02 } },
    },
    {
      reversion: 1,
      constituents: { count: 21, idealPoints: { kind: 'normal', mean: 0.7, sd: 0.1 } },
      tau: 0,
      negotiator: { beliefs: { sigmaForeign: 0.1, sigmaOwn: 0, particles: 4 } },
      reverberation: { eta: 0.05, beta: 0.2 },
    },
  ],
};

describe('playGame and createGame', () => {
  it('give the same record, bit for bit, for the same scenario and seed', () => {
    const scenario = parseScenario(uncertain);
    const game = createGame(scenario);
    for (let s = 0; s < 50; s++) {
      const seed = `same-${s}`;
      const fresh = playGame(scenario, seed);
      expect(game.play(seed)).toEqual(fresh);
      expect(playGame(parseScenario(uncertain), seed)).toEqual(fresh);
    }
  });

  it('reuse no state between games: a replay after other games is identical', () => {
    const game = createGame(parseScenario({ ...uncertain, reopen: 2 }));
    const first = game.play('replay');
    for (let s = 0; s < 20; s++) game.play(`other-${s}`);
    expect(game.play('replay')).toEqual(first);
  });

  it('reuse no ranking when kappa is drawn: a reused game equals a fresh one, seed by seed', () => {
    // kappa 0 for 90% of constituents: some runs draw all 0 and take the ranked vote, others not
    const kappa = {
      kind: 'mix' as const,
      isolationistShare: 0.9,
      isolationist: 0,
      internationalist: 0.3,
    };
    const input: ScenarioInput = {
      reopen: 1,
      countries: [
        { reversion: 0, constituents: { count: 3, kappa } },
        { reversion: 1, constituents: { count: 3, kappa }, ratification: { quota: 0.75 } },
      ],
    };
    const scenario = parseScenario(input);
    const game = createGame(scenario);
    for (let s = 0; s < 200; s++) expect(game.play(`${s}`)).toEqual(playGame(scenario, `${s}`));
  });

  it('a trace changes nothing in the record', () => {
    const game = createGame(parseScenario(uncertain));
    const events: TraceEvent[] = [];
    expect(game.play('traced', events)).toEqual(game.play('traced'));
    expect(events.at(-1)?.type).toBe('outcome');
  });

  it('fill a record with every field documented', () => {
    const r = playGame(parseScenario({}), 'fields');
    expect(Object.keys(r).sort()).toEqual(
      [
        'seed',
        'outcome',
        'defector',
        'rounds',
        'reopenings',
        'agreement',
        'defectionPeriod',
        'medianGain',
        'negotiatorGain',
        'winSetSize',
        'overlapSize',
        'believedOverlapSize',
        'sidePayments',
      ].sort(),
    );
    expect(OUTCOMES).toContain(r.outcome);
    expect(r.seed).toBe('fields');
  });

  it('measure the true win-sets in closed form: medians 0.3 and 0.7, q = 0 and 1', () => {
    // W_A = [0, 0.6], W_B = [0.4, 1]: sizes 0.6 and 0.6, overlap 0.2
    const r = playGame(
      parseScenario({
        countries: exactCountries([
          {
            reversion: 0,
            constituents: { idealPoints: { kind: 'explicit', values: [0.1, 0.3, 0.9] } },
          },
          {
            reversion: 1,
            constituents: { idealPoints: { kind: 'explicit', values: [0.2, 0.7, 0.8] } },
          },
        ]),
      }),
      'closed',
    );
    expect(r.winSetSize[0]).toBeCloseTo(0.6, 12);
    expect(r.winSetSize[1]).toBeCloseTo(0.6, 12);
    expect(r.overlapSize).toBeCloseTo(0.2, 12);
    expect(r.believedOverlapSize).toBeCloseTo(0.2, 12);
  });
});

describe('the trace of a fixed game', () => {
  it('is pinned: offers, responses, votes and outcome', () => {
    const events: TraceEvent[] = [];
    const record = createGame(parseScenario(uncertain)).play('pinned', events);
    const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
    const lines = events.flatMap((e) => {
      if (e.type === 'offer')
        return [`offer r${e.round} ${e.proposer} x=${round4(e.x[0]!)} P=${e.believed.map(round4)}`];
      if (e.type === 'response')
        return [
          `response ${e.responder} ${e.accepted} u=${round4(e.utility)} a=${round4(e.aspiration)}`,
        ];
      if (e.type === 'vote') return [`vote ${e.country} ${e.yesShares.map(round4)} ${e.passed}`];
      if (e.type === 'outcome') return [`outcome ${e.outcome} ${e.defector} ${e.rounds}`];
      return [];
    });
    expect(lines).toMatchInlineSnapshot(`
      [
        "offer r0 0 x=0.295 P=1,0",
        "response 1 false u=-22.3932 a=1",
        "offer r1 1 x=0.45 P=0.5,1",
        "response 0 false u=0.7189 a=0.9",
        "offer r2 0 x=0.42 P=1,0",
        "response 1 false u=-2.7479 a=0.81",
        "offer r3 1 x=0.45 P=0.5,1",
        "response 0 false u=0.7189 a=0.729",
        "offer r4 0 x=0.465 P=1,0",
        "response 1 true u=2.6705 a=0.6561",
        "vote 0 0.7619 true",
        "vote 1 0.7143 true",
        "outcome agreement -1 5",
      ]
    `);
    expect(record.rounds).toBe(
      events.filter((e) => e.type === 'offer' || e.type === 'pass').length,
    );
  });
});

describe('reopening and defection', () => {
  const setter = (reopen: number) => uncertainSetter(0.1, reopen);

  it('learning after a failed vote turns involuntary defections into agreements', () => {
    const once = createGame(parseScenario(setter(0)));
    const again = createGame(parseScenario(setter(3)));
    let failedOnce = 0;
    let rescued = 0;
    for (let s = 0; s < 1000; s++) {
      const a = once.play(`reopen-${s}`);
      const b = again.play(`reopen-${s}`);
      expect(b.reopenings).toBeLessThanOrEqual(3);
      if (a.outcome !== 'involuntary_defection') {
        // the first session is the same game
        expect(b).toEqual({ ...a, seed: b.seed });
        continue;
      }
      failedOnce++;
      expect(b.reopenings).toBeGreaterThan(0);
      if (b.outcome === 'agreement') rescued++;
    }
    expect(failedOnce).toBeGreaterThan(10);
    expect(rescued).toBeGreaterThan(failedOnce / 2);
  });

  it('the failed agreement is never offered again by a learning setter', () => {
    const game = createGame(parseScenario(setter(3)));
    for (let s = 0; s < 300; s++) {
      const events: TraceEvent[] = [];
      game.play(`learn-${s}`, events);
      const offers = events.flatMap((e) => (e.type === 'offer' ? [e.x[0]] : []));
      expect(new Set(offers).size).toBe(offers.length);
    }
  });

  it('proposition 10: a reputation bonus lowers voluntary defection (paired)', () => {
    const horizon = (reputation: number): ScenarioInput => ({
      defection: { horizon: 10, drift: 0.03 },
      countries: [
        {
          reversion: 0,
          reputation,
          constituents: { count: 21, idealPoints: { kind: 'normal', mean: 0.3, sd: 0.1 } },
        },
        {
          reversion: 1,
          reputation,
          constituents: { count: 21, idealPoints: { kind: 'normal', mean: 0.7, sd: 0.1 } },
          negotiator: { beliefs: { sigmaForeign: 0.05 } },
        },
      ],
    });
    const keep = createGame(parseScenario(horizon(0.02)));
    const free = createGame(parseScenario(horizon(0)));
    let less = 0;
    let more = 0;
    let defections = 0;
    for (let s = 0; s < 1000; s++) {
      const a = free.play(`renege-${s}`).outcome === 'voluntary_defection' ? 1 : 0;
      const b = keep.play(`renege-${s}`).outcome === 'voluntary_defection' ? 1 : 0;
      defections += a;
      if (b < a) less++;
      if (b > a) more++;
    }
    expect(defections).toBeGreaterThan(50);
    // with the same drift a bonus can only keep a vote passing
    expect(more).toBe(0);
    expect(less).toBeGreaterThan(20);
  });
});

describe('multilateral talks', () => {
  it('D = 2: the candidates are the G Sobol points, every offer inside the box', () => {
    const scenario = parseScenario({
      space: { D: 2 },
      protocol: { candidates: 64 },
      countries: [
        {
          reversion: [0, 0],
          constituents: { count: 11, idealPoints: { kind: 'normal', mean: [0.4, 0.2] } },
        },
        {
          reversion: [1, 0],
          constituents: { count: 11, idealPoints: { kind: 'normal', mean: [0.6, 0.3] } },
        },
      ],
    });
    const game = createGame(scenario);
    for (let s = 0; s < 20; s++) {
      const events: TraceEvent[] = [];
      game.play(`plane-${s}`, events);
      const session = events.find((e) => e.type === 'session') as { candidates: number };
      expect(session.candidates).toBe(64);
      for (const e of events) {
        if (e.type !== 'offer') continue;
        for (const v of e.x) expect(v >= 0 && v <= 1).toBe(true);
      }
    }
  });

  it('three countries agree inside all three win-sets', () => {
    const scenario = parseScenario({
      countries: [
        { reversion: 0, constituents: { count: 11, idealPoints: { kind: 'normal', mean: 0.4 } } },
        { reversion: 1, constituents: { count: 11, idealPoints: { kind: 'normal', mean: 0.6 } } },
        { reversion: 0.2, constituents: { count: 11, idealPoints: { kind: 'normal', mean: 0.5 } } },
      ],
    });
    for (const name of ['alternating', 'ultimatum', 'nash', 'midpoint']) {
      const game = createGame({ ...scenario, protocol: { ...scenario.protocol, name } });
      let agreements = 0;
      for (let s = 0; s < 100; s++) {
        const r = game.play(`three-${s}`);
        if (r.outcome === 'agreement') agreements++;
        expect(r.medianGain).toHaveLength(3);
      }
      expect(agreements).toBeGreaterThan(50);
    }
  });
});
