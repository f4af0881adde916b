import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParameterColumn, RunLayout } from '../engine/columns.ts';
import { designCells } from '../engine/designs/index.ts';
import type { Experiment } from '../engine/experiment.ts';
import { type CellValue, cellKey } from '../engine/seeds.ts';
import { UserError } from '../errors.ts';
import { writeAtomic } from './atomic.ts';
import type { TableFormat } from './codecs/index.ts';
import { MANIFEST } from './folder.ts';
import type { Software } from './software.ts';

/** Part `index` (1-based) of `count` shards: the cells whose index is `index - 1` mod `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** A cell of the design as the manifest lists it. */
export interface ManifestCell {
  index: number;
  key: string;
  values: Record<string, CellValue>;
}

/**
 * Designs of at most this many cells list them in `manifest.json`; a larger design's cells
 * are left out of the file (they would take some 100 bytes each) and made again from the
 * design (its parameters, kind and seed) when the manifest is read.
 */
export const LISTED_CELLS = 10_000;

/**
 * `manifest.json`: what a results folder holds and how it was made. Everything but
 * `timing` follows from the experiment, the software and how far the sweep got, so two
 * folders of the same sweep have equal manifests apart from `timing` (and `software`
 * when made on different machines).
 */
export interface Manifest {
  format: 2;
  /** `running` while batches are missing, `complete` once every output is in place. */
  status: 'running' | 'complete';
  /** The experiment as run (overrides applied), its base scenario validated. */
  experiment: Experiment;
  fingerprint: string;
  masterSeed: string | number;
  crn: boolean;
  shard: Shard | null;
  /** The formats of the per-run files (none for `--runs none`). */
  runs: TableFormat[];
  layout: RunLayout;
  /** The varied parameters: path, column name in the cells tables, column type. */
  parameters: ParameterColumn[];
  outcomes: readonly string[];
  batchSize: number;
  /**
   * Every cell of the design (all shards), with its key: in the file for a design of at most
   * {@link LISTED_CELLS} cells, else made from the design on first use ({@link unlistedCells}).
   */
  cells: ManifestCell[];
  /** Cells this folder holds (all, or this shard's). */
  cellsHere: number;
  /** Runs of the sweep (this shard); with adaptive replications, at most, until complete. */
  runsTotal: number;
  runsDone: number;
  /**
   * With adaptive replications, once complete: each cell's runs and whether the Wilson 95%
   * half-width of its target came down to `halfWidth` (false: it stopped at `max`).
   */
  adaptive?: { cell: number; runs: number; met: boolean }[];
  /**
   * Once complete: the SHA-256 of the journal (which holds each batch's sums and run files'
   * checksums) and of each cells file, by name.
   */
  integrity: { journal: string; files: Record<string, string> } | null;
  software: Software;
  timing: {
    startedAt: string;
    finishedAt: string | null;
    /** Runs per second of the last session (a resumed sweep: since it resumed). */
    runsPerSecond: number | null;
  };
}

/**
 * Reads a folder's manifest, or undefined when there is none.
 *
 * @throws UserError when `manifest.json` exists but is not a manifest (damaged or edited)
 */
export function readManifest(out: string): Manifest | undefined {
  const file = join(out, MANIFEST);
  if (!existsSync(file)) return undefined;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (error) {
    throw new UserError(
      `${file} is damaged (${(error as Error).message}); it cannot be repaired from the folder: run the experiment again into a new --out folder.`,
    );
  }
  if (manifest?.format !== 2 || !Array.isArray(manifest.runs) || !manifest.experiment) {
    throw new UserError(
      `${file} is not a manifest this version of twolevel reads (format ${JSON.stringify(manifest?.format)}, expected 2); run the experiment again into a new --out folder.`,
    );
  }
  if (manifest.cells === undefined) {
    const { parameters, design, seed } = manifest.experiment;
    unlistedCells(manifest, () =>
      designCells(parameters, design, seed).map(({ index, values }) => ({
        index,
        key: cellKey(values),
        values,
      })),
    );
  }
  return manifest;
}

/**
 * Makes `manifest.cells` a design's cells that the file does not list: made by `make` when
 * first read, and left out when the manifest is written (the property is not enumerable).
 */
export function unlistedCells(manifest: Manifest, make: () => ManifestCell[]) {
  let cells: ManifestCell[] | undefined;
  Object.defineProperty(manifest, 'cells', {
    get: () => (cells ??= make()),
    enumerable: false,
    configurable: true,
  });
}

/** Writes a folder's manifest atomically. */
export function writeManifest(out: string, manifest: Manifest) {
  writeAtomic(join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * The runs a folder holds of one cell: the experiment's replications, or with adaptive
 * replication the cell's own count once complete (`max` until then).
 */
export function runsOfCell(manifest: Manifest, cell: number): number {
  const { replications } = manifest.experiment;
  if (typeof replications === 'number') return replications;
  return manifest.adaptive?.find((a) => a.cell === cell)?.runs ?? replications.max;
}
