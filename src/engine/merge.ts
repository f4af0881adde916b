import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.ts';
import { writeAtomic } from '../results/atomic.ts';
import { checkOutputFolder, prepareFolder } from '../results/folder.ts';
import { type BatchEntry, writeJournal } from '../results/journal.ts';
import { lockFolder } from '../results/lock.ts';
import { type Manifest, readManifest, writeManifest } from '../results/manifest.ts';
import {
  damageMessage,
  verifyCellsFiles,
  verifyJournal,
  verifyRunFiles,
} from '../results/verify.ts';
import { addSums, sumsLength } from './columns.ts';
import { type CellTotals, writeCells, writeReadme } from './store.ts';

/** Reads and checks the shard folders' manifests: complete shards of one sweep, each once. */
function shardManifests(folders: readonly string[]): Manifest[] {
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
  return manifests;
}

/**
 * Combines the folders of the shards `1/n .. n/n` of one sweep into `out`, giving exactly
 * the files a single unsharded run writes (its manifest differs only in `timing`): each
 * shard is checked first (journal, run files and cells files against their checksums),
 * the run files are copied as they are, the journals joined, and the cells tables written
 * from the journalled batch sums added in batch order, as a single run adds them.
 *
 * @param folders the shards' output folders, in any order
 * @param out the merged folder: not inside a shard, holding no file a sweep writes (it may
 * hold the shards, as a SLURM sweep's folder does)
 * @returns the number of runs merged
 * @throws UserError when a folder is not a complete shard or is damaged (naming the file),
 * shards of different sweeps are mixed, a shard is missing or repeated, or `out` is in the way
 */
export function mergeShards(folders: readonly string[], out: string): number {
  if (folders.length === 0) throw new UserError('merge: expected at least one shard folder');
  if (readManifest(out)) {
    throw new UserError(`merge: ${out} already holds results; choose an empty --out folder`);
  }
  checkOutputFolder(out, 'merge', { inputs: folders, onlyReplaced: true });
  const manifests = shardManifests(folders);
  const sources: { entry: BatchEntry; folder: string }[] = [];
  folders.forEach((folder, k) => {
    const { entries, damage } = verifyJournal(folder, manifests[k]!);
    damage.push(...verifyRunFiles(folder, entries), ...verifyCellsFiles(folder, manifests[k]!));
    if (damage.length > 0) throw new UserError(damageMessage('merge', folder, damage));
    for (const entry of entries) sources.push({ entry, folder });
  });
  const first = manifests[0]!;
  prepareFolder(out, first.runs.length > 0);
  const release = lockFolder(out, 'merge');
  try {
    for (const { entry, folder } of sources) {
      for (const file of Object.keys(entry.files)) {
        writeAtomic(join(out, file), readFileSync(join(folder, file)));
      }
    }
    const batches = sources
      .map((s) => s.entry)
      .sort((a, b) => a.cell - b.cell || a.batch - b.batch);
    const totals = new Map<number, Float64Array>();
    for (const e of batches) {
      if (!totals.has(e.cell)) totals.set(e.cell, new Float64Array(sumsLength(first.layout)));
      addSums(totals.get(e.cell)!, e.sums);
    }
    const cells: CellTotals[] = first.cells.map((c) => {
      const s = totals.get(c.index);
      if (!s) throw new UserError(`merge: no shard holds cell ${c.index} ${c.key}`);
      return { ...c, sums: s };
    });
    const files = writeCells(out, first.layout, first.parameters, cells);
    writeReadme(out, first.experiment.name, first.layout, first.parameters, first.runs);
    const journal = writeJournal(out, batches);
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
      integrity: { journal, files },
      timing: { startedAt, finishedAt: new Date().toISOString(), runsPerSecond: null },
    });
    return runsDone;
  } finally {
    release();
  }
}
