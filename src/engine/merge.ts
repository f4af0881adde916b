import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.ts';
import { readManifest, writeManifest } from './manifest.ts';
import {
  type CellTotals,
  prepareFolder,
  readCellSums,
  writeAtomic,
  writeCells,
  writeReadme,
} from './store.ts';

/**
 * Combines the folders of the shards `1/n .. n/n` of one sweep into `out`, giving exactly
 * the files a single unsharded run writes (its manifest differs only in `timing`): the
 * run files are copied as they are and `cells.arrow` / `cells.csv` are written from the
 * shards' per-cell sums in cell order.
 *
 * @param folders the shards' output folders, in any order
 * @param out the merged folder (must not hold results yet)
 * @returns the number of runs merged
 * @throws UserError when a folder is not a complete shard, shards of different sweeps are
 * mixed, a shard is missing or repeated, or `out` already holds results
 */
export function mergeShards(folders: readonly string[], out: string): number {
  if (folders.length === 0) throw new UserError('merge: expected at least one shard folder');
  if (readManifest(out)) {
    throw new UserError(`merge: ${out} already holds results; choose an empty --out folder`);
  }
  const manifests = folders.map((folder) => {
    const manifest = readManifest(folder);
    if (!manifest)
      throw new UserError(`merge: ${folder} has no manifest.json (not a results folder)`);
    if (manifest.status !== 'complete') {
      throw new UserError(
        `merge: ${folder} is not complete (${manifest.runsDone}/${manifest.runsTotal} runs); resume it with 'twolevel run' first`,
      );
    }
    if (!manifest.shard)
      throw new UserError(`merge: ${folder} is not a shard (it was run without --shard)`);
    return manifest;
  });
  const first = manifests[0]!;
  const count = first.shard!.count;
  const seen = new Map<number, string>();
  manifests.forEach((m, k) => {
    if (m.fingerprint !== first.fingerprint) {
      throw new UserError(
        `merge: ${folders[k]} is a shard of a different sweep than ${folders[0]} (experiment '${m.experiment.name}' vs '${first.experiment.name}', or a changed definition)`,
      );
    }
    if (m.shard!.count !== count) {
      throw new UserError(
        `merge: ${folders[k]} is shard ${m.shard!.index}/${m.shard!.count}, expected shards of ${count}`,
      );
    }
    const other = seen.get(m.shard!.index);
    if (other)
      throw new UserError(
        `merge: ${folders[k]} and ${other} are both shard ${m.shard!.index}/${count}`,
      );
    seen.set(m.shard!.index, folders[k]!);
  });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) {
    throw new UserError(
      `merge: missing shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')}`,
    );
  }

  prepareFolder(out, first.runs);
  const sums = new Map<number, Float64Array>();
  folders.forEach((folder, k) => {
    for (const [cell, s] of readCellSums(
      join(folder, 'cells.arrow'),
      first.layout,
      first.parameters,
    )) {
      sums.set(cell, s);
    }
    const runs = join(folder, 'runs');
    if (manifests[k]!.runs === 'none' || !existsSync(runs)) return;
    for (const name of readdirSync(runs).sort()) {
      if (!name.endsWith('.tmp'))
        writeAtomic(join(out, 'runs', name), readFileSync(join(runs, name)));
    }
  });
  const cells: CellTotals[] = first.cells.map((c) => {
    const s = sums.get(c.index);
    if (!s) throw new UserError(`merge: no shard holds cell ${c.index} ${c.key}`);
    return { ...c, sums: s };
  });
  writeCells(out, first.layout, first.parameters, cells);
  writeReadme(out, first.experiment.name, first.layout, first.parameters, first.runs);
  const runsDone = manifests.reduce((n, m) => n + m.runsDone, 0);
  const startedAt = manifests.map((m) => m.timing.startedAt).sort()[0]!;
  writeManifest(out, {
    ...first,
    shard: null,
    cellsHere: first.cells.length,
    runsTotal: manifests.reduce((n, m) => n + m.runsTotal, 0),
    runsDone,
    ...(first.adaptive && {
      adaptive: manifests.flatMap((m) => m.adaptive ?? []).sort((a, b) => a.cell - b.cell),
    }),
    timing: { startedAt, finishedAt: new Date().toISOString(), runsPerSecond: null },
  });
  return runsDone;
}
