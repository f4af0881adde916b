import { UserError } from '../errors.ts';
import { OUTCOMES, type Outcome } from '../negotiation/record.ts';

/**
 * Checks that a builder got a non-empty array of rows; `where` names the builder's argument
 * in the error (e.g. `rateChart rows`).
 */
export function requireRows<T>(rows: readonly T[], where: string): void {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new UserError(`${where}: expected a non-empty array of rows, got ${describe(rows)}`);
  }
}

/** Returns `value` when it is a finite number, else throws naming `where` (e.g. `rows[3].rate`). */
export function requireFinite(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new UserError(`${where}: expected a finite number, got ${describe(value)}`);
  }
  return value;
}

/** Returns `value` when it is a number in `[0, 1]`, else throws naming `where`. */
export function requireProportion(value: unknown, where: string): number {
  const p = requireFinite(value, where);
  if (p < 0 || p > 1) throw new UserError(`${where}: expected a proportion in [0, 1], got ${p}`);
  return p;
}

/** Returns `value` when it is a non-empty string, else throws naming `where`. */
export function requireName(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new UserError(`${where}: expected a non-empty string, got ${describe(value)}`);
  }
  return value;
}

/** Returns `value` when it is one of {@link OUTCOMES}, else throws listing the valid ones. */
export function requireOutcome(value: unknown, where: string): Outcome {
  if (!(OUTCOMES as readonly unknown[]).includes(value)) {
    throw new UserError(
      `${where}: unknown outcome ${describe(value)}; valid outcomes: ${OUTCOMES.join(', ')}`,
    );
  }
  return value as Outcome;
}

/** A short rendering of a bad value for an error message. */
function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.slice(0, 80);
}
