/**
 * The random streams of one game. Each part of a run draws from its own stream,
 * `subSeed(runSeed, name) = H('sub', runSeed, name)`, fed to `seedrandom.alea`, with names
 * such as `'levelII/A'`, `'beliefs/B'`, `'votes'` or `'drift'`: changing one part of a
 * scenario does not reshuffle the draws of the others. `H` is the seed hash below, which
 * `src/engine/seeds.ts` also uses to derive run seeds from an experiment's master seed.
 * @module
 */

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
export function seedHash(fields: readonly string[]): string {
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
