/*
 * Level II speed: exact 1-D win-sets of a 1,001-constituent country (by the sweep over
 * events, and ranked as a game computes its truth's: its constituents' order given, the
 * weights ranked afresh each call), and expected-vote membership tests (`ratifies`) in two
 * dimensions with 101 constituents.
 */
import seedrandom from 'seedrandom';
import { drawProfile, type Profile } from '../src/model/profile.ts';
import { fromUniform } from '../src/model/random.ts';
import { clearRankings } from '../src/model/rankedVote.ts';
import { sobolPoints } from '../src/model/sobol.ts';
import { ratifies } from '../src/model/vote.ts';
import {
  createIntervals,
  createWinSetScratch,
  intervalsSize,
  winSet,
} from '../src/model/winSet.ts';
import { parseScenario, type ScenarioInput } from '../src/scenario/parse.ts';

/** Calls `work` in batches for about `seconds`; returns calls per second. */
function rate(work: () => void, batch: number, seconds = 2): number {
  for (let t = 0; t < batch; t++) work(); // warm-up
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (let t = 0; t < batch; t++) work();
    calls += batch;
  }
  return calls / ((performance.now() - start) / 1000);
}

function profileOf(input: ScenarioInput): Profile {
  return drawProfile(parseScenario(input), 0, fromUniform(seedrandom.alea('bench')));
}

const thousands = (x: number) => Math.round(x).toLocaleString('en-US');

export default async function bench() {
  // A yardstick for the machine: a plain pass summing 1,001 doubles.
  const yard = new Float64Array(1001).fill(0.5);
  let sink = 0;
  const sums = rate(() => {
    let sum = 0;
    for (let i = 0; i < yard.length; i++) sum += yard[i]!;
    sink += sum;
  }, 1000);
  console.log(`machine yardstick: ${thousands(sums)} passes/s summing 1,001 doubles`);

  const out = createIntervals();
  const cases: [string, ScenarioInput][] = [
    [
      'default country A (normal ideal points, q = 0, kappa = 0)',
      { countries: [{ constituents: { count: 1001 } }, {}] },
    ],
    [
      'kappa ~ N(0.01, 0.02), lognormal weights, 2 chambers, 3 parties, d = 0.5',
      {
        countries: [
          {
            reversion: 0.2,
            constituents: {
              count: 1001,
              kappa: { kind: 'normal', mean: 0.01, sd: 0.02 },
              weights: { kind: 'lognormal' },
            },
            ratification: {
              chambers: [{ members: { from: 0, to: 401 }, quota: 0.6 }, { members: 'all' }],
              parties: { kind: 'ideology', count: 3 },
              discipline: 0.5,
            },
          },
          {},
        ],
      },
    ],
  ];
  for (const [label, input] of cases) {
    const p = profileOf(input);
    const perSecond = rate(() => {
      sink += intervalsSize(winSet(p, [0, 1], {}, out));
    }, 100);
    console.log(`winSet, 1-D, M = 1,001, ${label}: ${thousands(perSecond)} win-sets/s`);
  }
  const a = profileOf(cases[0]![1]);
  const order = Int32Array.from({ length: a.M }, (_, j) => j).sort(
    (i, j) => a.ideal[i]! - a.ideal[j]! || i - j,
  );
  const scratch = createWinSetScratch();
  const ranked = rate(() => {
    clearRankings(scratch.rankings);
    sink += intervalsSize(winSet(a, [0, 1], { order }, out, scratch));
  }, 100);
  console.log(
    `winSet, 1-D, M = 1,001, default country A, ranked (its order given, weights ranked each call): ${thousands(ranked)} win-sets/s`,
  );

  const p2 = profileOf({
    space: { D: 2 },
    countries: [{ reversion: [0.2, 0.3], constituents: { count: 101 } }, {}],
  });
  const points = sobolPoints(1024, 2);
  const x = new Float64Array(2);
  let t = 0;
  const perSecond = rate(() => {
    x[0] = points[2 * t]!;
    x[1] = points[2 * t + 1]!;
    t = (t + 1) % 1024;
    if (ratifies(p2, x)) sink++;
  }, 1000);
  console.log(`ratifies (expected vote), D = 2, M = 101: ${thousands(perSecond)} tests/s`);
  if (sink === Number.POSITIVE_INFINITY) console.log(sink);
}
