/*
 * Sobol indices: first-order and total indices of k = 6 parameters from N = 1,024 base
 * points (8,192 cells of a saltelli design), corrected for replication noise, with 1,000
 * bootstrap resamples of the base points; and PRIM on 2,000 cells in 3 dimensions.
 */
import seedrandom from 'seedrandom';
import { pastePrimBox, prim } from '../src/analysis/prim.ts';
import { sobolIndices } from '../src/analysis/sobolIndices.ts';
import { designCells } from '../src/engine/designs/index.ts';

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
