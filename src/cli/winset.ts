import { checkGameBudget } from '../engine/budget.ts';
import { UserError } from '../errors.ts';
import type { Intervals } from '../model/intervals.ts';
import type { Profile } from '../model/profile.ts';
import { singleIssueOverlap } from '../model/singleIssue.ts';
import { DEFAULT_SIZE_POINTS } from '../model/winSetSize.ts';
import { createLevelII, drawLevelII } from '../negotiation/levelII.ts';
import { runStreams } from '../negotiation/streams.ts';
import { loadScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { type Command, parseFlags } from './command.ts';

/** One country's realised Level II, as printed. */
interface CountryWinSet {
  name: string;
  constituents: number;
  reversion: number[];
  median: number[];
  /** 1-D only: the win-set's intervals `[lo, hi]`. */
  intervals?: [number, number][];
  /** `|W_i|`: length in 1-D, else by the Sobol point set. */
  size: number;
}

function pairs(iv: Intervals): [number, number][] {
  return Array.from({ length: iv.count }, (_, t) => [iv.lo[t]!, iv.hi[t]!]);
}

/**
 * Draws run `seed`'s Level II exactly as the game does (`drawLevelII`: country `i` from the
 * stream `levelII/<name>`) and reads off the win-sets and their overlap.
 */
function realise(scenario: Scenario, seed: string) {
  const D = scenario.space.D;
  const levelII = drawLevelII(createLevelII(scenario), scenario, runStreams(scenario).start(seed));
  const countries: CountryWinSet[] = levelII.truth.map((p, i) => ({
    name: scenario.countries[i]!.name,
    constituents: p.M,
    reversion: Array.from(p.reversion),
    median: Array.from(levelII.median.subarray(i * D, i * D + D)),
    ...(D === 1 ? { intervals: pairs(levelII.winSets[i]!) } : {}),
    size: levelII.winSetSize[i]!,
  }));
  const overlap =
    D === 1
      ? { intervals: pairs(levelII.overlap), size: levelII.overlapSize }
      : { size: levelII.overlapSize };
  return { countries, overlap, singleIssue: singleIssueOverlaps(scenario, levelII.truth) };
}

/**
 * When `D > 1` and every country has the same reversion: per issue `x_d`, the overlap of the
 * single-issue win-sets (`x_d` moves, every other issue at the reversion; MODEL.md 9.6).
 */
function singleIssueOverlaps(scenario: Scenario, truth: Profile[]) {
  const { D, lo, hi } = scenario.space;
  const q = truth[0]!.reversion;
  if (D === 1 || truth.some((p) => p.reversion.some((v, d) => v !== q[d]))) return undefined;
  return Array.from({ length: D }, (_, d) => ({
    issue: d + 1,
    intervals: pairs(singleIssueOverlap(truth, d, [lo, hi])),
  }));
}

const format = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(6));
const vector = (v: number[]) => (v.length === 1 ? format(v[0]!) : `(${v.map(format).join(', ')})`);
const union = (list: [number, number][]) =>
  list.length === 0
    ? 'empty'
    : list.map(([lo, hi]) => `[${format(lo)}, ${format(hi)}]`).join(' ∪ ');

/** `twolevel winset`: one realisation of every country's win-set and their overlap. */
export const command: Command = {
  name: 'winset',
  summary: "draw each country's Level II once and print its win-set and the overlap",
  help: `Usage: twolevel winset <scenario.json> [--seed S] [--json]

Draws one realisation of every country's constituents (country i from the sub-stream
'levelII/<name>' of the run seed S, as a simulation run with that seed does) and prints, per
country, its win-set W_i (the agreements its Level II ratifies under the expected vote: the
intervals in one dimension), the size |W_i| (length; area or volume by ${DEFAULT_SIZE_POINTS}
Sobol points when D > 1), its median constituent and its reversion q_i; then the overlap of
all the win-sets and its size. When D > 1 and the countries share their reversion, also the
agreements on one issue alone that every country ratifies (the others at the reversion).

Options:
  --seed S   run seed, any string or number (default 1)
  --json     print the same as JSON
  --force    draw a Level II the estimate refuses (too big for memory, or too long)

Example:
  echo '{"countries": [{"reversion": 0}, {"reversion": 1}]}' > two.json
  twolevel winset two.json --seed 7`,
  run(argv) {
    const { values, positionals } = parseFlags('winset', argv, {
      seed: { type: 'string', default: '1' },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) {
      throw new UserError(
        `twolevel winset: expected one scenario file, got ${positionals.length === 0 ? 'none' : positionals.join(' ')}\nRun 'twolevel winset --help' for usage.`,
      );
    }
    const file = positionals[0]!;
    const scenario = loadScenario(file);
    checkGameBudget(scenario, file, 1, values.force);
    const seed = values.seed;
    const result = realise(scenario, seed);
    if (values.json) {
      console.log(JSON.stringify({ scenario: file, seed, ...result }, null, 2));
      return;
    }
    const { D, lo, hi } = scenario.space;
    console.log(
      `${file}: ${scenario.form} form, D = ${D}, box [${format(lo)}, ${format(hi)}]${D > 1 ? `^${D}` : ''}, seed ${seed}`,
    );
    for (const c of result.countries) {
      console.log(
        `\n${c.name}: ${c.constituents} constituents, reversion ${vector(c.reversion)}, median constituent ${vector(c.median)}`,
      );
      if (c.intervals) console.log(`  win-set  ${union(c.intervals)}`);
      console.log(`  size     ${format(c.size)}`);
    }
    console.log(`\noverlap of all win-sets`);
    const overlap: { intervals?: [number, number][]; size: number } = result.overlap;
    if (overlap.intervals) console.log(`  ${union(overlap.intervals)}`);
    console.log(`  size     ${format(overlap.size)}`);
    if (result.singleIssue) {
      console.log('\nsingle-issue agreements ratified by all (one issue moves, the others at q)');
      for (const { issue, intervals } of result.singleIssue) {
        console.log(`  x_${issue} alone  ${union(intervals)}`);
      }
    }
  },
};
