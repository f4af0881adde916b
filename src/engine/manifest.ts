import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ColumnType, OUTCOMES, type RunLayout } from './columns.ts';
import type { Experiment } from './experiment.ts';
import type { Plan, RunsFormat, Shard } from './plan.ts';
import { writeAtomic } from './store.ts';

/**
 * `manifest.json`: what a results folder holds and how it was made. Everything but
 * `timing` follows from the experiment, the software and how far the sweep got, so two
 * folders of the same sweep have equal manifests apart from `timing` (and `software`
 * when made on different machines).
 */
export interface Manifest {
  format: 1;
  /** `running` while batches are missing, `complete` once every output is in place. */
  status: 'running' | 'complete';
  /** The experiment as run (overrides applied), its base scenario validated. */
  experiment: Experiment;
  fingerprint: string;
  masterSeed: string | number;
  crn: boolean;
  shard: Shard | null;
  runs: RunsFormat;
  layout: RunLayout;
  /** The varied parameters' paths and their column types in `cells.arrow`. */
  parameters: { path: string; type: ColumnType }[];
  outcomes: readonly string[];
  batchSize: number;
  /** Every cell of the design (all shards), with its key. */
  cells: { index: number; key: string; values: Record<string, number | string | boolean> }[];
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
  software: {
    package: { name: string; version: string };
    node: string;
    dependencies: Record<string, string>;
    git: string | null;
  };
  timing: {
    startedAt: string;
    finishedAt: string | null;
    /** Runs per second of the last session (a resumed sweep: since it resumed). */
    runsPerSecond: number | null;
  };
}

/** The package's root: the nearest folder above this file with a package.json (src/ or dist/). */
function packageRoot(): string {
  let folder = new URL('./', import.meta.url);
  while (!existsSync(new URL('package.json', folder)) && folder.pathname !== '/') {
    folder = new URL('../', folder);
  }
  return fileURLToPath(folder);
}

const root = packageRoot();

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

let software: Manifest['software'] | undefined;

/** The package, Node and dependency versions and the git commit of the toolkit, when known. */
export function softwareVersions(): Manifest['software'] {
  if (software) return software;
  const pkg = readJson(join(root, 'package.json')) ?? {};
  const dependencies: Record<string, string> = {};
  for (const name of Object.keys((pkg.dependencies as Record<string, string>) ?? {}).sort()) {
    const version = readJson(join(root, 'node_modules', name, 'package.json'))?.version;
    dependencies[name] = typeof version === 'string' ? version : 'unknown';
  }
  let git: string | null = null;
  if (existsSync(join(root, '.git'))) {
    try {
      git = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, stdio: 'pipe' })
        .toString()
        .trim();
    } catch {
      git = null;
    }
  }
  software = {
    package: { name: String(pkg.name ?? 'twolevel'), version: String(pkg.version ?? '0.0.0') },
    node: process.version,
    dependencies,
    git,
  };
  return software;
}

/** The manifest of a plan at the start of a session. */
export function createManifest(plan: Plan, startedAt: string): Manifest {
  return {
    format: 1,
    status: 'running',
    experiment: { ...plan.experiment, scenario: plan.scenario },
    fingerprint: plan.fingerprint,
    masterSeed: plan.experiment.seed,
    crn: plan.experiment.crn,
    shard: plan.shard,
    runs: plan.runs,
    layout: plan.layout,
    parameters: plan.experiment.parameters.map((p, k) => ({
      path: p.path,
      type: plan.parameterTypes[k]!,
    })),
    outcomes: OUTCOMES,
    batchSize: plan.batchSize,
    cells: plan.cells.map((c) => ({ index: c.index, key: c.key, values: c.values })),
    cellsHere: plan.mine.length,
    runsTotal: plan.mine.length * plan.replications.max,
    runsDone: 0,
    software: softwareVersions(),
    timing: { startedAt, finishedAt: null, runsPerSecond: null },
  };
}

/** Reads a folder's manifest, or undefined when there is none. */
export function readManifest(out: string): Manifest | undefined {
  return readJson(join(out, 'manifest.json')) as Manifest | undefined;
}

/** Writes a folder's manifest atomically. */
export function writeManifest(out: string, manifest: Manifest) {
  writeAtomic(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
