/**
 * The journal of a sweep, `batches.ndjson`: one JSON line per finished batch,
 *
 * ```
 * {"cell":3,"batch":0,"sums":"<16 hex digits per double>","files":{"runs/cell-000003-batch-0000.parquet":"<sha256>"},"check":"<sha256>"}
 * ```
 *
 * with the batch's sums stored losslessly ({@link floatsToHex}: Infinity and NaN survive),
 * the SHA-256 of each of its run files, and `check`, the SHA-256 of the line without it, so
 * an edited or damaged line is found. A batch is journalled only after its run files are in
 * place; a torn last line (no newline: the process was killed mid-write) is dropped. When
 * the sweep completes the journal is rewritten in cell and batch order and kept: it is how
 * damaged files are found and redone, and the manifest holds its checksum.
 * @module
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from './atomic.ts';
import { checksum } from './checksum.ts';
import { JOURNAL } from './folder.ts';
import { floatsToHex, hexToFloats } from './lossless.ts';

/** One finished batch. */
export interface BatchEntry {
  cell: number;
  batch: number;
  sums: Float64Array;
  /** SHA-256 of each run file of the batch, by path relative to the folder. */
  files: Record<string, string>;
}

/** A journal line that cannot be trusted: its number (1-based) and why. */
export interface DamagedLine {
  line: number;
  problem: string;
}

/** A batch as one journal line (with its newline). */
export function journalLine(entry: BatchEntry): string {
  const body = JSON.stringify({
    cell: entry.cell,
    batch: entry.batch,
    sums: floatsToHex(entry.sums),
    files: entry.files,
  });
  return `${body.slice(0, -1)},"check":"${checksum(body)}"}\n`;
}

/** Parses one journal line, or says what is wrong with it. */
function parseLine(line: string): BatchEntry | string {
  let value: { cell?: unknown; batch?: unknown; sums?: unknown; files?: unknown; check?: unknown };
  try {
    value = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  const { cell, batch, sums, files, check } = value ?? {};
  if (
    !Number.isInteger(cell) ||
    !Number.isInteger(batch) ||
    typeof sums !== 'string' ||
    typeof files !== 'object' ||
    files === null
  ) {
    return 'missing fields';
  }
  const body = JSON.stringify({ cell, batch, sums, files });
  if (check !== checksum(body)) return 'its checksum does not match (edited or damaged)';
  try {
    return {
      cell: cell as number,
      batch: batch as number,
      sums: hexToFloats(sums),
      files: files as Record<string, string>,
    };
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Reads the journal: its trusted entries and its damaged lines. A torn last line is dropped
 * (and the file rewritten without it, so later appends start on a fresh line).
 */
export function readJournal(out: string): { entries: BatchEntry[]; damaged: DamagedLine[] } {
  const file = join(out, JOURNAL);
  if (!existsSync(file)) return { entries: [], damaged: [] };
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const torn = lines.pop() !== '';
  const entries: BatchEntry[] = [];
  const damaged: DamagedLine[] = [];
  lines.forEach((line, k) => {
    const parsed = parseLine(line);
    if (typeof parsed === 'string') damaged.push({ line: k + 1, problem: parsed });
    else entries.push(parsed);
  });
  if (torn) writeAtomic(file, lines.map((l) => `${l}\n`).join(''));
  return { entries, damaged };
}

/** Appends finished batches to the journal, in one write. */
export function appendJournal(out: string, ...entries: readonly BatchEntry[]) {
  appendFileSync(join(out, JOURNAL), entries.map(journalLine).join(''));
}

/**
 * Rewrites the journal with `entries` in cell, then batch order (atomically), and returns
 * its SHA-256 for the manifest. Two folders with the same batches get the same bytes.
 */
export function writeJournal(out: string, entries: readonly BatchEntry[]): string {
  const text = [...entries]
    .sort((a, b) => a.cell - b.cell || a.batch - b.batch)
    .map(journalLine)
    .join('');
  writeAtomic(join(out, JOURNAL), text);
  return checksum(text);
}
