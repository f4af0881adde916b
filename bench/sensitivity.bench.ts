/*
 * Sobol indices: first-order and total indices of k = 6 parameters from N = 1,024 base
 * points (8,192 cells of a saltelli design), corrected for replication noise, with 1,000
 * bootstrap resamples of the base points; Morris measures of k = 6 parameters from r = 100
 * trajectories with 1,000 bootstrap resamples, and Campolongo's selection of r = 20 of 500
 * candidate trajectories; and PRIM on 2,000 cells in 3 dimensions.
 */
import seedrandom from 'seedrandom';
import { morrisMeasures } from '../src/analysis/morrisMeasures.ts';
import { pastePrimBox, prim } from '../src/analysis/prim.ts';
import { sobolIndices } from '../src/analysis/sobolIndices.ts';
import { designCells } from '../src/engine/designs/index.ts';
import { morrisTrajectories } from '../src/engine/designs/morris.ts';

/** Best wall time of `runs` calls, in milliseconds. */
function best(work: () => void, runs = 3): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

export default async function bench() {
  const k = 6;
  const N = 1024;
  const a = [0, 1, 4.5, 9, 99, 99];
  const parameters = a.map((_, i) => ({ path: `x${i}`, range: [0, 1] as [number, number] }));
  const cells = designCells(parameters, { kind: 'saltelli', baseCells: N }, 'bench');
  // Sobol's G function as a rate, with the noise of 200 runs per cell.
  const y = Float64Array.from(
    cells,
    (c) =>
      a.reduce(
        (p, ai, i) => (p * (Math.abs(4 * (c.values[`x${i}`] as number) - 2) + ai)) / (1 + ai),
        1,
      ) / 4,
  );
  const noise = Float64Array.from(y, (p) => (p * (1 - p)) / 199);
  const ms = best(() => void sobolIndices(y, k, noise, { resamples: 1000 }));
  console.log(
    `Sobol indices, k = ${k}, N = ${N} (${cells.length} cells), 1,000 bootstrap resamples, noise-corrected: ${ms.toFixed(0)} ms (best of 3)`,
  );
  // Morris: elementary effects of the G function's shape, with the noise of 200 runs per cell.
  const r = 100;
  const effectsRandom = seedrandom.alea('bench-morris');
  const effects = Float64Array.from(
    { length: r * k },
    (_, j) => (4 * effectsRandom() - 2) / (1 + a[j % k]!),
  );
  const effectNoise = Float64Array.from(effects, () => (2 * 0.25) / 199 / (2 / 3) ** 2);
  const morrisMs = best(() => void morrisMeasures(effects, k, effectNoise, { resamples: 1000 }));
  console.log(
    `Morris measures, k = ${k}, r = ${r} trajectories (${r * (k + 1)} cells), 1,000 bootstrap resamples: ${morrisMs.toFixed(0)} ms (best of 3)`,
  );
  const design = { kind: 'morris' as const, trajectories: 20, levels: 4, candidates: 500 };
  const selectMs = best(
    () => void morrisTrajectories(parameters, design, seedrandom.alea('bench')),
    1,
  );
  console.log(
    `Campolongo selection, k = ${k}, 20 of 500 candidate trajectories on 4 levels: ${selectMs.toFixed(0)} ms`,
  );
  const random = seedrandom.alea('bench-prim');
  const n = 2000;
  const x = [0, 1, 2].map(() => Float64Array.from({ length: n }, () => random()));
  const cases = Float64Array.from({ length: n }, (_, i) =>
    x[0]![i]! > 0.2 && x[0]![i]! < 0.5 && x[1]![i]! > 0.6 && x[1]![i]! < 0.9 ? 1 : 0,
  );
  const primMs = best(() => {
    const { trajectory } = prim(x, cases);
    pastePrimBox(x, cases, trajectory.at(-1)!);
  });
  console.log(
    `PRIM, 2,000 cells, 3 parameters, peel and paste: ${primMs.toFixed(0)} ms (best of 3)`,
  );
}
