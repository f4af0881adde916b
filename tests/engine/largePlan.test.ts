import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { gameBytes, MAX_GAME_BYTES } from '../../src/engine/budget.ts';
import { designTable } from '../../src/engine/designs/index.ts';
import { type ExperimentInput, parseExperiment } from '../../src/engine/experiment.ts';
import { createManifest } from '../../src/engine/manifest.ts';
import {
  CHECKED_CELLS,
  cellScenario,
  planExperiment,
  representativeCells,
} from '../../src/engine/plan.ts';
import { designSeed } from '../../src/engine/seeds.ts';
import { LISTED_CELLS, readManifest, writeManifest } from '../../src/results/manifest.ts';
import smallFixture from './fixtures/small.ts';

const QUOTA = 'countries.B.ratification.quota';
const SIGMA = 'countries.A.negotiator.beliefs.sigmaForeign';
const COUNT = 'countries.A.constituents.count';
const PARTICLES = 'countries.A.negotiator.beliefs.particles';
const N = 200_000;

function experiment(extra: Partial<ExperimentInput>) {
  return parseExperiment({ ...smallFixture, replications: 1, ...extra });
}

/**
 * The Latin hypercube's unit coordinates `(pi(i) + U_i) / n` of cells `first` and `last`,
 * drawn as MODEL and lhs.ts say: per parameter, a Fisher-Yates shuffle of the strata with
 * `alea(designSeed(seed))`, then one uniform per cell.
 */
function lhsCoordinates(n: number, parameters: number, seed: number) {
  const random = seedrandom.alea(designSeed(seed));
  const strata = new Int32Array(n);
  const first: number[] = [];
  const last: number[] = [];
  for (let p = 0; p < parameters; p++) {
    for (let i = 0; i < n; i++) strata[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [strata[i], strata[j]] = [strata[j]!, strata[i]!];
    }
    for (let i = 0; i < n; i++) {
      const u = (strata[i]! + random()) / n;
      if (i === 0) first.push(u);
      if (i === n - 1) last.push(u);
    }
  }
  return { first, last };
}

describe('planExperiment: a large design', () => {
  const parameters = [
    { path: QUOTA, range: [0.5, 0.75] as [number, number] },
    { path: SIGMA, range: [0.01, 0.2] as [number, number], scale: 'log' as const },
    { path: COUNT, range: [11, 41] as [number, number], integer: true },
  ];
  const plan = planExperiment(
    experiment({ parameters, design: { kind: 'lhs', cells: N }, seed: 99 }),
  );

  it('has every cell, and its first and last cells where the Latin hypercube puts them', () => {
    expect(plan.cells).toHaveLength(N);
    expect(plan.mine).toHaveLength(N);
    const { first, last } = lhsCoordinates(N, 3, 99);
    const at = ([q, s, c]: number[]) => ({
      [QUOTA]: 0.5 + q! * 0.25,
      [SIGMA]: 0.01 * 20 ** s!,
      [COUNT]: Math.min(41, Math.max(11, Math.round(10.5 + c! * 31))),
    });
    const cell0 = plan.cells.at(0);
    const cellN = plan.cells.at(N - 1);
    expect(cell0.index).toBe(0);
    expect(cellN.index).toBe(N - 1);
    for (const [cell, u] of [
      [cell0, first],
      [cellN, last],
    ] as const) {
      const expected = at(u);
      expect(cell.values[QUOTA]).toBeCloseTo(expected[QUOTA]!, 14);
      expect(cell.values[SIGMA]).toBeCloseTo(expected[SIGMA]!, 14);
      expect(cell.values[COUNT]).toBe(expected[COUNT]);
      expect(cell.key).toBe(
        `{${JSON.stringify(COUNT)}:${cell.values[COUNT]},${JSON.stringify(SIGMA)}:${cell.values[SIGMA]},${JSON.stringify(QUOTA)}:${cell.values[QUOTA]}}`,
      );
    }
  });

  it('holds one float64 per cell and parameter, and lists no cell in its manifest', () => {
    const { table } = plan.cells;
    expect(table.size).toBe(N);
    expect(table.columns.map((c) => [c.values.byteLength, c.levels])).toEqual([
      [8 * N, undefined],
      [8 * N, undefined],
      [8 * N, undefined],
    ]);
    // one point in each of the N strata of the quota
    const strata = new Uint8Array(N);
    for (const q of table.columns[0]!.values) strata[Math.floor(((q - 0.5) / 0.25) * N)]!++;
    expect(strata.every((n) => n === 1)).toBe(true);
    expect(N).toBeGreaterThan(LISTED_CELLS);
    const manifest = createManifest(plan, '2026-01-01T00:00:00.000Z');
    const text = JSON.stringify(manifest);
    expect(text.length).toBeLessThan(20_000);
    expect(Object.keys(JSON.parse(text))).not.toContain('cells');
    // made on demand from the design when read
    expect(manifest.cells).toHaveLength(N);
    expect(manifest.cells[N - 1]).toEqual({
      index: N - 1,
      key: plan.cells.at(N - 1).key,
      values: plan.cells.at(N - 1).values,
    });
  });

  it('reads the unlisted cells back from the design, and a listed cell list as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twolevel-large-plan-'));
    try {
      writeManifest(dir, createManifest(plan, '2026-01-01T00:00:00.000Z'));
      const read = readManifest(dir)!;
      expect(read.cells).toHaveLength(N);
      for (const i of [0, 12_345, N - 1]) {
        const { index, key, values } = plan.cells.at(i);
        expect(read.cells[i]).toEqual({ index, key, values });
      }
      // written again (a complete folder run once more), it still lists none
      writeManifest(dir, read);
      expect(
        Object.keys(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))),
      ).not.toContain('cells');
      // a manifest of toolkit 0.4.0 lists every cell, however many: read as it is
      const listed = [{ index: 0, key: '{"q":1}', values: { q: 1 } }];
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...read, cells: listed }));
      expect(readManifest(dir)!.cells).toEqual(listed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('plays a shard as every n-th cell', () => {
    const shard = planExperiment(
      experiment({ parameters, design: { kind: 'lhs', cells: N }, seed: 99 }),
      { shard: { index: 3, count: 7 } },
    );
    expect(shard.mine).toHaveLength(Math.ceil((N - 2) / 7));
    expect(shard.mine.at(1)).toEqual(plan.cells.at(9));
    expect(shard.mine.at(shard.mine.length - 1).index % 7).toBe(2);
  });
});

describe('planExperiment: checks of a design larger than CHECKED_CELLS', () => {
  const cells = 2 * CHECKED_CELLS;

  it('names the cell and the path of a value out of the schema at a bound of a range', () => {
    const parameters = [
      { path: QUOTA, range: [0.5, 1.0001] as [number, number] },
      { path: SIGMA, range: [0.01, 0.2] as [number, number] },
    ];
    const design = { kind: 'lhs' as const, cells };
    const table = designTable(parameters, design, 5);
    // a few cells have a quota above 1: the first representative cell among them is the
    // cell of the largest quota
    const quotas = table.columns[0]!.values;
    const bad = representativeCells(table).find((i) => quotas[i]! > 1)!;
    expect(quotas[bad]).toBe(Math.max(...quotas));
    expect(quotas.filter((q) => q > 1).length).toBeGreaterThan(1);
    const quota = quotas[bad]!;
    expect(() => planExperiment(experiment({ parameters, design, seed: 5 }))).toThrow(
      `cell ${bad} {"${SIGMA}":${table.columns[1]!.values[bad]},"${QUOTA}":${quota}}: 1 problem(s) in the scenario:\n  scenario.countries[1].ratification.quota: expected a number > 0 and <= 1, got ${quota}`,
    );
  });

  it('names the first cell of an unknown level', () => {
    const parameters = [
      { path: QUOTA, range: [0.5, 0.75] as [number, number] },
      { path: 'protocol.name', values: ['alternating', 'nope'] },
    ];
    const design = { kind: 'random' as const, cells };
    const table = designTable(parameters, design, 6);
    const first = table.columns[1]!.values.indexOf(1);
    expect(() => planExperiment(experiment({ parameters, design, seed: 6 }))).toThrow(
      new RegExp(
        `, cell ${first} \\{.*"protocol.name":"nope"\\}: scenario\\.protocol\\.name: unknown protocol 'nope'; valid: alternating`,
      ),
    );
  });

  it("bounds the largest game by every numeric parameter's largest value", () => {
    const parameters = [
      { path: COUNT, range: [11, 60_000] as [number, number], integer: true },
      { path: PARTICLES, range: [1, 500] as [number, number], integer: true },
      { path: QUOTA, range: [0.5, 0.75] as [number, number] },
    ];
    const input = { parameters, design: { kind: 'lhs' as const, cells }, seed: 25 };
    // each representative cell alone fits in a game's 2 GB
    const forced = planExperiment(experiment(input), { force: true });
    for (const i of representativeCells(forced.cells.table)) {
      expect(gameBytes(cellScenario(forced, forced.cells.at(i)))).toBeLessThan(MAX_GAME_BYTES);
    }
    // but cells near 60,000 constituents and 500 particles do not:
    // 8 (M (2D + 18) + K M (D + 9) + G (N^2 + N + D + 1)) with M = 60,015, K = 501, G = 41
    expect(() => planExperiment(experiment(input))).toThrow(
      /, cell 0 \{.*\} with every numeric parameter at its largest value: one game needs about 2\.25 GB of memory for 2 countries, 60,015 constituents, 501 particles, 41 candidates, D = 1; at most 2\.00 GB per game/,
    );
  });

  it('counts repeated cells by sorting when no column is distinct', () => {
    const parameters = [
      { path: QUOTA, values: [0.5, 0.6, 0.6] },
      { path: 'protocol.name', values: ['alternating', 'ultimatum'] },
    ];
    expect(() =>
      planExperiment(experiment({ parameters, design: { kind: 'random', cells }, seed: 7 })),
    ).toThrow(`the design repeats a cell (${cells} cells, 4 distinct)`);
  });
});
