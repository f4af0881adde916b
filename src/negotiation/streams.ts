/**
 * The random streams of one game, named and opened here for the game and the CLI alike.
 * Each part of a run draws from its own stream, `subSeed(runSeed, name) = H('sub', runSeed,
 * name)`, fed to `seedrandom.alea`, with the names of {@link streamNames}: changing one part
 * of a scenario does not reshuffle the draws of the others. `H` is the seed hash below,
 * which `src/engine/seeds.ts` also uses to derive run seeds from an experiment's master seed.
 * @module
 */

import seedrandom from 'seedrandom';
import type { Rng } from '../model/random.ts';
import type { Scenario } from '../scenario/schema.ts';

const FNV_OFFSET_HI = 0xcbf29ce4;
const FNV_OFFSET_LO = 0x84222325;
/** The low part of the FNV-1a 64 prime `2^40 + 0x1b3`. */
const FNV_PRIME_LOW = 0x1b3;
const TWO_32 = 2 ** 32;

const utf8 = new TextEncoder();

/** Whether every code unit of `field` is ASCII (then its UTF-8 bytes are its code units). */
function isAscii(field: string): boolean {
  for (let i = 0; i < field.length; i++) if (field.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * `a * b mod 2^64` on 32-bit halves (16-bit limbs for the low product), exact in doubles;
 * written into `out` as `[hi, lo]`.
 */
function multiply64(ah: number, al: number, bh: number, bl: number, out: Uint32Array) {
  const a0 = al & 0xffff;
  const a1 = al >>> 16;
  const b0 = bl & 0xffff;
  const b1 = bl >>> 16;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  out[1] = ((mid & 0xffff) << 16) | (p00 & 0xffff);
  out[0] =
    a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16) + Math.imul(ah, bl) + Math.imul(al, bh);
}

/**
 * The seed hash `H(fields)`: FNV-1a 64 over the length-prefixed UTF-8 encoding of the
 * fields, finalised with SplitMix64's mixer, as 16 hex digits (see the module comment).
 * All arithmetic runs on two 32-bit halves: FNV's `(hi 2^32 + lo)(2^40 + 0x1b3) mod 2^64`
 * has low half `lo 0x1b3 mod 2^32` and high half `hi 0x1b3 + carry + (lo << 8) mod 2^32`.
 */
export function seedHash(fields: readonly string[]): string {
  let hi = FNV_OFFSET_HI;
  let lo = FNV_OFFSET_LO;
  const step = (byte: number) => {
    lo = (lo ^ byte) >>> 0;
    const low = lo * FNV_PRIME_LOW;
    hi = (hi * FNV_PRIME_LOW + Math.floor(low / TWO_32) + ((lo << 8) >>> 0)) >>> 0;
    lo = low >>> 0;
  };
  for (const field of fields) {
    const bytes = isAscii(field) ? null : utf8.encode(field);
    const n = bytes === null ? field.length : bytes.length;
    step((n >>> 24) & 0xff);
    step((n >>> 16) & 0xff);
    step((n >>> 8) & 0xff);
    step(n & 0xff);
    for (let i = 0; i < n; i++) step(bytes === null ? field.charCodeAt(i) : bytes[i]!);
  }
  const product = new Uint32Array(2);
  lo = (lo ^ ((lo >>> 30) | (hi << 2))) >>> 0;
  hi = (hi ^ (hi >>> 30)) >>> 0;
  multiply64(hi, lo, 0xbf58476d, 0x1ce4e5b9, product);
  lo = (product[1]! ^ ((product[1]! >>> 27) | (product[0]! << 5))) >>> 0;
  hi = (product[0]! ^ (product[0]! >>> 27)) >>> 0;
  multiply64(hi, lo, 0x94d049bb, 0x133111eb, product);
  lo = (product[1]! ^ ((product[1]! >>> 31) | (product[0]! << 1))) >>> 0;
  hi = (product[0]! ^ (product[0]! >>> 31)) >>> 0;
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/**
 * The seed of a named sub-stream of a run, `H('sub', runSeed, name)`, e.g. `'levelII/A'`,
 * `'beliefs/B'`, `'votes'` or `'drift'`.
 *
 * @param runSeed the run's seed (see `runSeed` in src/engine/seeds.ts)
 * @param name the sub-stream's name
 * @returns 16 hex digits
 * @example
 * subSeed(runSeed(42, '{}', 0), 'votes'); // 'e152f3bbf06d410c'
 */
export function subSeed(runSeed: string, name: string): string {
  return seedHash(['sub', runSeed, name]);
}

/**
 * The names of a game's streams (docs/MODEL.md, "Random streams"): per country
 * `levelII/<name>` (its constituents), `beliefs/<name>` (its negotiator's particles) and
 * `reverberation/<name>` (its nationalists); `votes` (noisy votes) and `drift` (the horizon).
 */
export interface StreamNames {
  levelII: string[];
  beliefs: string[];
  reverberation: string[];
  votes: string;
  drift: string;
}

/**
 * The stream names of a scenario's games, by country in scenario order.
 *
 * @param scenario a validated scenario
 * @returns the names
 * @example
 * streamNames(parseScenario({})).levelII; // ['levelII/A', 'levelII/B']
 */
export function streamNames(scenario: Scenario): StreamNames {
  const names = scenario.countries.map((c) => c.name);
  return {
    levelII: names.map((n) => `levelII/${n}`),
    beliefs: names.map((n) => `beliefs/${n}`),
    reverberation: names.map((n) => `reverberation/${n}`),
    votes: 'votes',
    drift: 'drift',
  };
}

/**
 * Opens stream `name` of run `runSeed`: `seedrandom.alea(subSeed(runSeed, name))`.
 *
 * @param runSeed the run's seed
 * @param name a name of {@link streamNames}
 * @returns a uniform source on `[0, 1)`
 * @example
 * openStream('7', 'levelII/A')(); // the first uniform of A's constituents in run '7'
 */
export function openStream(runSeed: string, name: string): Rng {
  return seedrandom.alea(subSeed(runSeed, name));
}
