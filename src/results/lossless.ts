/**
 * Doubles as text without loss: each value's 8 bytes (IEEE 754, little-endian) as 16 hex
 * digits, back to back. Unlike JSON, which writes Infinity and NaN as `null`, every value
 * (infinities, NaN, -0) reads back with the same bits.
 *
 * @example
 * floatsToHex(Float64Array.of(1)); // '000000000000f03f'
 */
export function floatsToHex(values: Float64Array): string {
  const view = new DataView(new ArrayBuffer(8 * values.length));
  for (let k = 0; k < values.length; k++) view.setFloat64(8 * k, values[k]!, true);
  return Buffer.from(view.buffer).toString('hex');
}

/**
 * The doubles written by {@link floatsToHex}.
 *
 * @throws Error when the text is not a whole number of 16-hex-digit values
 */
export function hexToFloats(text: string): Float64Array {
  if (!/^(?:[0-9a-f]{16})*$/.test(text)) throw new Error('not a list of 16-hex-digit doubles');
  const bytes = Buffer.from(text, 'hex');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float64Array.from({ length: bytes.length / 8 }, (_, k) => view.getFloat64(8 * k, true));
}
