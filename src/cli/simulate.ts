import { dirname, extname } from 'node:path';
import { type WinSetGame, winSetDiagram } from '../charts/winSetDiagram.ts';
import { checkGameBudget } from '../engine/budget.ts';
import { UserError } from '../errors.ts';
import type { Profile } from '../model/profile.ts';
import { sobolPoints } from '../model/sobol.ts';
import { createIntervals, winSet } from '../model/winSet.ts';
import { winSetContains } from '../model/winSetSize.ts';
import { createGame } from '../negotiation/game.ts';
import { loadProtocolModule } from '../negotiation/protocols/registry.ts';
import type { GameRecord } from '../negotiation/record.ts';
import type { TraceEvent } from '../negotiation/trace.ts';
import { loadScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { type Command, parseFlags } from './command.ts';

/** Points of the 2-D diagram at which each country's acceptance is drawn. */
const DIAGRAM_POINTS = 2048;
const FORMATS = ['svg', 'png', 'pdf'] as const;

const format = (x: number) =>
  Number.isNaN(x) ? '-' : Number.isInteger(x) ? String(x) : x.toPrecision(4);
const vector = (v: ArrayLike<number>) =>
  v.length === 1 ? format(v[0]!) : `(${Array.from(v, format).join(', ')})`;

/** The record as plain JSON: typed arrays as arrays, NaN as null. */
export function recordJson(r: GameRecord) {
  const list = (v: Float64Array) => Array.from(v, (x) => (Number.isNaN(x) ? null : x));
  return {
    ...r,
    agreement: list(r.agreement),
    medianGain: list(r.medianGain),
    negotiatorGain: list(r.negotiatorGain),
    winSetSize: list(r.winSetSize),
    sidePayments: list(r.sidePayments),
  };
}

/** The record, readably. */
export function printRecord(scenario: Scenario, file: string, r: GameRecord) {
  const names = scenario.countries.map((c) => c.name);
  const { D } = scenario.space;
  console.log(
    `${file}: ${scenario.form} form, D = ${D}, ${names.length} countries, protocol ${scenario.protocol.name}, seed ${r.seed}`,
  );
  const defector = r.defector >= 0 ? ` by ${names[r.defector]}` : '';
  const period = r.defectionPeriod > 0 ? ` in period ${r.defectionPeriod}` : '';
  console.log(
    `\noutcome      ${r.outcome}${defector}${period} (${r.rounds} rounds, ${r.reopenings} reopenings)`,
  );
  console.log(`agreement    ${vector(r.agreement)}`);
  console.log(
    `overlap      true ${format(r.overlapSize)}, believed ${format(r.believedOverlapSize)}`,
  );
  console.log(`\ncountry  |W_i|    median gain  negotiator gain  side payments`);
  names.forEach((name, i) => {
    const cells = [r.winSetSize[i]!, r.medianGain[i]!, r.negotiatorGain[i]!, r.sidePayments[i]!];
    console.log(
      `${name.padEnd(8)} ${cells.map((c, t) => format(c).padEnd([8, 12, 16, 13][t]!)).join(' ')}`,
    );
  });
}

/** One line per traced event. */
export function describeEvent(e: TraceEvent, names: string[]): string | null {
  const list = (v: number[]) => v.map(format).join(', ');
  switch (e.type) {
    case 'levelII':
      return null;
    case 'session':
      return `-- session ${e.session}: ${e.candidates} candidates, believed overlap ${format(e.believedOverlap)}`;
    case 'aspirations':
      return `round ${e.round}: aspirations ${list(e.values)}`;
    case 'offer':
      return `round ${e.round}: ${names[e.proposer]} offers ${vector(e.x)}; believes ratification ${names.map((n, k) => `${n} ${format(e.believed[k]!)}`).join(', ')}`;
    case 'pass':
      return `round ${e.round}: ${names[e.proposer]} has nothing to offer`;
    case 'reverberation':
      return `  reverberation in ${names[e.country]}: median ${vector(e.medianBefore)} -> ${vector(e.medianAfter)}`;
    case 'response':
      return `  ${names[e.responder]} ${e.accepted ? 'accepts' : 'rejects'} (believes own ratification ${format(e.believed)}, utility ${format(e.utility)}, aspiration ${format(e.aspiration)})`;
    case 'tentative':
      return `tentative agreement ${vector(e.x)}`;
    case 'payment':
      return `  ${names[e.payer]} pays ${e.recipients} no-voters of ${names[e.country]} ${format(e.amount)}`;
    case 'vote':
      return `  ${e.period === 0 ? 'ratification' : `period ${e.period}`}: ${names[e.country]} ${e.passed ? 'passes' : 'fails'} (yes shares ${list(e.yesShares)})${e.executive ? ', decided by its executive' : ''}`;
    case 'learning':
      return `  ${names[e.negotiator]} learns about ${names[e.country]}: ${e.kept} particles ${e.redrawn ? 'redrawn' : 'kept'}`;
    case 'drift':
      return `  period ${e.period}: ${names[e.country]} drifts by ${vector(e.shift)}`;
    case 'consultation':
      return `${names[e.negotiator]} polls ${e.poll} of his constituents: his own error shrinks by ${list(e.scale)}`;
    case 'announcement':
      return `${names[e.negotiator]} announces a win-set of ${format(e.ratifiableShare)} of the candidates (credibility ${format(e.credibility)})`;
    case 'bluff':
      return `  ${names[e.negotiator]}'s announcement was a bluff: his credibility falls to ${format(e.credibility)}`;
    case 'outcome':
      return `outcome ${e.outcome}${e.defector >= 0 ? ` (${names[e.defector]})` : ''} after ${e.rounds} rounds`;
  }
}

/** Prints a game's trace, one line per event that `describeEvent` describes, then a blank line. */
export function printTrace(events: TraceEvent[], names: string[]) {
  for (const e of events) {
    const line = describeEvent(e, names);
    if (line !== null) console.log(line);
  }
  console.log('');
}

/** Putnam's Figure 1 for the traced game (1-D: win-set bars; 2-D: acceptance clouds). */
export function diagramInput(scenario: Scenario, events: TraceEvent[], r: GameRecord): WinSetGame {
  const { D, lo, hi } = scenario.space;
  const names = scenario.countries.map((c) => c.name);
  const box: [number, number] = [lo, hi];
  let profiles: Profile[] = [];
  let believed: [number, number][][] = [];
  const offers: { round: number; proposer: string; x: number[] }[] = [];
  for (const e of events) {
    if (e.type === 'levelII') profiles = e.profiles;
    if (e.type === 'session' && e.session === 0) believed = e.believedWinSets;
    if (e.type === 'offer') offers.push({ round: e.round, proposer: names[e.proposer]!, x: e.x });
  }
  const agreed = r.outcome === 'agreement' || r.outcome === 'voluntary_defection';
  if (D === 1) {
    return {
      D: 1,
      box,
      countries: profiles.map((p, k) => {
        const w = winSet(p, box, {}, createIntervals());
        return {
          name: names[k]!,
          reversion: p.reversion[0]!,
          trueWinSet: Array.from({ length: w.count }, (_, t): [number, number] => [
            w.lo[t]!,
            w.hi[t]!,
          ]),
          believedWinSet: believed[k] ?? [],
        };
      }),
      offers: offers.map((o) => ({ ...o, x: o.x[0]! })),
      agreement: agreed ? r.agreement[0]! : null,
    };
  }
  const unit = sobolPoints(DIAGRAM_POINTS, 2);
  const point = new Float64Array(2);
  return {
    D: 2,
    box,
    countries: profiles.map((p, k) => {
      const acceptance: [number, number][] = [];
      for (let t = 0; t < DIAGRAM_POINTS; t++) {
        point[0] = lo + (hi - lo) * unit[2 * t]!;
        point[1] = lo + (hi - lo) * unit[2 * t + 1]!;
        if (winSetContains(p, point)) acceptance.push([point[0], point[1]]);
      }
      return { name: names[k]!, reversion: [p.reversion[0]!, p.reversion[1]!], acceptance };
    }),
    offers: offers.map((o) => ({ ...o, x: [o.x[0]!, o.x[1]!] as [number, number] })),
    agreement: agreed ? [r.agreement[0]!, r.agreement[1]!] : null,
  };
}

/** `twolevel simulate`: plays one game and prints its record, its trace, its diagram. */
export const command: Command = {
  name: 'simulate',
  summary: 'play one two-level game and print its record (and its trace or diagram)',
  help: `Usage: twolevel simulate <scenario.json> [--seed S] [--trace] [--json] [--svg FILE]

Plays one game of the scenario with run seed S (the same seed a run of an experiment would
pass; every random stream is a named sub-stream of it) and prints its record: the outcome,
who defected, rounds and reopenings, the agreement, each country's win-set size and gains,
the true and believed overlap, side payments.

Options:
  --seed S     run seed, any string or number (default 1)
  --trace      print the game round by round: offers, beliefs, responses, reverberation,
               payments, votes
  --json       print the record (and with --trace the events) as JSON
  --force      play a game the estimate refuses (too big for memory, or too long)
  --svg FILE   draw Putnam's Figure 1 for this game (D = 1 or 2): true and believed
               win-sets, reversions, the offers in order and the agreement. FILE's
               extension picks the format: .svg (default), .png or .pdf; the Vega-Lite
               spec is written next to it as .vl.json

Example:
  twolevel simulate experiments/scenarios/putnam-figure1-small-winset.json --seed 7 --trace
  twolevel simulate experiments/scenarios/bonn-package-deal.json --svg results/figures/bonn.svg`,
  async run(argv) {
    const { values, positionals } = parseFlags('simulate', argv, {
      seed: { type: 'string', default: '1' },
      force: { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      svg: { type: 'string' },
    });
    if (positionals.length !== 1) {
      throw new UserError(
        `twolevel simulate: expected one scenario file, got ${positionals.length === 0 ? 'none' : positionals.join(' ')}\nRun 'twolevel simulate --help' for usage.`,
      );
    }
    const file = positionals[0]!;
    const scenario = loadScenario(file);
    checkGameBudget(scenario, file, 1, values.force);
    const svg = values.svg;
    let figureFormat: (typeof FORMATS)[number] = 'svg';
    if (svg !== undefined) {
      const extension = extname(svg).slice(1).toLowerCase();
      if (extension !== '') {
        if (!(FORMATS as readonly string[]).includes(extension)) {
          throw new UserError(`--svg: expected a file ending in .svg, .png or .pdf, got '${svg}'`);
        }
        figureFormat = extension as (typeof FORMATS)[number];
      }
      if (scenario.space.D > 2) {
        throw new UserError(
          `--svg: the win-set diagram draws one or two dimensions; ${file} has space.D = ${scenario.space.D}`,
        );
      }
    }
    await loadProtocolModule(scenario, dirname(file));
    const events: TraceEvent[] = [];
    const traced = values.trace || svg !== undefined;
    const record = createGame(scenario).play(values.seed, traced ? events : undefined);
    const names = scenario.countries.map((c) => c.name);
    if (values.json) {
      const trace = values.trace ? { trace: events.filter((e) => e.type !== 'levelII') } : {};
      console.log(
        JSON.stringify({ scenario: file, record: recordJson(record), ...trace }, null, 2),
      );
    } else {
      if (values.trace) printTrace(events, names);
      printRecord(scenario, file, record);
    }
    if (svg !== undefined) {
      const { renderFigure } = await import('../charts/render.ts');
      const base = extname(svg) === '' ? svg : svg.slice(0, -extname(svg).length);
      const spec = winSetDiagram(diagramInput(scenario, events, record), {
        theme: 'paper',
        columns: 2,
        title: `${scenario.protocol.name}, seed ${values.seed}: ${record.outcome.replace('_', ' ')}`,
      });
      const written = await renderFigure(spec, base, [figureFormat]);
      if (!values.json) console.log(`\nwrote ${written.join(', ')}`);
    }
  },
};
