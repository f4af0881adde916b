/**
 * Integrity checks of a results folder against its journal and manifest (see journal.ts):
 * each run file's SHA-256 against its batch's journal line, each journal line against its
 * own checksum, the journal and the cells files against the manifest. A damaged file is
 * named with what is wrong and how to redo it.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checksum } from './checksum.ts';
import { JOURNAL } from './folder.ts';
import { type BatchEntry, readJournal } from './journal.ts';
import { type Manifest, runsOfCell } from './manifest.ts';

/** A damaged or missing file of a results folder, and what is wrong with it. */
export interface Damage {
  file: string;
  problem: string;
  /** The batch it belongs to, when it is a run file or a journal line. */
  batch?: { cell: number; batch: number };
}

/** Checks each run file of the batches against its checksum in the journal. */
export function verifyRunFiles(out: string, entries: readonly BatchEntry[]): Damage[] {
  const damage: Damage[] = [];
  for (const entry of entries) {
    for (const [file, expected] of Object.entries(entry.files)) {
      const path = join(out, file);
      const batch = { cell: entry.cell, batch: entry.batch };
      if (!existsSync(path)) damage.push({ file, problem: 'missing', batch });
      else if (checksum(readFileSync(path)) !== expected) {
        damage.push({
          file,
          problem: 'its checksum differs from the journal (truncated or changed)',
          batch,
        });
      }
    }
  }
  return damage;
}

/** The batches a complete folder must hold: every cell here, every batch of it. */
function expectedBatches(manifest: Manifest): { cell: number; batch: number }[] {
  const { shard, batchSize } = manifest;
  const out: { cell: number; batch: number }[] = [];
  for (const cell of manifest.cells) {
    if (shard && cell.index % shard.count !== shard.index - 1) continue;
    const batches = Math.ceil(runsOfCell(manifest, cell.index) / batchSize);
    for (let b = 0; b < batches; b++) out.push({ cell: cell.index, batch: b });
  }
  return out;
}

/**
 * Checks a complete folder's journal: its checksum against the manifest, each line's own
 * checksum, and that every batch of the folder is there once.
 *
 * @returns the trusted entries and the damage found
 */
export function verifyJournal(
  out: string,
  manifest: Manifest,
): { entries: BatchEntry[]; damage: Damage[] } {
  const damage: Damage[] = [];
  const path = join(out, JOURNAL);
  if (!existsSync(path)) {
    return { entries: [], damage: [{ file: JOURNAL, problem: 'missing' }] };
  }
  if (manifest.integrity && checksum(readFileSync(path)) !== manifest.integrity.journal) {
    damage.push({ file: JOURNAL, problem: 'its checksum differs from the manifest (changed)' });
  }
  const { entries, damaged } = readJournal(out);
  for (const d of damaged) damage.push({ file: `${JOURNAL} line ${d.line}`, problem: d.problem });
  const have = new Set(entries.map((e) => `${e.cell}/${e.batch}`));
  for (const b of expectedBatches(manifest)) {
    if (!have.has(`${b.cell}/${b.batch}`)) {
      damage.push({
        file: JOURNAL,
        problem: `batch ${b.batch} of cell ${b.cell} is not journalled`,
        batch: b,
      });
    }
  }
  return { entries, damage };
}

/** Checks the cells files (`cells.parquet`, ...) against their checksums in the manifest. */
export function verifyCellsFiles(out: string, manifest: Manifest): Damage[] {
  const damage: Damage[] = [];
  for (const [file, expected] of Object.entries(manifest.integrity?.files ?? {})) {
    const path = join(out, file);
    if (!existsSync(path)) damage.push({ file, problem: 'missing' });
    else if (checksum(readFileSync(path)) !== expected) {
      damage.push({
        file,
        problem: 'its checksum differs from the manifest (truncated or changed)',
      });
    }
  }
  return damage;
}

/** Every check of a complete folder: journal, run files, cells files. */
export function verifyFolder(out: string, manifest: Manifest): Damage[] {
  const { entries, damage } = verifyJournal(out, manifest);
  return [...damage, ...verifyRunFiles(out, entries), ...verifyCellsFiles(out, manifest)];
}

/**
 * A message naming the damaged files of a folder (the first ten) and how to redo them.
 *
 * @param what what was being done, e.g. `merge`
 */
export function damageMessage(what: string, out: string, damage: readonly Damage[]): string {
  const lines = damage.slice(0, 10).map((d) => `  ${join(out, d.file)}: ${d.problem}`);
  if (damage.length > 10) lines.push(`  ... and ${damage.length - 10} more`);
  return `${what}: ${out} is damaged (${damage.length} problem${damage.length === 1 ? '' : 's'}):\n${lines.join('\n')}\nRedo the damaged batches and rewrite the folder's tables with --repair: 'twolevel run <experiment file> --repair --out ${out}' (the runs are seeded, so the redone files are the same bytes).`;
}
