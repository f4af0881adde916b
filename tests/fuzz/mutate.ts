/*
 * The fuzz test's cases (run in a child process by fuzz.test.ts, so that a hang is a
 * timeout there and not a stuck test runner): seeded mutations of the example scenarios and
 * experiments, each written to a file and put through what the commands do with it (load,
 * validate, plan, play a game). Prints one JSON line per case: a clear error (the message
 * names the file), a valid run, or a crash with its stack.
 *
 *   node --import tsx tests/fuzz/mutate.ts <seed> <scenario cases> <experiment cases> <folder>
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { checkGameBudget, runWork } from '../../src/engine/budget.ts';
import { loadExperiment } from '../../src/engine/load.ts';
import { cellScenario, planExperiment } from '../../src/engine/plan.ts';
import { UserError } from '../../src/errors.ts';
import { createGame } from '../../src/negotiation/game.ts';
import { loadScenario } from '../../src/scenario/parse.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const [seed = 'fuzz', scenarioCases = '200', experimentCases = '100', folder = '/tmp'] =
  process.argv.slice(2);
const random = seedrandom.alea(seed);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** Stands for a list nested 5,000 deep, written into the file's text (too deep to stringify). */
const DEEP = '(nested 5000 deep)';
/** The JSON text of a case, with {@link DEEP} expanded. */
const text = (input: unknown) =>
  JSON.stringify(input).replaceAll(JSON.stringify(DEEP), `${'['.repeat(5000)}${']'.repeat(5000)}`);

/** Values a mutation may put anywhere: edge numbers, wrong types, typos, deep nesting. */
const REPLACEMENTS: (() => unknown)[] = [
  () => pick([0, -1, 1, 0.5, 2, 1e-300, 1e154, -1e154, 1e308, 2 ** 31, 2 ** 53, 1e9, 3.5]),
  () => Number.POSITIVE_INFINITY, // 1e309 in a JSON file
  () => pick(['', 'x', 'normal', 'uniform', 'beta', 'explicit', 'all', '../../x', 'A'.repeat(300)]),
  () => pick([null, true, false]),
  () => pick([[], [0], [0, 1], [1, 0], [0.5, 0.5, 0.5], ['a']]),
  () => pick([{}, { kind: 'normal' }, { kind: 'nope' }, { knd: 'uniform' }]),
  () => DEEP,
];

/** Every path to a value inside `value` (objects and arrays, 12 levels deep), the root included. */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (at.length >= 12) return out;
  if (Array.isArray(value)) value.forEach((v, i) => void paths(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  }
  return out;
}

/** `value` with one random change: a replaced, deleted, doubled or misspelt field. */
function mutate(value: unknown): unknown {
  const copy = structuredClone(value);
  const path = pick(paths(copy));
  if (path.length === 0) return random() < 0.2 ? pick(REPLACEMENTS)() : copy;
  type Node = Record<string | number, unknown> & unknown[];
  const parent = path.slice(0, -1).reduce((v, k) => v[k] as Node, copy as Node);
  const key = path.at(-1)!;
  const operation = random();
  if (typeof parent[key] === 'number' && operation < 0.5) {
    // a plausible edit of a number: scaled, negated, or made a fraction
    parent[key] = (parent[key] as number) * pick([0.5, 2, 10, -1, 1.5, 0.001, 1000]);
  } else if (operation < 0.6) parent[key] = pick(REPLACEMENTS)();
  else if (operation < 0.75) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (operation < 0.85 && Array.isArray(parent))
    parent.push(structuredClone(parent[key as number]));
  else if (typeof key === 'string') {
    // a typo of the key
    parent[`${key.slice(0, -1)}${key.at(-1) === 'e' ? 'a' : 'e'}`] = parent[key];
    delete parent[key];
  } else parent[key] = pick(REPLACEMENTS)();
  return copy;
}

/** How many mutations in a row a case applies: mostly one, sometimes a few. */
const mutations = () => 1 + Math.floor(random() * random() * 4);

/** Games played per valid scenario; games over this many steps are not played (too slow here). */
const GAMES = 2;
const MAX_PLAYED_WORK = 3e7;

/** Plays `GAMES` games and checks the record is a record: a known outcome, finite sizes. */
function play(scenario: ReturnType<typeof loadScenario>) {
  const game = createGame(scenario);
  for (let g = 0; g < GAMES; g++) {
    const record = game.play(`fuzz-${g}`);
    if (!Array.from(record.winSetSize).every(Number.isFinite)) {
      throw new Error(`a win-set size is not finite: ${Array.from(record.winSetSize)}`);
    }
    if (record.outcome === 'agreement' && !Array.from(record.agreement).every(Number.isFinite)) {
      throw new Error(`an agreement is not finite: ${Array.from(record.agreement)}`);
    }
  }
}

/** One case's outcome, printed as a JSON line. */
function report(kind: string, index: number, file: string, outcome: () => Promise<string>) {
  return outcome().then(
    (result) => console.log(JSON.stringify({ kind, index, file, result })),
    (error: unknown) => {
      const clear = error instanceof UserError;
      const message = error instanceof Error ? error.message : String(error);
      console.log(
        JSON.stringify({
          kind,
          index,
          file,
          result: clear ? 'error' : 'crash',
          message: clear ? message.slice(0, 2000) : String((error as Error)?.stack ?? error),
        }),
      );
    },
  );
}

const scenarioDir = join(root, 'experiments', 'scenarios');
const scenarios = readdirSync(scenarioDir)
  .sort()
  .map((f) => JSON.parse(readFileSync(join(scenarioDir, f), 'utf8')) as unknown);
scenarios.push({});

for (let i = 0; i < Number(scenarioCases); i++) {
  let input = pick(scenarios);
  for (let m = mutations(); m > 0; m--) input = mutate(input);
  const file = join(folder, `scenario-${i}.json`);
  writeFileSync(file, text(input));
  await report('scenario', i, file, async () => {
    const scenario = loadScenario(file);
    checkGameBudget(scenario, file, 1, false);
    if (scenario.protocol.module === undefined && runWork(scenario) <= MAX_PLAYED_WORK) {
      play(scenario);
      return 'played';
    }
    return 'valid';
  });
}

const experimentDir = join(root, 'experiments');
const experiments: unknown[] = [];
for (const f of [
  ...readdirSync(experimentDir),
  ...readdirSync(join(experimentDir, 'propositions')).map((p) => `propositions/${p}`),
].sort()) {
  if (!f.endsWith('.ts')) continue;
  experiments.push(
    JSON.parse(JSON.stringify((await loadExperiment(join(experimentDir, f))).experiment)),
  );
}

for (let i = 0; i < Number(experimentCases); i++) {
  let input = pick(experiments);
  for (let m = mutations(); m > 0; m--) input = mutate(input);
  const file = join(folder, `experiment-${i}.json`);
  writeFileSync(file, text(input));
  await report('experiment', i, file, async () => {
    const { experiment, baseDir } = await loadExperiment(file);
    const plan = planExperiment(experiment, { baseDir, source: file, workers: 2 });
    const cell = plan.mine.at(0);
    const scenario = cellScenario(plan, cell, file);
    if (scenario.protocol.module === undefined && runWork(scenario) <= MAX_PLAYED_WORK) {
      play(scenario);
      return 'played';
    }
    return 'planned';
  });
}
