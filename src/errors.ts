/** The longest quoted name or value a message repeats in full; longer ones are cut. */
const LONGEST_QUOTE = 80;

/** Cuts every quoted text in `message` longer than {@link LONGEST_QUOTE} to its start and length. */
function shortenQuotes(message: string): string {
  // A quote opens after a space or a bracket (not an apostrophe, as in "experiment's").
  return message.replace(
    /(^|[\s([])'([^'\n]{81,}?)'(?=$|[\s)\].,;:!?])/g,
    (_, before: string, text: string) =>
      `${before}'${text.slice(0, LONGEST_QUOTE - 20)}...' (${text.length} characters)`,
  );
}

/**
 * An error the user caused (a bad flag, a bad scenario or experiment file). The CLI prints
 * its message alone, never a stack trace, and exits with status 2. Messages say what was
 * wrong, where (a config path or a flag) and what would be valid; a quoted name longer than
 * 80 characters is cut to its start and its length.
 */
export class UserError extends Error {
  override name = 'UserError';
  /** The CLI's exit status for this error. */
  readonly exitCode: number = 2;
  constructor(message: string) {
    super(shortenQuotes(message));
  }
}

/**
 * A value as it appears in an error message: JSON where it can be (cut to `max` characters),
 * else a word for what it is. Never throws: a function, a BigInt, a cycle or a value nested
 * too deep for `JSON.stringify` is named instead.
 *
 * @example shown(1e309) // 'Infinity'; shown(() => 1) // 'a function'
 */
export function shown(value: unknown, max = 60): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'bigint') return `the BigInt ${value}n (use a number)`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  let text: string | undefined;
  try {
    // Non-finite numbers (1e309 in a JSON file reads as Infinity) are written as such, not null.
    text = JSON.stringify(value, (_, v: unknown) =>
      typeof v === 'bigint'
        ? `${v}n`
        : typeof v === 'function'
          ? '(a function)'
          : typeof v === 'number' && !Number.isFinite(v)
            ? `\u0000${v}\u0000`
            : v,
    )?.replace(/"\\u0000(.*?)\\u0000"/g, '$1');
  } catch {
    return Array.isArray(value)
      ? 'a list nested too deep to show'
      : 'an object nested too deep to show';
  }
  text ??= String(value);
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** What each operating-system error code a user can cause or fix means, in words. */
const SYSTEM_ERRORS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'a file name is too long',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'a folder is in the way of a file',
  EEXIST: 'a file is in the way',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'an input/output error of the device',
};

/**
 * The words for an error of the operating system (a failed read or write: `ENOSPC`,
 * `EACCES`, ...), naming the file it concerns and what to do, or `undefined` when `error`
 * is no such error.
 *
 * @example describeSystemError(Object.assign(new Error(), { code: 'ENOSPC', path: 'r/x' }))
 * // "cannot write r/x: no space left on the device (ENOSPC). ..."
 */
export function describeSystemError(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException | null;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (code === undefined || !Object.hasOwn(SYSTEM_ERRORS, code)) return undefined;
  const path = e!.path ?? (e as { dest?: string }).dest;
  const action = e!.syscall ? ` (${e!.syscall})` : '';
  const where = path ? `${path}${action}` : `a file it reads or writes${action}`;
  const advice =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? ' Free some space (or choose another --out) and run the command again: finished work is kept.'
      : code === 'ENAMETOOLONG'
        ? ' Choose a shorter name or --out.'
        : '';
  return shortenQuotes(`twolevel: cannot use ${where}: ${SYSTEM_ERRORS[code]} (${code}).${advice}`);
}
