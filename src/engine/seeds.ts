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
 * - **Sub-streams.** Each part of a run draws from its own stream,
 *   `subSeed(runSeed, name) = H('sub', runSeed, name)`, with names such as
 *   `'levelII/A'`, `'beliefs/B'`, `'votes'`, `'drift'`; changing one part of a scenario
 *   does not reshuffle the draws of the others.
 * - **Design seed.** Random and Latin hypercube designs draw their cells with
 *   `designSeed(master) = H('design', master)`.
 *
 * Each seed is passed to `seedrandom.alea`.
 * @module
 */

import { UserError } from '../errors.ts';

const FNV_OFFSET_HI = 0xcbf29ce4;
const FNV_OFFSET_LO = 0x84222325;
/** The low part of the FNV-1a 64 prime `2^40 + 0x1b3`. */
const FNV_PRIME_LOW = 0x1b3;
const TWO_32 = 2 ** 32;

const utf8 = new TextEncoder();
let scratch = new Uint8Array(256);

/**
 * Writes a field's 4-byte big-endian UTF-8 length and its UTF-8 bytes into `scratch`;
 * returns the number of bytes written. ASCII, the usual case, skips the encoder.
 */
function encodeUtf8(field: string): number {
  if (scratch.length < field.length * 3 + 4) scratch = new Uint8Array(field.length * 3 + 4);
  let n = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    if (c >= 0x80) {
      n = utf8.encodeInto(field, scratch.subarray(4)).written;
      break;
    }
    scratch[4 + i] = c;
    n++;
  }
  scratch[0] = (n >>> 24) & 0xff;
  scratch[1] = (n >>> 16) & 0xff;
  scratch[2] = (n >>> 8) & 0xff;
  scratch[3] = n & 0xff;
  return n + 4;
}

/** `(hi, lo)` of the last {@link multiply64}: two 32-bit halves of a 64-bit word. */
let productHi = 0;
let productLo = 0;

/** `a * b mod 2^64` on 32-bit halves (16-bit limbs for the low product), exact in doubles. */
function multiply64(ah: number, al: number, bh: number, bl: number) {
  const a0 = al & 0xffff;
  const a1 = al >>> 16;
  const b0 = bl & 0xffff;
  const b1 = bl >>> 16;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  productLo = (((mid & 0xffff) << 16) | (p00 & 0xffff)) >>> 0;
  productHi =
    (a1 * b1 +
      (p01 >>> 16) +
      (p10 >>> 16) +
      (mid >>> 16) +
      Math.imul(ah, bl) +
      Math.imul(al, bh)) >>>
    0;
}

/**
 * The seed hash `H(fields)`: FNV-1a 64 over the length-prefixed UTF-8 encoding of the
 * fields, finalised with SplitMix64's mixer, as 16 hex digits (see the module comment).
 * All arithmetic runs on two 32-bit halves: FNV's `(hi 2^32 + lo)(2^40 + 0x1b3) mod 2^64`
 * has low half `lo 0x1b3 mod 2^32` and high half `hi 0x1b3 + carry + (lo << 8) mod 2^32`.
 */
function seedHash(fields: readonly string[]): string {
  let hi = FNV_OFFSET_HI;
  let lo = FNV_OFFSET_LO;
  for (const field of fields) {
    const n = encodeUtf8(field);
    for (let i = 0; i < n; i++) {
      lo = (lo ^ scratch[i]!) >>> 0;
      const low = lo * FNV_PRIME_LOW;
      hi = (hi * FNV_PRIME_LOW + Math.floor(low / TWO_32) + ((lo << 8) >>> 0)) >>> 0;
      lo = low >>> 0;
    }
  }
  lo = (lo ^ ((lo >>> 30) | (hi << 2))) >>> 0;
  hi = (hi ^ (hi >>> 30)) >>> 0;
  multiply64(hi, lo, 0xbf58476d, 0x1ce4e5b9);
  lo = (productLo ^ ((productLo >>> 27) | (productHi << 5))) >>> 0;
  hi = (productHi ^ (productHi >>> 27)) >>> 0;
  multiply64(hi, lo, 0x94d049bb, 0x133111eb);
  lo = (productLo ^ ((productLo >>> 31) | (productHi << 1))) >>> 0;
  hi = (productHi ^ (productHi >>> 31)) >>> 0;
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

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
 * The seed of a named sub-stream of a run, `H('sub', runSeed, name)`, e.g. `'levelII/A'`,
 * `'beliefs/B'`, `'votes'` or `'drift'`.
 *
 * @param runSeed the run's {@link runSeed}
 * @param name the sub-stream's name
 * @returns 16 hex digits
 * @example
 * subSeed(runSeed(42, '{}', 0), 'votes'); // 'e152f3bbf06d410c'
 */
export function subSeed(runSeed: string, name: string): string {
  return seedHash(['sub', runSeed, name]);
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
