import { describe, expect, it } from 'vitest';
import { rankingFor } from '../../src/model/rankedVote.ts';
import { drawBeliefs } from '../../src/negotiation/beliefs.ts';
import { consult } from '../../src/negotiation/consultation.ts';
import { placeNegotiators } from '../../src/negotiation/gains.ts';
import { drawLevelII } from '../../src/negotiation/levelII.ts';
import { ratify } from '../../src/negotiation/ratification.ts';
import { createRecord } from '../../src/negotiation/record.ts';
import { createGameState } from '../../src/negotiation/state.ts';
import { openSession, Table } from '../../src/negotiation/table.ts';
import { parseScenario } from '../../src/scenario/parse.ts';

/**
 * The ranked vote trusts that a country's truth ascends along its order only while it is as
 * drawn (`levelII.ranked`). A: ideal points 0.25, 0.3, 0.35, q = 0. B: 0.5, 0.52, 0.9, q = 1,
 * eta = 0.5, constituent 0 a nationalist. A's offer x = 0.2 moves B's constituents to
 * 0.5 - 0.5 (0.2 - 0.5) = 0.65, 0.52 + 0.5 (0.2 - 0.52) = 0.36 and 0.9 + 0.5 (0.2 - 0.9) = 0.55:
 * no longer in the order drawn. B then votes on 0.2 with its cut at (1 + 0.2) / 2 = 0.6: 0.36
 * and 0.55 yes, 0.65 no, 2 of 3, short of its quota 3/4 (a binary search along the order
 * drawn would find all 3 on x's side of the cut).
 */
function reverberated() {
  const s = createGameState(
    parseScenario({
      countries: [
        {
          reversion: 0,
          constituents: { idealPoints: { kind: 'explicit', values: [0.25, 0.3, 0.35] } },
        },
        {
          reversion: 1,
          constituents: { idealPoints: { kind: 'explicit', values: [0.5, 0.52, 0.9] } },
          reverberation: { eta: 0.5, beta: 0.5 },
          ratification: { quota: 0.75 },
        },
      ],
    }),
  );
  drawLevelII(s.levelII, s.scenario, s.streams.start('ranked'));
  s.levelII.nationalist[1]!.set([1, 0, 0]);
  const drawn = [...s.levelII.ranked];
  placeNegotiators(s);
  consult(s);
  drawBeliefs(s);
  const record = createRecord('ranked', 2, 1);
  openSession(s, record, 0);
  const table = new Table(s);
  table.beginSession();
  const c = s.table.candidates.indexOf(0.2);
  table.offer(0, c);
  return { s, drawn, x: Float64Array.of(0.2) };
}

describe('the ranked vote after reverberation', () => {
  it('Level II as drawn is ranked; an offer that moves a country clears it there only', () => {
    const { s, drawn } = reverberated();
    expect(drawn).toEqual([1, 1]);
    expect([...s.levelII.ranked]).toEqual([1, 0]);
    expect([...s.levelII.truth[1]!.ideal].map((v) => Number(v.toFixed(12)))).toEqual([
      0.65, 0.36, 0.55,
    ]);
  });

  it('the reordered truth is voted over every constituent: 2 of 3 yes, B rejects', () => {
    const { s, x } = reverberated();
    const { rankings } = s.scratch.winSet;
    expect(rankingFor(rankings, s.levelII.truth[1]!, s.levelII.order[1]!)).toBeNull();
    expect(ratify(s, x, 0, null)).toBe(1);
    expect([...s.failed]).toEqual([0, 1]);
  });
});
