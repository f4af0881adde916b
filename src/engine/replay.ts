import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.ts';
import { chamberPasses } from '../model/vote.ts';
import { createGame } from '../negotiation/game.ts';
import { loadProtocolModule } from '../negotiation/protocols/registry.ts';
import type { GameRecord } from '../negotiation/record.ts';
import type { TraceEvent } from '../negotiation/trace.ts';
import { codecOf } from '../results/codecs/index.ts';
import { runFileName } from '../results/folder.ts';
import { type Manifest, runsOfCell } from '../results/manifest.ts';
import type { ColumnValues } from '../results/table.ts';
import type { Scenario } from '../scenario/schema.ts';
import { RunBatch, runColumns } from './columns.ts';
import { resolveParameterPath } from './paths.ts';
import { cellScenario } from './plan.ts';
import { runSeed } from './seeds.ts';
import { runTable } from './store.ts';

/** Which run to replay: a cell and replication, or a seed (and a cell, under CRN). */
export interface RunChoice {
  cell?: number;
  replication?: number;
  seed?: string;
}

/** A replayed run: where it is, its scenario and seed, its record and trace. */
export interface Replay {
  cell: number;
  key: string;
  replication: number;
  seed: string;
  scenario: Scenario;
  record: GameRecord;
  events: TraceEvent[];
  /**
   * The columns in which the replayed row differs from the stored one (empty: equal bit
   * for bit), or null when the folder kept no per-run rows.
   */
  differing: string[] | null;
}

/** The cells a folder holds (its shard's, or all). */
function cellsHere(manifest: Manifest) {
  const { shard } = manifest;
  return manifest.cells.filter((c) => !shard || c.index % shard.count === shard.index - 1);
}

/** Resolves `--cell`/`--replication`/`--seed` against the folder's design. */
function locate(manifest: Manifest, dir: string, choice: RunChoice) {
  const here = cellsHere(manifest);
  const seedOf = (key: string, r: number) => runSeed(manifest.masterSeed, key, r, manifest.crn);
  if (choice.seed !== undefined) {
    const found: { cell: (typeof here)[number]; replication: number }[] = [];
    for (const cell of here) {
      if (choice.cell !== undefined && cell.index !== choice.cell) continue;
      const R = runsOfCell(manifest, cell.index);
      for (let r = 0; r < R; r++) {
        if (seedOf(cell.key, r) === choice.seed) found.push({ cell, replication: r });
      }
    }
    if (found.length === 0) {
      throw new UserError(
        `replay: no run of ${dir} has seed '${choice.seed}' (seeds are 16 hex digits, column 'seed' of the run files)`,
      );
    }
    if (found.length > 1) {
      throw new UserError(
        `replay: seed '${choice.seed}' is replication ${found[0]!.replication} of ${found.length} cells (common random numbers); choose one with --cell (${found.map((f) => f.cell.index).join(', ')})`,
      );
    }
    return found[0]!;
  }
  if (choice.cell === undefined || choice.replication === undefined) {
    throw new UserError('replay: give --cell N and --replication R, or --seed S');
  }
  const cell = here.find((c) => c.index === choice.cell);
  if (!cell) {
    throw new UserError(
      `replay: --cell ${choice.cell} is not a cell of ${dir} (cells: ${
        here.length > 8
          ? `${here
              .slice(0, 8)
              .map((c) => c.index)
              .join(', ')}, ...`
          : here.map((c) => c.index).join(', ')
      })`,
    );
  }
  const R = runsOfCell(manifest, cell.index);
  if (choice.replication < 0 || choice.replication >= R) {
    throw new UserError(`replay: --replication must be in 0..${R - 1}, got ${choice.replication}`);
  }
  return { cell, replication: choice.replication };
}

/** The run's stored row, read from its batch's run file (the folder's first format). */
function storedRow(dir: string, manifest: Manifest, cell: number, replication: number) {
  const format = manifest.runs[0]!;
  const batch = Math.floor(replication / manifest.batchSize);
  const file = join(dir, runFileName(cell, batch, format));
  const columns = runColumns(manifest.layout);
  const values = codecOf(format).decode(readFileSync(file), columns);
  const row = replication - batch * manifest.batchSize;
  return { columns, values, row };
}

/** Whether two stored values are the same bits (NaN equal to NaN, -0 not 0). */
function sameBits(a: unknown, b: unknown) {
  return Object.is(a, b);
}

/**
 * Replays one run of a results folder: rebuilds its cell's scenario from the manifest (the
 * base scenario with the cell's parameter values), derives its seed, plays the game with a
 * trace and compares the record, as the run files store it, with the stored row.
 *
 * @throws UserError when the run is not in the folder
 */
export async function replayRun(
  dir: string,
  manifest: Manifest,
  choice: RunChoice,
): Promise<Replay> {
  const { cell, replication } = locate(manifest, dir, choice);
  const base = manifest.experiment.scenario as Scenario;
  const experiment = manifest.experiment;
  const segments = experiment.parameters.map((p) => resolveParameterPath(p.path, base));
  const scenario = cellScenario({ scenario: base, segments, experiment }, cell, dir);
  await loadProtocolModule(scenario);
  const seed = runSeed(manifest.masterSeed, cell.key, replication, manifest.crn);
  const events: TraceEvent[] = [];
  const record = createGame(scenario).play(seed, events);
  let differing: string[] | null = null;
  if (manifest.runs.length > 0) {
    const batch = new RunBatch(manifest.layout, 1, true);
    batch.record(0, record);
    const mine = runTable(manifest.layout, {
      cell: cell.index,
      first: replication,
      seeds: [seed],
      columns: batch.columns(),
    });
    const stored = storedRow(dir, manifest, cell.index, replication);
    differing = stored.columns
      .filter((c) => {
        const a = (stored.values[c.name] as ColumnValues)[stored.row];
        const b = (mine.values[c.name] as ColumnValues)[0];
        return !sameBits(a, b);
      })
      .map((c) => c.name);
  }
  return {
    cell: cell.index,
    key: cell.key,
    replication,
    seed,
    scenario,
    record,
    events,
    differing,
  };
}

/**
 * Why a ratification failed, from a traced game: for each failed vote at ratification, the
 * country, each chamber that voted no with its yes share and quota.
 *
 * @example
 * failedVotes(scenario, events);
 * // ["B's chamber 'chamber' voted yes 0.4653 < quota 0.5: B did not ratify x = 0.3451"]
 */
export function failedVotes(scenario: Scenario, events: readonly TraceEvent[]): string[] {
  const lines: string[] = [];
  let x: number[] = [];
  for (const e of events) {
    if (e.type === 'tentative') x = e.x;
    if (e.type !== 'vote' || e.passed) continue;
    const country = scenario.countries[e.country]!;
    const chambers = country.ratification.chambers ?? [
      { name: 'chamber', quota: country.ratification.quota },
    ];
    const when = e.period === 0 ? 'did not ratify' : `reneged in period ${e.period} on`;
    const point =
      x.length === 1 ? x[0]!.toPrecision(4) : `(${x.map((v) => v.toPrecision(4)).join(', ')})`;
    e.yesShares.forEach((share, h) => {
      const quota = chambers[h]!.quota;
      if (!chamberPasses(share, quota)) {
        const needs =
          share >= quota
            ? `<= 1/2 (a majority is needed besides quota ${quota})`
            : `< quota ${quota}`;
        lines.push(
          `${country.name}'s chamber '${chambers[h]!.name}' voted yes ${share.toPrecision(4)} ${needs}: ${country.name} ${when} x = ${point}`,
        );
      }
    });
  }
  return lines;
}
