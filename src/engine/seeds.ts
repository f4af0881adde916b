/**
 * How every random draw of an experiment is seeded.
 *
 * An experiment has one **master seed** (a string, or a number written as JavaScript's
 * shortest round-trip decimal, so `42` and `'42'` are the same seed). Every other seed is
 * a hash of the master seed and the names of what is being seeded, never a counter, so
 * a run's draws do not depend on which other runs exist, in what order they run, on
 * which worker or shard, or whether the experiment was resumed.
 *
 * - **Hash.** `H(f_1, ..., f_k)` encodes each field as its UTF-8 byte length (4 bytes,
 *   big-endian) followed by its UTF-8 bytes, hashes the concatenation with 64-bit
 *   FNV-1a (offset basis `0xcbf29ce484222325`, prime `0x100000001b3`), finalises the
 *   result with SplitMix64's mixer (`z ^= z >> 30; z *= 0xbf58476d1ce4e5b9;
 *   z ^= z >> 27; z *= 0x94d049bb133111eb; z ^= z >> 31`, all mod 2^64) and writes it
 *   as 16 lower-case hex digits. The length prefixes make distinct field lists distinct
 *   byte strings. The arithmetic is exact integer arithmetic, so seeds are the same on
 *   every platform and Node version.
 * - **Cell key.** A cell of a design is identified by `cellKey(values)`: the JSON object
 *   of its parameter values with keys sorted, numbers in shortest round-trip form, e.g.
 *   `{"countries.B.ratification.quota":0.6,"protocol":"ultimatum"}`. A cell keeps its
 *   seeds when the design is reordered or extended.
 * - **Run seed.** Replication `r` (0, 1, 2, ...) of a cell runs with
 *   `runSeed = H('run', master, cellKey, r)`. With common random numbers (`crn`) the
 *   cell key is left out, `H('run', master, r)`: replication `r` of every cell then
 *   shares all its random draws, and differences between cells are the parameters'
 *   effects alone.
 * - **Sub-streams.** Each part of a run draws from its own stream, with names such as
 *   `'levelII/A'`, `'beliefs/B'`, `'votes'`, `'drift'`, started from a key that mixes
 *   `H('sub', runSeed)` with `H('stream', name)`; changing one part of a scenario does not
 *   reshuffle the draws of the others. The game derives these itself
 *   (`src/negotiation/streams.ts`, which also holds `H`), so the data flows one way.
 * - **Design seed.** Random and Latin hypercube designs draw their cells with
 *   `designSeed(master) = H('design', master)`.
 *
 * Design seeds are passed to `seedrandom.alea`.
 * @module
 */

import { UserError } from '../errors.ts';
import { seedHash } from '../negotiation/streams.ts';

/** The master seed as a hash field: a string as is, a finite number in shortest round-trip form. */
function masterField(masterSeed: string | number): string {
  if (typeof masterSeed === 'string') return masterSeed;
  if (typeof masterSeed === 'number' && Number.isFinite(masterSeed)) return String(masterSeed);
  throw new UserError(
    `seed: expected a string or a finite number, got ${typeof masterSeed === 'object' ? JSON.stringify(masterSeed) : String(masterSeed)}`,
  );
}

/** A value a varied parameter can take in a cell. */
export type CellValue = number | string | boolean;

/**
 * The canonical identity of a design cell: the JSON object of its parameter values with
 * keys in code-unit order and numbers in JavaScript's shortest round-trip form (`-0` is
 * written `0`), so the same values give the same key wherever the cell sits in a design.
 *
 * @param values the cell's parameter values by parameter path
 * @returns the canonical JSON text
 * @throws UserError when a value is not a finite number, a string or a boolean
 * @example
 * cellKey({ 'b.quota': 0.6, a: true }); // '{"a":true,"b.quota":0.6}'
 */
export function cellKey(values: Readonly<Record<string, CellValue>>): string {
  const keys = Object.keys(values).sort();
  const parts: string[] = [];
  for (const key of keys) {
    const value = values[key];
    const valid =
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value));
    if (!valid) {
      throw new UserError(
        `cell value '${key}': expected a finite number, a string or a boolean, got ${String(value)}`,
      );
    }
    parts.push(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * The seed of one run: `H('run', master, cellKey, replication)`, or with common random
 * numbers `H('run', master, replication)`, so that replication r of every cell shares all
 * its draws.
 *
 * @param masterSeed the experiment's master seed
 * @param cellKey the cell's {@link cellKey}
 * @param replication the replication index, an integer >= 0
 * @param crn common random numbers: leave the cell key out
 * @returns 16 hex digits
 * @example
 * runSeed(42, '{"x":1}', 0); // 'd5892758ca675e20'
 */
export function runSeed(
  masterSeed: string | number,
  cellKey: string,
  replication: number,
  crn = false,
): string {
  if (!Number.isInteger(replication) || replication < 0) {
    throw new UserError(`replication: expected an integer >= 0, got ${replication}`);
  }
  const master = masterField(masterSeed);
  const fields = crn
    ? ['run', master, String(replication)]
    : ['run', master, cellKey, String(replication)];
  return seedHash(fields);
}

/**
 * The seed random and Latin hypercube designs draw their cells with:
 * `H('design', master)`.
 *
 * @param masterSeed the experiment's master seed
 * @returns 16 hex digits
 * @example
 * designSeed(42); // '8c8f35b96b24807f', the same as designSeed('42')
 */
export function designSeed(masterSeed: string | number): string {
  return seedHash(['design', masterField(masterSeed)]);
}
