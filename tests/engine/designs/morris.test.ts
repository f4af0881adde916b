import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { designSize } from '../../../src/engine/budget.ts';
import { designCells } from '../../../src/engine/designs/index.ts';
import {
  morrisDelta,
  morrisTrajectories,
  morrisTrajectory,
  morrisUnit,
  randomTrajectory,
  selectSpread,
  spread,
  trajectoryDistance,
  trajectoryPoint,
} from '../../../src/engine/designs/morris.ts';
import { parseExperiment } from '../../../src/engine/experiment.ts';
import { cellKey, designSeed } from '../../../src/engine/seeds.ts';

const parameters = [
  { path: 'a', range: [0, 1] as [number, number] },
  { path: 'b', range: [10, 20] as [number, number] },
  { path: 'c', range: [1, 100] as [number, number], scale: 'log' as const },
  { path: 'n', range: [2, 9] as [number, number], integer: true },
];

/** Every k-subset of 0..n-1. */
function* combinations(n: number, r: number, from = 0): Generator<number[]> {
  if (r === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= n - r; i++) {
    for (const rest of combinations(n, r - 1, i + 1)) yield [i, ...rest];
  }
}

describe('morris design', () => {
  it('moves one parameter at a time by +-delta, on the grid, every parameter once', () => {
    for (const p of [2, 4, 6, 8]) {
      const delta = morrisDelta(p);
      expect(delta).toBe(p / (2 * (p - 1)));
      const random = seedrandom.alea(`grid-${p}`);
      for (let t = 0; t < 50; t++) {
        const k = 1 + (t % 6);
        const { levels, order, up } = randomTrajectory(k, p, random);
        expect([...order].sort()).toEqual(Array.from({ length: k }, (_, i) => i));
        for (const level of levels) {
          expect(Number.isInteger(level) && level >= 0 && level <= p - 1).toBe(true);
        }
        for (let s = 1; s <= k; s++) {
          const moved: number[] = [];
          for (let i = 0; i < k; i++) {
            const step = (levels[s * k + i]! - levels[(s - 1) * k + i]!) / (p - 1);
            if (step !== 0) {
              moved.push(i);
              expect(Math.abs(Math.abs(step) - delta)).toBeLessThan(1e-15);
              expect(step > 0).toBe(up[s - 1] === 1);
            }
          }
          expect(moved).toEqual([order[s - 1]]);
        }
      }
    }
  });

  it("builds Morris's B* = (J x* + delta/2 [(2B - J) D* + J]) P* level by level", () => {
    // k = 3, p = 4 (delta = 2/3): x* = (0, 1/3, 0), D* = diag(1, -1, 1), P* moves 2, 0, 1.
    const t = morrisTrajectory([0, 1, 0], [1, 0, 1], [2, 0, 1], 4);
    expect([...t.levels]).toEqual([0, 3, 0, 0, 3, 2, 2, 3, 2, 2, 1, 2]);
    expect([...t.up]).toEqual([1, 1, 0]);
  });

  it('maps levels to each range: linear, log, integer; ends exactly at lo and hi', () => {
    const random = seedrandom.alea('ranges');
    const trajectory = randomTrajectory(4, 4, random);
    for (let s = 0; s <= 4; s++) {
      const values = trajectoryPoint(parameters, trajectory, s, 4);
      parameters.forEach((parameter, i) => {
        const level = trajectory.levels[s * 4 + i]!;
        const v = values[parameter.path] as number;
        if (parameter.integer) {
          expect(v).toBe(Math.round(2 + (level / 3) * 7));
        } else {
          expect(morrisUnit(parameter, v)).toBeCloseTo(level / 3, 14);
        }
        if (level === 0) expect(v).toBe(parameter.range[0]);
        if (level === 3) expect(v).toBe(parameter.range[1]);
      });
    }
    // Log scale: level 1 of 4 on [1, 100] is 100^(1/3).
    const c = parameters[2]!;
    const one = morrisTrajectory([1, 0, 1, 0], [1, 1, 1, 1], [0, 1, 2, 3], 4);
    expect(trajectoryPoint(parameters, one, 0, 4)[c.path]).toBeCloseTo(100 ** (1 / 3), 12);
  });

  it('is reproducible from the seed; a point two trajectories share is one cell', () => {
    const design = { kind: 'morris' as const, trajectories: 20, levels: 4 };
    const cells = designCells(parameters, design, 5);
    expect(designCells(parameters, design, 5)).toEqual(cells);
    expect(designCells(parameters, design, 6)).not.toEqual(cells);
    const keys = cells.map((c) => cellKey(c.values));
    expect(new Set(keys).size).toBe(cells.length);
    // Every point of every trajectory is a cell, and nothing else is.
    const trajectories = morrisTrajectories(parameters, design, seedrandom.alea(designSeed(5)));
    const points = new Set(
      trajectories.flatMap((t) =>
        Array.from({ length: 5 }, (_, s) => cellKey(trajectoryPoint(parameters, t, s, 4))),
      ),
    );
    expect(points).toEqual(new Set(keys));
    expect(cells.length).toBeLessThanOrEqual(20 * 5);
    // The planner's early budget check counts every point drawn, before building the cells.
    expect(designSize(parameters, design)).toBe(20 * 5);
    expect(designSize(parameters, { ...design, candidates: 60 })).toBe(60 * 5);
    // Two parameters on two levels: 4 grid points, so 10 trajectories share them.
    const small = designCells(
      parameters.slice(0, 2),
      { ...design, trajectories: 10, levels: 2 },
      1,
    );
    expect(small.length).toBeLessThanOrEqual(4);
  });

  it("Campolongo's distance: the sum of the Euclidean distances of every pair of points", () => {
    const a = morrisTrajectory([0, 0], [1, 1], [0, 1], 4); // (0,0) (2,0) (2,2)
    const b = morrisTrajectory([1, 1], [0, 0], [1, 0], 4); // (3,3) (3,1) (1,1)
    const unit = (x: number[]) => x.map((v) => v / 3);
    const A = [
      [0, 0],
      [2, 0],
      [2, 2],
    ].map(unit);
    const B = [
      [3, 3],
      [3, 1],
      [1, 1],
    ].map(unit);
    let d = 0;
    for (const p of A) for (const q of B) d += Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!);
    expect(trajectoryDistance(a, b, 2, 4)).toBeCloseTo(d, 14);
  });

  it("Campolongo's selection maximises the spread: exhaustive, and the local search on cases brute force checks", () => {
    const random = seedrandom.alea('campolongo');
    let gaps = 0;
    for (let trial = 0; trial < 20; trial++) {
      const k = 3;
      const M = 10;
      const r = 4;
      const drawn = Array.from({ length: M }, () => randomTrajectory(k, 4, random));
      const squared = new Float64Array(M * M);
      for (let m = 0; m < M; m++) {
        for (let l = 0; l < M; l++) {
          if (m !== l) squared[m * M + l] = trajectoryDistance(drawn[m]!, drawn[l]!, k, 4) ** 2;
        }
      }
      // Brute force: the largest sum of d_ml^2 over the 210 subsets of 4.
      let best = -1;
      for (const subset of combinations(M, r)) {
        let sum = 0;
        for (let i = 0; i < r; i++) {
          for (let j = i + 1; j < r; j++) sum += squared[subset[i]! * M + subset[j]!]!;
        }
        best = Math.max(best, sum);
      }
      const exact = selectSpread(squared, M, r);
      expect(exact).toHaveLength(r);
      expect(spread(exact, squared, M)).toBeCloseTo(best, 10);
      const local = selectSpread(squared, M, r, 0);
      expect(local).toHaveLength(r);
      const ratio = spread(local, squared, M) / best;
      expect(ratio).toBeLessThanOrEqual(1 + 1e-12);
      expect(ratio).toBeGreaterThan(0.97);
      if (ratio < 1 - 1e-12) gaps++;
    }
    // The local search finds the optimum in most of these cases.
    expect(gaps).toBeLessThanOrEqual(4);
  });

  it('the selected trajectories are spread wider than r random ones', () => {
    const design = { kind: 'morris' as const, trajectories: 6, levels: 4 };
    const spreadOf = (candidates?: number) => {
      const ts = morrisTrajectories(
        parameters,
        { ...design, ...(candidates && { candidates }) },
        seedrandom.alea('spread'),
      );
      const squared = new Float64Array(36);
      for (let m = 0; m < 6; m++) {
        for (let l = 0; l < 6; l++)
          squared[m * 6 + l] = trajectoryDistance(ts[m]!, ts[l]!, 4, 4) ** 2;
      }
      return spread([0, 1, 2, 3, 4, 5], squared, 6);
    };
    expect(spreadOf(60)).toBeGreaterThan(spreadOf());
  });

  it('refuses what it cannot build, naming the field', () => {
    const morris = (fields: object) => ({ kind: 'morris', trajectories: 4, levels: 4, ...fields });
    const cells = (ps: object[], fields: object) =>
      designCells(ps as never, morris(fields) as never, 1);
    expect(() => cells(parameters, { levels: 5 })).toThrow(
      /design\.levels: expected an even integer >= 2 \(p; 4 is usual\), got 5/,
    );
    expect(() => cells(parameters, { trajectories: 1 })).toThrow(
      /design\.trajectories: expected an integer >= 2/,
    );
    expect(() => cells(parameters, { candidates: 3 })).toThrow(
      /design\.candidates: expected an integer >= trajectories \(4\)/,
    );
    expect(() => cells([{ path: 'q', values: [1, 2] }], {})).toThrow(
      /parameters\[0\]\.range \('q'\): a morris design moves each parameter over a grid of its range/,
    );
    expect(() => cells([{ path: 'n', range: [0, 1], integer: true }], { levels: 8 })).not.toThrow();
    expect(() => designCells(parameters, morris({}) as never)).toThrow(/seed: a 'morris' design/);
    expect(() => cells(parameters, { cells: 3 })).toThrow(
      /design\.cells: not a field of a 'morris' design \(its fields: kind, trajectories, levels, candidates\)/,
    );
    expect(() =>
      parseExperiment({
        name: 'm',
        parameters,
        design: { kind: 'morris', trajectories: 4, levels: 3 },
        replications: 1,
      } as never),
    ).toThrow(/design\.levels/);
  });
});
