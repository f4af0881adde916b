/**
 * The random streams of one game, named and opened here for the game and the CLI alike.
 * Each part of a run draws from its own stream, named as in {@link RunStreams}: changing one
 * part of a scenario does not reshuffle the draws of the others. A stream is seedrandom's
 * Alea algorithm ({@link AleaStream}) started from the stream's key, which mixes a hash of
 * the run seed with a hash of the stream's name (see {@link subSeed}): numbers, not a hex
 * string hashed again by Alea's Mash, so a game opens its streams in a few nanoseconds and
 * without allocating. `H` is the seed hash below, which `src/engine/seeds.ts` also uses to
 * derive run seeds from an experiment's master seed.
 * @module
 */

import { AleaStream } from '../model/random.ts';
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
 * `H(fields)` as two 32-bit halves written into `out` (`[hi, lo]`): FNV-1a 64 over the
 * length-prefixed UTF-8 encoding of the fields, finalised with SplitMix64's mixer. All
 * arithmetic runs on two 32-bit halves: FNV's `(hi 2^32 + lo)(2^40 + 0x1b3) mod 2^64` has
 * low half `lo 0x1b3 mod 2^32` and high half `hi 0x1b3 + carry + (lo << 8) mod 2^32`.
 */
function hash64(fields: readonly string[], out: Uint32Array): Uint32Array {
  let hi = FNV_OFFSET_HI;
  let lo = FNV_OFFSET_LO;
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    const bytes = isAscii(field) ? null : utf8.encode(field);
    const n = bytes === null ? field.length : bytes.length;
    // i = -4 .. -1: the length's 4 bytes, big-endian; then the field's bytes
    for (let i = -4; i < n; i++) {
      const byte =
        i < 0 ? (n >>> (-8 * (i + 1))) & 0xff : bytes === null ? field.charCodeAt(i) : bytes[i]!;
      lo = (lo ^ byte) >>> 0;
      const low = lo * FNV_PRIME_LOW;
      hi = (hi * FNV_PRIME_LOW + Math.floor(low / TWO_32) + ((lo << 8) >>> 0)) >>> 0;
      lo = low >>> 0;
    }
  }
  lo = (lo ^ ((lo >>> 30) | (hi << 2))) >>> 0;
  hi = (hi ^ (hi >>> 30)) >>> 0;
  multiply64(hi, lo, 0xbf58476d, 0x1ce4e5b9, out);
  lo = (out[1]! ^ ((out[1]! >>> 27) | (out[0]! << 5))) >>> 0;
  hi = (out[0]! ^ (out[0]! >>> 27)) >>> 0;
  multiply64(hi, lo, 0x94d049bb, 0x133111eb, out);
  out[1] = out[1]! ^ ((out[1]! >>> 31) | (out[0]! << 1));
  out[0] = out[0]! ^ (out[0]! >>> 31);
  return out;
}

/** The character codes of the 16 hex digits. */
const HEX_DIGITS = Uint16Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/**
 * `hi` and `lo` as 16 lower-case hex digits, `hi` first: one string from 16 character codes
 * (a tenth of the time of two `toString(16).padStart(8, '0')` joined, which a run paid for
 * its seed).
 */
function hex64(hi: number, lo: number): string {
  const d = HEX_DIGITS;
  return String.fromCharCode(
    d[(hi >>> 28) & 15]!,
    d[(hi >>> 24) & 15]!,
    d[(hi >>> 20) & 15]!,
    d[(hi >>> 16) & 15]!,
    d[(hi >>> 12) & 15]!,
    d[(hi >>> 8) & 15]!,
    d[(hi >>> 4) & 15]!,
    d[hi & 15]!,
    d[(lo >>> 28) & 15]!,
    d[(lo >>> 24) & 15]!,
    d[(lo >>> 20) & 15]!,
    d[(lo >>> 16) & 15]!,
    d[(lo >>> 12) & 15]!,
    d[(lo >>> 8) & 15]!,
    d[(lo >>> 4) & 15]!,
    d[lo & 15]!,
  );
}

/**
 * The seed hash `H(fields)` as 16 hex digits (see {@link hash64}).
 *
 * @param fields the fields, e.g. `['run', master, cellKey, '0']`
 * @returns 16 lower-case hex digits
 * @example
 * seedHash(['design', '42']); // '8c8f35b96b24807f'
 */
export function seedHash(fields: readonly string[]): string {
  const out = hash64(fields, new Uint32Array(2));
  return hex64(out[0]!, out[1]!);
}

/** MurmurHash3's 32-bit finaliser: a bijection of 32-bit words that spreads every bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The three Alea seed words of a stream from the run's key `H('sub', runSeed)` and the
 * name's key `H('stream', name)`: `w0 = fmix32(run_hi ^ name_hi)`,
 * `w1 = fmix32(run_lo ^ name_lo)`, `w2 = fmix32(w0 ^ (w1 + 0x9e3779b9))`.
 */
function streamWords(run: Uint32Array, name: Uint32Array, out: Uint32Array): Uint32Array {
  out[0] = fmix32(run[0]! ^ name[0]!);
  out[1] = fmix32(run[1]! ^ name[1]!);
  out[2] = fmix32(out[0]! ^ ((out[1]! + 0x9e3779b9) >>> 0));
  return out;
}

/**
 * The key of a named stream of a run: its first two Alea seed words `w0, w1` as 16 hex
 * digits (`w2` follows from them; see {@link RunStreams}).
 *
 * @param runSeed the run's seed (see `runSeed` in src/engine/seeds.ts)
 * @param name the stream's name, e.g. `'levelII/A'`
 * @returns 16 hex digits
 * @example
 * subSeed(runSeed(42, '{}', 0), 'votes'); // '9f1b36ab784ebc3d'
 */
export function subSeed(runSeed: string, name: string): string {
  const words = streamWords(
    hash64(['sub', runSeed], new Uint32Array(2)),
    hash64(['stream', name], new Uint32Array(2)),
    new Uint32Array(3),
  );
  return hex64(words[0]!, words[1]!);
}

/**
 * Opens stream `name` of run `runSeed` (a fresh stream; a game reuses its
 * {@link RunStreams} instead).
 *
 * @param runSeed the run's seed
 * @param name a stream's name
 * @returns the stream at its start
 * @example
 * openStream('7', 'levelII/A').uniform(); // the first uniform of A's constituents in run '7'
 */
export function openStream(runSeed: string, name: string): AleaStream {
  const words = streamWords(
    hash64(['sub', runSeed], new Uint32Array(2)),
    hash64(['stream', name], new Uint32Array(2)),
    new Uint32Array(3),
  );
  return new AleaStream().seed(words[0]!, words[1]!, words[2]!);
}

/**
 * The streams of a scenario's runs (docs/MODEL.md, "Random streams"), named per country
 * `levelII/<name>` (its constituents), `beliefs/<name>` (its negotiator's particles) and
 * `reverberation/<name>` (its nationalists), and `votes` (noisy votes), `drift` (the horizon), `executive` (whether
 * an autonomous executive decides ratification). The names are hashed once; {@link RunStreams.start} restarts every stream for a
 * run seed, hashing only that seed.
 */
export class RunStreams {
  readonly levelII: AleaStream[];
  readonly beliefs: AleaStream[];
  readonly reverberation: AleaStream[];
  readonly votes = new AleaStream();
  readonly drift = new AleaStream();
  readonly executive = new AleaStream();
  private readonly all: AleaStream[];
  private readonly nameKeys: Uint32Array[];
  private readonly runKey = new Uint32Array(2);
  /** The fields `['sub', runSeed]` of the run's key, the seed set by {@link RunStreams.start}. */
  private readonly subFields = ['sub', ''];
  private readonly words = new Uint32Array(3);

  constructor(countries: readonly string[]) {
    const fresh = () => countries.map(() => new AleaStream());
    this.levelII = fresh();
    this.beliefs = fresh();
    this.reverberation = fresh();
    this.all = [
      ...this.levelII,
      ...this.beliefs,
      ...this.reverberation,
      this.votes,
      this.drift,
      this.executive,
    ];
    const names = [
      ...countries.map((c) => `levelII/${c}`),
      ...countries.map((c) => `beliefs/${c}`),
      ...countries.map((c) => `reverberation/${c}`),
      'votes',
      'drift',
      'executive',
    ];
    this.nameKeys = names.map((n) => hash64(['stream', n], new Uint32Array(2)));
  }

  /**
   * Restarts every stream at the start of run `runSeed` (what {@link openStream} would open).
   *
   * @param runSeed the run's seed
   * @returns the streams
   * @example
   * streams.start('7').levelII[0].uniform(); // = openStream('7', 'levelII/A').uniform()
   */
  start(runSeed: string): this {
    this.subFields[1] = runSeed;
    hash64(this.subFields, this.runKey);
    for (let t = 0; t < this.all.length; t++) {
      const w = streamWords(this.runKey, this.nameKeys[t]!, this.words);
      this.all[t]!.seed(w[0]!, w[1]!, w[2]!);
    }
    return this;
  }
}

/**
 * The streams of a scenario's games, by country in scenario order.
 *
 * @param scenario a validated scenario
 * @returns the streams, to {@link RunStreams.start} per run
 * @example
 * runStreams(parseScenario({})).start('7').levelII.length; // 2 countries
 */
export function runStreams(scenario: Scenario): RunStreams {
  return new RunStreams(scenario.countries.map((c) => c.name));
}
