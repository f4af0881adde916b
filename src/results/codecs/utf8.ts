/**
 * Strings as UTF-8 bytes for the codecs' string columns (RFC 3629; Arrow's variable-size
 * binary layout and Parquet's PLAIN BYTE_ARRAY both hold them so), without a `TextEncoder`
 * call per ASCII string: run seeds are 16 hex digits.
 * @module
 */

/** The number of UTF-8 bytes of strings, all together (a lone surrogate as U+FFFD, 3 bytes). */
export function utf8Length(strings: readonly string[]): number {
  let total = 0;
  for (const s of strings) total += Buffer.byteLength(s, 'utf8');
  return total;
}

/** Encodes non-ASCII strings (stateless: `encodeInto` keeps nothing between calls). */
const encoder = new TextEncoder();

/** A string's UTF-8 bytes (a lone surrogate as U+FFFD), in a new array. */
export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/**
 * Writes one string's UTF-8 bytes into `bytes` from `at` (room for 3 bytes per UTF-16 code
 * unit there) and returns where they end. An ASCII string is copied code unit by code unit;
 * any other goes through `TextEncoder` (the same bytes, a lone surrogate as U+FFFD).
 */
export function writeUtf8At(s: string, bytes: Uint8Array, at: number): number {
  let k = 0;
  while (k < s.length && s.charCodeAt(k) < 0x80) {
    bytes[at + k] = s.charCodeAt(k);
    k++;
  }
  return at + (k < s.length ? encoder.encodeInto(s, bytes.subarray(at)).written : k);
}

/**
 * Writes strings' UTF-8 bytes one after another into `bytes` (at least {@link utf8Length}
 * long) and sets `offsets[i + 1]` to the end of string i (`offsets[0]` stays 0), as
 * {@link writeUtf8At}.
 */
export function writeUtf8(strings: readonly string[], bytes: Uint8Array, offsets: Int32Array) {
  let at = 0;
  for (let i = 0; i < strings.length; i++) {
    at = writeUtf8At(strings[i]!, bytes, at);
    offsets[i + 1] = at;
  }
}
