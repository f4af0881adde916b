import { UserError } from '../errors.ts';
import { VALIDATION_CASES } from '../validation/cases.ts';
import {
  runValidation,
  type ValidationCase,
  type ValidationResult,
} from '../validation/validationCase.ts';
import { type Command, parseFlags } from './command.ts';

const format = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(6));

/** One result as a table row: case, closed form, exact, estimate, 99% interval, n, verdict. */
function row(r: ValidationResult): string[] {
  return [
    r.name,
    r.closedForm,
    format(r.exact),
    format(r.estimate),
    `[${format(r.interval[0])}, ${format(r.interval[1])}]`,
    String(r.n),
    r.pass ? 'PASS' : 'FAIL',
  ];
}

/** Pads the columns of `rows` (the first two left-aligned, the rest right-aligned). */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * `twolevel validate` over `cases`: prints one row per result and sets a non-zero exit
 * status (1) when any fails. A factory so that tests can run it on cases of their own.
 *
 * @param cases the validation cases
 * @returns the command
 */
export function validateCommand(cases: readonly ValidationCase[]): Command {
  return {
    name: 'validate',
    summary: 'check the model against its closed forms (exact value, estimate, 99% interval)',
    help: `Usage: twolevel validate [--case ID,...] [--seed S] [--json]

Checks the model against the closed forms it must reproduce (MODEL.md section 2 and the
benchmarks of section 4) and prints, per check: the closed form, its exact value, the
simulation's estimate, the estimate's 99% interval (Wilson for a share, Student t for a
mean), the number of draws, profiles or games n, and PASS when the interval covers the exact
value, FAIL otherwise. A share whose exact value is 1 (or 0) passes only when every draw
agrees (or none does). Exits with status 1 when any check fails.

Cases (ids for --case): ${cases.map((c) => c.id).join(', ')}

Options:
  --case ID,...  run only these cases
  --seed S       master seed (default 1988); case c draws from alea('<S>/<c>'). With
                 another seed each mean or share of 1/2 can fail by chance (1% each).
  --json         print the results as JSON

Example:
  twolevel validate --case k-of-n,divide-overlap`,
    run(argv: string[]) {
      const { values, positionals } = parseFlags('validate', argv, {
        case: { type: 'string' },
        seed: { type: 'string', default: '1988' },
        json: { type: 'boolean', default: false },
      });
      if (positionals.length > 0) {
        throw new UserError(
          `twolevel validate: unexpected argument '${positionals[0]}'. Run 'twolevel validate --help'.`,
        );
      }
      let chosen = cases;
      if (values.case !== undefined) {
        const ids = values.case.split(',').map((s) => s.trim());
        const unknown = ids.filter((id) => !cases.some((c) => c.id === id));
        if (unknown.length > 0) {
          throw new UserError(
            `--case: unknown case '${unknown[0]}'. Valid cases: ${cases.map((c) => c.id).join(', ')}.`,
          );
        }
        chosen = cases.filter((c) => ids.includes(c.id));
      }
      const started = performance.now();
      const results = runValidation(chosen, values.seed!);
      const seconds = (performance.now() - started) / 1000;
      const failed = results.filter((r) => !r.pass).length;
      if (values.json) {
        console.log(JSON.stringify({ seed: values.seed, seconds, failed, results }, null, 2));
      } else {
        const header = ['case', 'closed form', 'exact', 'estimate', '99% interval', 'n', ''];
        console.log(table([header, ...results.map(row)]));
        console.log(
          `\n${results.length - failed} passed, ${failed} failed (seed ${values.seed}, ${seconds.toFixed(1)} s)`,
        );
      }
      if (failed > 0) process.exitCode = 1;
    },
  };
}

/** `twolevel validate`: the model against its closed forms. */
export const command = validateCommand(VALIDATION_CASES);
