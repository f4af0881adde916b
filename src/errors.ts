/**
 * An error the user caused (a bad flag, a bad scenario or experiment file). The CLI prints
 * its message alone, never a stack trace, and exits with status 2. Messages say what was
 * wrong, where (a config path or a flag) and what would be valid.
 */
export class UserError extends Error {
  override name = 'UserError';
}
