import { describe, expect, it } from 'vitest';
import { drawBeliefs, learn } from '../../src/negotiation/beliefs.ts';
import { consult } from '../../src/negotiation/consultation.ts';
import { placeNegotiators } from '../../src/negotiation/gains.ts';
import { drawLevelII } from '../../src/negotiation/levelII.ts';
import { createGameState } from '../../src/negotiation/state.ts';
import type { TraceEvent } from '../../src/negotiation/trace.ts';
import { parseScenario } from '../../src/scenario/parse.ts';

/**
 * Learning from a country that passed the failed agreement. A: ideal points 0.05, 0.15, 0.5,
 * reversion 0; B: 0.5, 0.6, 0.7, reversion 1, so W_B = [0.2, 1] (its median's ball of radius
 * 0.4) and B passes x = 0.25. A holds two exact particles of B (sigma 0); one of them is moved
 * by +0.2 (0.7, 0.8, 0.9: W = [0.6, 1]), under which B would have rejected 0.25. A's vote is
 * marked as his executive's (2, which teaches nothing), B's as its Level II's yes (0).
 */
function afterVote(moved: number[]) {
  const exact = { particles: 2, sigmaOwn: 0, sigmaForeign: 0 };
  const s = createGameState(
    parseScenario({
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
          negotiator: { beliefs: exact },
        },
      ],
    }),
  );
  drawLevelII(s.levelII, s.scenario, s.streams.start('learn'));
  placeNegotiators(s);
  consult(s);
  drawBeliefs(s);
  for (const p of moved) {
    const ideal = s.beliefs.particles[0 * 2 + 1]![p]!.ideal;
    for (let j = 0; j < 3; j++) ideal[j]! += 0.2;
  }
  s.failed.set([2, 0]);
  const events: TraceEvent[] = [];
  s.trace = events;
  learn(s, Float64Array.of(0.25));
  const medians = s.beliefs.particles[1]!.slice(0, s.beliefs.active[1]!).map((p) => p.ideal[1]);
  return { active: s.beliefs.active[1]!, medians, events };
}

describe('learning from a country that passed the failed agreement', () => {
  it('drops the particle under which B would have rejected 0.25, keeps the other', () => {
    const { active, medians, events } = afterVote([0]);
    expect(active).toBe(1);
    expect(medians[0]).toBeCloseTo(0.6, 12);
    expect(events).toContainEqual({
      type: 'learning',
      negotiator: 0,
      country: 1,
      kept: 1,
      redrawn: false,
    });
    // A's vote was his executive's: nothing is learned about A's Level II
    expect(events.some((e) => e.type === 'learning' && e.country === 0)).toBe(false);
  });

  it('redraws both when neither passes 0.25: exact again (sigma 0), median 0.6', () => {
    const { active, medians, events } = afterVote([0, 1]);
    expect(active).toBe(2);
    expect(medians[0]).toBeCloseTo(0.6, 12);
    expect(medians[1]).toBeCloseTo(0.6, 12);
    expect(events).toContainEqual({
      type: 'learning',
      negotiator: 0,
      country: 1,
      kept: 2,
      redrawn: true,
    });
  });
});
