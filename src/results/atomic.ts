import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes a file so that a reader never sees it half-written: under a temporary name
 * (`<file>.<pid>.tmp`, unique per process) first, then renamed into place, which is atomic
 * on one file system. A failed write (disk full) removes the temporary file and leaves the
 * old file, if any, untouched.
 */
export function writeAtomic(file: string, data: string | Uint8Array) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
