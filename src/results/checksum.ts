import { createHash } from 'node:crypto';

/**
 * The SHA-256 digest of some bytes or text, as 64 hex digits: what the journal and the
 * manifest record for each file and batch, so a damaged file is found by recomputing it.
 *
 * @example
 * checksum('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function checksum(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
