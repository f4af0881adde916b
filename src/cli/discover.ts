import { join } from 'node:path';
import { MIN_COVERAGE } from '../analysis/prim.ts';
import { markdownTable } from '../analysis/summaryDisplay.ts';
import { UserError } from '../errors.ts';
import { type Command, integerFlag, parseFlags } from './command.ts';

/** A flag that must be a finite number, naming the flag when it is not. */
function numberFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) {
    throw new UserError(`--${flag}: expected a number, got '${value}'`);
  }
  return n;
}

/** `twolevel discover`: PRIM scenario discovery over a sweep's sampled parameter space. */
export const command: Command = {
  name: 'discover',
  summary: 'scenario discovery (PRIM): the parameter box where an outcome is high or low',
  help: `Usage: twolevel discover <results dir> --outcome NAME (--above T | --below T)
         [--min-coverage C] [--box I] [--peel-alpha A] [--paste-alpha A] [--min-support S]

Scenario discovery with PRIM (Friedman and Fisher 1999): the cells whose estimate of the
outcome is above (or below) the threshold are the cases of interest; PRIM peels the
sampled parameter space into boxes of ever higher case density, and reports the chosen box:
bounds per parameter, coverage (cases inside / all cases), density (cases inside / cells
inside), support (cells inside / all cells), and which parameters it restricts, each with
the coverage and density the box would have without that restriction.

Writes discovery.csv (the peeling trajectory), discovery.md, discovery.json and the
trade-off figure figures/discovery-tradeoff.{vl.json,svg,png,pdf}; prints the box.

Options:
  --outcome N       a rate (agreement, involuntary_defection, ratification_failure, ...) or a
                    metric mean (gain_A, rounds, ...)
  --above T         cases: cells whose estimate is > T (or --below T: < T)
  --min-coverage C  choose the densest box covering at least C of the cases (default ${MIN_COVERAGE})
  --box I           choose box I of the trajectory instead (see discovery.csv)
  --peel-alpha A    share of the box's cells each peel removes (default 0.05)
  --paste-alpha A   share each paste adds (default 0.05)
  --min-support S   peeling stops before the box holds less than S of the cells (default 0.05)

Example:
  twolevel discover results/defection-drivers --outcome involuntary_defection --above 0.2`,
  async run(argv) {
    const { values, positionals } = parseFlags('discover', argv, {
      outcome: { type: 'string' },
      above: { type: 'string' },
      below: { type: 'string' },
      'min-coverage': { type: 'string' },
      box: { type: 'string' },
      'peel-alpha': { type: 'string' },
      'paste-alpha': { type: 'string' },
      'min-support': { type: 'string' },
    });
    if (positionals.length !== 1) {
      throw new UserError(
        `twolevel discover: expected one results folder, got ${positionals.length}. Run 'twolevel discover --help'.`,
      );
    }
    if (values.outcome === undefined) {
      throw new UserError(
        "twolevel discover: --outcome is required (e.g. --outcome involuntary_defection --above 0.2). Run 'twolevel discover --help'.",
      );
    }
    if ((values.above === undefined) === (values.below === undefined)) {
      throw new UserError(
        'twolevel discover: give exactly one of --above T and --below T (the cases are the cells whose estimate is above or below T)',
      );
    }
    const { readResults } = await import('../analysis/readResults.ts');
    const { discover, discoveryDisplay, discoverySummary, writeDiscovery } = await import(
      '../analysis/discovery.ts'
    );
    const results = readResults(positionals[0]!);
    const direction = values.above !== undefined ? 'above' : 'below';
    const threshold = numberFlag(direction, values[direction])!;
    const option = (flag: string) =>
      numberFlag(flag, values[flag as keyof typeof values] as string);
    const peelAlpha = option('peel-alpha');
    const pasteAlpha = option('paste-alpha');
    const minSupport = option('min-support');
    const minCoverage = option('min-coverage');
    const result = discover(
      results,
      { output: values.outcome, direction, threshold },
      {
        ...(peelAlpha !== undefined && { peelAlpha }),
        ...(pasteAlpha !== undefined && { pasteAlpha }),
        ...(minSupport !== undefined && { minSupport }),
        ...(minCoverage !== undefined && { minCoverage }),
        ...(values.box !== undefined && { box: integerFlag('box', values.box, 0) }),
      },
    );
    const written = writeDiscovery(results.dir, result);
    const { discoveryFigure } = await import('../analysis/figureSpec.ts');
    const { renderFigure } = await import('../charts/render.ts');
    const figure = await renderFigure(
      discoveryFigure(result, { theme: 'paper', columns: 1 }),
      join(results.dir, 'figures', 'discovery-tradeoff'),
    );
    written.push(figure.find((f) => f.endsWith('.png'))!);
    console.log(`${discoverySummary(result)}\n`);
    console.log(markdownTable(discoveryDisplay(result)));
    console.error(`wrote ${written.join(', ')}`);
  },
};
