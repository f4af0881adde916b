import { describe, expect, it } from 'vitest';
import * as twolevel from '../src/index.ts';

describe('the public API', () => {
  it('plays the same game as the negotiation layer, from a scenario and a seed', async () => {
    const { playGame } = await import('../src/negotiation/game.ts');
    const scenario = twolevel.parseScenario({});
    expect(twolevel.playGame(scenario, 'seed-1')).toEqual(playGame(scenario, 'seed-1'));
  });

  it('names the five outcomes of MODEL.md sections 6 and 9', () => {
    expect([...twolevel.OUTCOMES]).toEqual([
      'agreement',
      'no_agreement',
      'involuntary_defection',
      'voluntary_defection',
      'aborted',
    ]);
  });
});
