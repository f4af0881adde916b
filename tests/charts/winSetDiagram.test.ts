import { describe, expect, it } from 'vitest';
import { toSVG } from '../../src/charts/render.ts';
import {
  type WinSetGame1D,
  type WinSetGame2D,
  winSetDiagram,
} from '../../src/charts/winSetDiagram.ts';
import { specWarnings } from './inspect.ts';

const game1: WinSetGame1D = {
  D: 1,
  box: [0, 1],
  countries: [
    { name: 'A', reversion: 0, trueWinSet: [[0.35, 1]], believedWinSet: [[0.45, 1]] },
    {
      name: 'B',
      reversion: 1,
      trueWinSet: [[0, 0.6]],
      believedWinSet: [
        [0, 0.5],
        [0.7, 0.8],
      ],
    },
  ],
  offers: [
    { round: 1, proposer: 'A', x: 0.9 },
    { round: 2, proposer: 'B', x: 0.2 },
    { round: 3, proposer: 'A', x: 0.55 },
  ],
  agreement: 0.55,
};
const game2: WinSetGame2D = {
  D: 2,
  box: [0, 1],
  countries: [
    {
      name: 'A',
      reversion: [0.1, 0.1],
      acceptance: [
        [0.3, 0.3],
        [0.4, 0.5],
      ],
    },
    {
      name: 'B',
      reversion: [0.9, 0.9],
      acceptance: [
        [0.4, 0.5],
        [0.7, 0.7],
      ],
    },
  ],
  offers: [
    { round: 1, proposer: 'A', x: [0.3, 0.3] },
    { round: 2, proposer: 'B', x: [0.4, 0.5] },
  ],
  agreement: [0.4, 0.5],
};
const options = { theme: 'paper', columns: 1 } as const;

describe('winSetDiagram', () => {
  it('compiles without warnings in one and two dimensions, with and without offers', async () => {
    for (const game of [
      game1,
      game2,
      { ...game1, offers: [], agreement: null },
      { ...game2, offers: [], agreement: null },
    ]) {
      expect(await specWarnings(winSetDiagram(game as WinSetGame1D, options))).toEqual([]);
    }
  });

  it('draws one row per country, the legend entries and the numbered offers (1-D)', async () => {
    const svg = await toSVG(winSetDiagram(game1, options));
    for (const text of [
      'A',
      'B',
      'Agreement x',
      'True win-set',
      'Believed win-set',
      'Reversion',
      'Offer',
      'Agreement',
      '1',
      '2',
      '3',
    ]) {
      expect(svg).toContain(`>${text}</text>`);
    }
  });

  it('draws axis titles, country legend and markers (2-D)', async () => {
    const svg = await toSVG(
      winSetDiagram(game2, { ...options, xTitle: 'Tariff cut', yTitle: 'Quota rise' }),
    );
    for (const text of [
      'Tariff cut',
      'Quota rise',
      'Win-set of',
      'A',
      'B',
      'Reversion',
      'Offer',
      'Agreement',
    ]) {
      expect(svg).toContain(`>${text}</text>`);
    }
  });

  it('labels a point offered repeatedly once, its rounds joined (2-D)', async () => {
    const offers = game2.offers.concat([
      { round: 3, proposer: 'A', x: [0.7, 0.7] },
      { round: 4, proposer: 'B', x: [0.4, 0.5] },
      { round: 5, proposer: 'A', x: [0.3, 0.3] },
      { round: 8, proposer: 'B', x: [0.3, 0.3] },
    ]);
    const svg = await toSVG(winSetDiagram({ ...game2, offers }, options));
    const labels = [...svg.matchAll(/>([\d, ]+)<\/text>/g)].map((m) => m[1]);
    for (const label of ['1, 5, 8', '2, 4', '3']) expect(labels).toContain(label);
    for (const label of ['1', '2', '4', '5', '8']) expect(labels).not.toContain(label);
  });

  it('labels a value a country offered repeatedly once; another row keeps its own (1-D)', async () => {
    const offers = game1.offers.concat([
      { round: 4, proposer: 'B', x: 0.2 },
      { round: 5, proposer: 'A', x: 0.9 },
      { round: 6, proposer: 'B', x: 0.9 },
    ]);
    const svg = await toSVG(winSetDiagram({ ...game1, offers }, options));
    const labels = [...svg.matchAll(/>([\d, ]+)<\/text>/g)].map((m) => m[1]);
    for (const label of ['1, 5', '2, 4', '3', '6']) expect(labels).toContain(label);
    for (const label of ['1', '2', '4', '5']) expect(labels).not.toContain(label);
  });

  it('says what is wrong with a game and where', () => {
    expect(() => winSetDiagram({ ...game1, D: 3 } as unknown as WinSetGame1D, options)).toThrow(
      'winSetDiagram game.D: expected 1 or 2, got 3',
    );
    expect(() => winSetDiagram({ ...game1, agreement: 1.5 }, options)).toThrow(
      'winSetDiagram game.agreement: 1.5 lies outside the box [0, 1]',
    );
    expect(() =>
      winSetDiagram({ ...game1, offers: [{ round: 1, proposer: 'C', x: 0.5 }] }, options),
    ).toThrow('winSetDiagram game.offers[0].proposer: "C" is not a country; countries: A, B');
    const reversed = { ...game1.countries[0]!, trueWinSet: [[0.8, 0.2]] as [number, number][] };
    expect(() => winSetDiagram({ ...game1, countries: [reversed] }, options)).toThrow(
      'winSetDiagram game.countries[0].trueWinSet[0]: expected a <= b, got [0.8, 0.2]',
    );
  });
});
