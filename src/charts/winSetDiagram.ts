import type { TopLevelSpec } from 'vega-lite';
import { UserError } from '../errors.ts';
import { requireFinite, requireName } from './checks.ts';
import { CATEGORY_COLORS, type FigureOptions, figureFrame, figureSize } from './theme.ts';

/** A closed interval `[lo, hi]` of the agreement line. */
export type Interval = [number, number];

/** One country of a one-dimensional game, as {@link winSetDiagram} draws it. */
export interface WinSetCountry1D {
  name: string;
  /** Reversion point `q_i`: what the country gets with no agreement. */
  reversion: number;
  /** The true win-set `W_i` as a union of intervals. */
  trueWinSet: Interval[];
  /** The win-set the negotiators believe the country has (e.g. their particles' consensus). */
  believedWinSet: Interval[];
}

/** A Level I offer: in round `round`, `proposer` proposed agreement `x`. */
export interface Offer<X> {
  round: number;
  proposer: string;
  x: X;
}

/** A one-dimensional game for {@link winSetDiagram}: the agreement line is `[box[0], box[1]]`. */
export interface WinSetGame1D {
  D: 1;
  box: Interval;
  countries: WinSetCountry1D[];
  offers: Offer<number>[];
  agreement: number | null;
}

/** One country of a two-dimensional game: its reversion and points of its true win-set. */
export interface WinSetCountry2D {
  name: string;
  reversion: [number, number];
  /** Points of the agreement space the country would ratify (e.g. the accepted points of a low-discrepancy set). */
  acceptance: [number, number][];
}

/** A two-dimensional game for {@link winSetDiagram}: the agreement space is `box^2`. */
export interface WinSetGame2D {
  D: 2;
  box: Interval;
  countries: WinSetCountry2D[];
  offers: Offer<[number, number]>[];
  agreement: [number, number] | null;
}

/** A game as {@link winSetDiagram} takes it. */
export type WinSetGame = WinSetGame1D | WinSetGame2D;

/** {@link winSetDiagram}'s options: axis titles of the agreement space. */
export interface WinSetDiagramOptions extends FigureOptions {
  /** Default `'Agreement x'` (1-D) or `'x₁'` (2-D). */
  xTitle?: string;
  /** 2-D only; default `'x₂'`. */
  yTitle?: string;
}

/** What the 1-D diagram draws, in legend order, with colour and legend symbol. */
const ELEMENTS_1D = [
  { name: 'True win-set', color: '#56B4E9', shape: 'square', filled: true },
  { name: 'Believed win-set', color: '#000000', shape: 'square', filled: false },
  { name: 'Reversion', color: '#D55E00', shape: 'triangle-down', filled: true },
  { name: 'Offer', color: '#0072B2', shape: 'circle', filled: true },
  { name: 'Agreement', color: '#000000', shape: 'M0,-1L0,1', filled: false },
] as const;

/**
 * Putnam's (1988) Figure 1 for one game. One dimension: one row per country, its true
 * win-set as thick light bars, the believed win-set as thin outlined bars over them, the
 * reversion as a vermillion triangle, the Level I offers as numbered points on the
 * proposer's row joined in round order (the negotiation dance), and the agreement as a
 * vertical rule. Two dimensions: each country's win-set as a shaded cloud of accepted points
 * in the plane, reversions as crosses, offers as a numbered path, the agreement as a black
 * diamond. A place offered more than once is labelled once with all its rounds, e.g.
 * `3, 8`. The axes span exactly the box.
 *
 * @example
 * winSetDiagram({ D: 1, box: [0, 1], countries: [{ name: 'A', reversion: 0, trueWinSet: [[0.4, 1]], believedWinSet: [[0.5, 1]] }], offers: [], agreement: null }, { theme: 'paper', columns: 1 });
 * // => a Vega-Lite spec with one row, one bar from 0.4 to 1
 */
export function winSetDiagram(game: WinSetGame, options: WinSetDiagramOptions): TopLevelSpec {
  if (game?.D === 1) return diagram1D(game, options);
  if (game?.D === 2) return diagram2D(game, options);
  throw new UserError(
    `winSetDiagram game.D: expected 1 or 2, got ${JSON.stringify((game as { D?: unknown })?.D)}`,
  );
}

function diagram1D(game: WinSetGame1D, options: WinSetDiagramOptions): TopLevelSpec {
  const [lo, hi] = checkBox(game.box);
  const names = checkCountries(game.countries);
  const inBox = (v: unknown, where: string) => pointInBox(v, lo, hi, where);
  const bars = (kind: 'trueWinSet' | 'believedWinSet') =>
    game.countries.flatMap((c, i) =>
      checkIntervals(c[kind], `winSetDiagram game.countries[${i}].${kind}`, lo, hi).map(
        ([a, b]) => ({ country: c.name, lo: a, hi: b }),
      ),
    );
  const trueBars = bars('trueWinSet');
  const believedBars = bars('believedWinSet');
  const reversions = game.countries.map((c, i) => ({
    country: c.name,
    q: inBox(c.reversion, `winSetDiagram game.countries[${i}].reversion`),
  }));
  const offers = checkOffers(game.offers, names).map((o, i) => ({
    country: o.proposer,
    round: o.round,
    x: inBox(o.x, `winSetDiagram game.offers[${i}].x`),
  }));
  const agreement =
    game.agreement === null ? [] : [{ x: inBox(game.agreement, 'winSetDiagram game.agreement') }];

  const size = figureSize(options);
  const band = size.label * 3.5;
  const color = {
    type: 'nominal' as const,
    title: null,
    scale: {
      domain: ELEMENTS_1D.map((e) => e.name),
      range: ELEMENTS_1D.map((e) => e.color),
    },
    legend: {
      symbolType: 'square',
      encode: {
        symbols: {
          update: {
            shape: { signal: legendLookup('shape') },
            fillOpacity: { signal: legendLookup('fillOpacity') },
          },
        },
      },
    },
  };
  const x = {
    type: 'quantitative' as const,
    title: options.xTitle ?? 'Agreement x',
    scale: { domain: [lo, hi], nice: false, zero: false },
  };
  const y = {
    field: 'country',
    type: 'nominal' as const,
    title: null,
    sort: names,
    axis: { ticks: false, domain: false, labelPadding: size.label / 2 },
    scale: { paddingInner: 0.2, paddingOuter: 0.1 },
  };
  const layer = [
    {
      data: { values: trueBars },
      mark: { type: 'bar', height: band * 0.5 },
      encoding: {
        y,
        x: { ...x, field: 'lo' },
        x2: { field: 'hi' },
        color: { ...color, datum: 'True win-set' },
      },
    },
    {
      data: { values: believedBars },
      mark: { type: 'bar', height: band * 0.2, filled: false, strokeWidth: size.stroke },
      encoding: {
        y,
        x: { ...x, field: 'lo' },
        x2: { field: 'hi' },
        color: { ...color, datum: 'Believed win-set' },
      },
    },
    {
      data: { values: reversions },
      mark: {
        type: 'point',
        shape: 'triangle-down',
        size: size.point * 2.5,
        yOffset: -band * 0.25,
      },
      encoding: { y, x: { ...x, field: 'q' }, color: { ...color, datum: 'Reversion' } },
    },
    ...(offers.length === 0
      ? []
      : [
          {
            data: { values: offers },
            layer: [
              {
                mark: {
                  type: 'line',
                  color: '#0072B2',
                  strokeWidth: size.stroke * 0.5,
                  opacity: 0.6,
                },
                encoding: {
                  y,
                  x: { ...x, field: 'x' },
                  order: { field: 'round', type: 'quantitative' },
                },
              },
              {
                mark: { type: 'point', size: size.point * 1.2, stroke: 'white', strokeWidth: 0.5 },
                encoding: { y, x: { ...x, field: 'x' }, color: { ...color, datum: 'Offer' } },
              },
              {
                data: { values: roundLabels(offers, (o) => `${o.country} ${o.x}`) },
                mark: {
                  type: 'text',
                  fontSize: size.label * 0.85,
                  baseline: 'bottom',
                  dy: -size.label * 0.6,
                },
                encoding: {
                  y,
                  x: { ...x, field: 'x' },
                  text: { field: 'rounds', type: 'nominal' },
                },
              },
            ],
          },
        ]),
    ...(agreement.length === 0
      ? []
      : [
          {
            data: { values: agreement },
            mark: { type: 'rule', strokeDash: [4, 2], strokeWidth: size.stroke },
            encoding: { x: { ...x, field: 'x' }, color: { ...color, datum: 'Agreement' } },
          },
        ]),
  ];
  return {
    ...figureFrame(options, names.length * band + size.label * 11),
    layer,
  } as TopLevelSpec;
}

/**
 * One round label per place offered: the offers that `place` puts at the same spot (the same
 * point, or in one dimension the same value on the same proposer's row) share one label, their
 * rounds in ascending order joined by commas, e.g. `'3, 8'`, drawn where the first was offered.
 * Separate labels at one spot would be printed over each other.
 */
function roundLabels<T extends { round: number }>(
  offers: readonly T[],
  place: (offer: T) => string,
): (T & { rounds: string })[] {
  const byPlace = new Map<string, { first: T; rounds: number[] }>();
  for (const offer of offers) {
    const key = place(offer);
    const seen = byPlace.get(key);
    if (seen === undefined) byPlace.set(key, { first: offer, rounds: [offer.round] });
    else seen.rounds.push(offer.round);
  }
  return [...byPlace.values()].map(({ first, rounds }) => ({
    ...first,
    rounds: rounds.sort((a, b) => a - b).join(', '),
  }));
}

/**
 * A Vega expression giving a legend entry (`datum.value`) its symbol's `shape` or
 * `fillOpacity` (0 for the outlined believed win-set), since one legend serves all layers.
 */
function legendLookup(property: 'shape' | 'fillOpacity'): string {
  const pairs = ELEMENTS_1D.map((e) => {
    const value = property === 'shape' ? `'${e.shape}'` : e.filled ? '1' : '0';
    return `datum.value === '${e.name}' ? ${value} : `;
  });
  return `${pairs.join('')}${property === 'shape' ? "'square'" : '1'}`;
}

function diagram2D(game: WinSetGame2D, options: WinSetDiagramOptions): TopLevelSpec {
  const [lo, hi] = checkBox(game.box);
  const names = checkCountries(game.countries);
  if (names.length > CATEGORY_COLORS.length) {
    throw new UserError(
      `winSetDiagram game.countries: ${names.length} countries, but at most ${CATEGORY_COLORS.length} have distinct colours`,
    );
  }
  const point = (v: unknown, where: string): [number, number] => {
    if (!Array.isArray(v) || v.length !== 2) {
      throw new UserError(`${where}: expected a point [x1, x2], got ${JSON.stringify(v)}`);
    }
    return [pointInBox(v[0], lo, hi, `${where}[0]`), pointInBox(v[1], lo, hi, `${where}[1]`)];
  };
  const clouds = game.countries.flatMap((c, i) => {
    const where = `winSetDiagram game.countries[${i}].acceptance`;
    if (!Array.isArray(c.acceptance)) {
      throw new UserError(`${where}: expected an array of points [x1, x2]`);
    }
    return c.acceptance.map((p, k) => {
      const [x1, x2] = point(p, `${where}[${k}]`);
      return { country: c.name, x1, x2 };
    });
  });
  const reversions = game.countries.map((c, i) => {
    const [x1, x2] = point(c.reversion, `winSetDiagram game.countries[${i}].reversion`);
    return { country: c.name, x1, x2 };
  });
  const offers = checkOffers(game.offers, names).map((o, i) => {
    const [x1, x2] = point(o.x, `winSetDiagram game.offers[${i}].x`);
    return { country: o.proposer, round: o.round, x1, x2 };
  });
  const agreement =
    game.agreement === null ? [] : [point(game.agreement, 'winSetDiagram game.agreement')];

  const size = figureSize(options);
  const x = {
    field: 'x1',
    type: 'quantitative' as const,
    title: options.xTitle ?? 'x₁',
    scale: { domain: [lo, hi], nice: false, zero: false },
  };
  const y = {
    field: 'x2',
    type: 'quantitative' as const,
    title: options.yTitle ?? 'x₂',
    scale: { domain: [lo, hi], nice: false, zero: false },
  };
  const color = {
    field: 'country',
    type: 'nominal' as const,
    title: 'Win-set of',
    scale: { domain: names, range: CATEGORY_COLORS.slice(0, names.length) },
    legend: { symbolOpacity: 1 },
  };
  const markers = ['Reversion', 'Offer', 'Agreement'];
  const shape = (name: string) => ({
    datum: name,
    type: 'nominal' as const,
    title: null,
    scale: { domain: markers, range: ['cross', 'circle', 'diamond'] },
  });
  const layer = [
    {
      data: { values: clouds },
      mark: { type: 'circle', size: size.point * 0.6, opacity: 0.25 },
      encoding: { x, y, color },
    },
    {
      data: { values: reversions },
      mark: { type: 'point', size: size.point * 3, stroke: 'white', strokeWidth: 0.4 },
      encoding: { x, y, color, shape: shape('Reversion') },
    },
    ...(offers.length === 0
      ? []
      : [
          {
            data: { values: offers },
            layer: [
              {
                mark: { type: 'line', color: '#555555', strokeWidth: size.stroke * 0.6 },
                encoding: { x, y, order: { field: 'round', type: 'quantitative' } },
              },
              {
                mark: { type: 'point', size: size.point * 1.5, stroke: 'white', strokeWidth: 0.4 },
                encoding: { x, y, color, shape: shape('Offer') },
              },
              {
                data: { values: roundLabels(offers, (o) => `${o.x1} ${o.x2}`) },
                mark: {
                  type: 'text',
                  fontSize: size.label * 0.85,
                  align: 'left',
                  dx: size.label * 0.5,
                  dy: -size.label * 0.4,
                },
                encoding: { x, y, text: { field: 'rounds', type: 'nominal' } },
              },
            ],
          },
        ]),
    ...(agreement.length === 0
      ? []
      : [
          {
            data: { values: agreement.map(([x1, x2]) => ({ x1, x2 })) },
            mark: {
              type: 'point',
              size: size.point * 5,
              color: 'black',
              stroke: 'white',
              strokeWidth: 0.6,
            },
            encoding: { x, y, shape: shape('Agreement') },
          },
        ]),
  ];
  return {
    ...figureFrame(options, size.width + size.label * 4),
    layer,
  } as TopLevelSpec;
}

/** Checks the box `[lo, hi]` with `lo < hi`, both finite. */
function checkBox(box: unknown): Interval {
  if (!Array.isArray(box) || box.length !== 2) {
    throw new UserError(`winSetDiagram game.box: expected [lo, hi], got ${JSON.stringify(box)}`);
  }
  const lo = requireFinite(box[0], 'winSetDiagram game.box[0]');
  const hi = requireFinite(box[1], 'winSetDiagram game.box[1]');
  if (!(lo < hi))
    throw new UserError(`winSetDiagram game.box: expected lo < hi, got [${lo}, ${hi}]`);
  return [lo, hi];
}

/** Checks that there is at least one country and the names are non-empty and distinct. */
function checkCountries(countries: readonly { name: string }[]): string[] {
  if (!Array.isArray(countries) || countries.length === 0) {
    throw new UserError('winSetDiagram game.countries: expected at least one country');
  }
  const names = countries.map((c, i) =>
    requireName(c.name, `winSetDiagram game.countries[${i}].name`),
  );
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) {
    throw new UserError(
      `winSetDiagram game.countries: the name ${JSON.stringify(twice)} appears twice`,
    );
  }
  return names;
}

/** Checks a coordinate lies in `[lo, hi]`. */
function pointInBox(v: unknown, lo: number, hi: number, where: string): number {
  const x = requireFinite(v, where);
  if (x < lo || x > hi) throw new UserError(`${where}: ${x} lies outside the box [${lo}, ${hi}]`);
  return x;
}

/** Checks a union of intervals: each `[a, b]` with `lo <= a <= b <= hi`. */
function checkIntervals(intervals: unknown, where: string, lo: number, hi: number): Interval[] {
  if (!Array.isArray(intervals)) {
    throw new UserError(
      `${where}: expected an array of intervals [a, b], got ${JSON.stringify(intervals)}`,
    );
  }
  return intervals.map((iv, k) => {
    if (!Array.isArray(iv) || iv.length !== 2) {
      throw new UserError(`${where}[${k}]: expected an interval [a, b], got ${JSON.stringify(iv)}`);
    }
    const a = pointInBox(iv[0], lo, hi, `${where}[${k}][0]`);
    const b = pointInBox(iv[1], lo, hi, `${where}[${k}][1]`);
    if (a > b) throw new UserError(`${where}[${k}]: expected a <= b, got [${a}, ${b}]`);
    return [a, b];
  });
}

/** Checks offers: integer rounds, proposers among the countries. */
function checkOffers<X>(offers: readonly Offer<X>[], names: string[]): Offer<X>[] {
  if (!Array.isArray(offers)) {
    throw new UserError('winSetDiagram game.offers: expected an array (empty when none were made)');
  }
  return offers.map((o, i) => {
    const round = requireFinite(o.round, `winSetDiagram game.offers[${i}].round`);
    if (!Number.isInteger(round)) {
      throw new UserError(
        `winSetDiagram game.offers[${i}].round: expected an integer, got ${round}`,
      );
    }
    if (!names.includes(o.proposer)) {
      throw new UserError(
        `winSetDiagram game.offers[${i}].proposer: ${JSON.stringify(o.proposer)} is not a country; countries: ${names.join(', ')}`,
      );
    }
    return o;
  });
}
