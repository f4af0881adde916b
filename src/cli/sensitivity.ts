import { join } from 'node:path';
import { SENSITIVITY_RESAMPLES } from '../analysis/sobolIndices.ts';
import { markdownTable } from '../analysis/summaryDisplay.ts';
import { UserError } from '../errors.ts';
import { type Command, integerFlag, parseFlags } from './command.ts';

/**
 * `twolevel sensitivity`: the global sensitivity analysis the sweep's design was built for,
 * Sobol indices of a saltelli sweep or Morris measures of a morris sweep.
 */
export const command: Command = {
  name: 'sensitivity',
  summary: 'Sobol indices of a saltelli sweep, or Morris mu, mu*, sigma of a morris sweep',
  help: `Usage: twolevel sensitivity <results dir> [--outcome NAME,...] [--resamples B] [--seed S]

For a sweep run with design { kind: 'saltelli', baseCells: N }: each varied parameter's
first-order index S1 (Saltelli et al. 2010) and total index ST (Jansen 1999) for every
outcome rate and metric mean (or those named), from the per-cell estimates, corrected for
the cells' replication noise, with percentile bootstrap 95% intervals from resampling the
base points.

For a sweep run with design { kind: 'morris', trajectories: r, levels: p }: each
parameter's Morris measures (Morris 1991; Campolongo et al. 2007) for every output: mu (mean
elementary effect), mu* (mean absolute effect) and sigma (their standard deviation), each
effect the change of the output per whole range of the parameter, with percentile bootstrap
95% intervals from resampling the trajectories, and the replication noise of one effect.

The resampling is seeded: the same folder gives the same numbers.

Writes sensitivity.csv, sensitivity.md, sensitivity.json and, per output, the figure
figures/sensitivity-<output>.{vl.json,svg,png,pdf} (Sobol: bars; Morris: mu* against
sigma); prints the Markdown table.

Options:
  --outcome N,...  outputs to analyse: agreement, no_agreement, involuntary_defection,
                   voluntary_defection, ratification_failure, or a metric such as gain_A
                   (default: all)
  --resamples B    bootstrap resamples (default ${SENSITIVITY_RESAMPLES})
  --seed S         seed of the resampling (default: the experiment's master seed)

Example:
  twolevel sensitivity results/defection-drivers --outcome involuntary_defection`,
  async run(argv) {
    const { values, positionals } = parseFlags('sensitivity', argv, {
      outcome: { type: 'string' },
      resamples: { type: 'string' },
      seed: { type: 'string' },
    });
    if (positionals.length !== 1) {
      throw new UserError(
        `twolevel sensitivity: expected one results folder, got ${positionals.length}. Run 'twolevel sensitivity --help'.`,
      );
    }
    const { readResults } = await import('../analysis/readResults.ts');
    const results = readResults(positionals[0]!);
    const outputs = values.outcome
      ?.split(',')
      .map((o) => o.trim())
      .filter((o) => o !== '');
    const options = {
      ...(outputs && { outputs }),
      resamples: integerFlag('resamples', values.resamples, SENSITIVITY_RESAMPLES, 1),
      ...(values.seed !== undefined && { seed: values.seed }),
    };
    const { morrisFigure, sensitivityFigure } = await import('../analysis/figureSpec.ts');
    const { renderFigure } = await import('../charts/render.ts');
    const figure = { theme: 'paper' as const, columns: 1 as const };
    const draw = async (output: string, spec: Parameters<typeof renderFigure>[0]) => {
      const files = await renderFigure(spec, join(results.dir, 'figures', `sensitivity-${output}`));
      return files.find((f) => f.endsWith('.png'))!;
    };
    let written: string[];
    let method: string;
    let table: string;
    if (results.manifest.experiment.design.kind === 'morris') {
      const { morrisDisplay, morrisMethod, morrisSensitivity, writeMorris } = await import(
        '../analysis/morris.ts'
      );
      const result = morrisSensitivity(results, options);
      written = writeMorris(results.dir, result);
      for (const output of result.outputs) {
        if (!output.skipped)
          written.push(await draw(output.output, morrisFigure(result, output, figure)));
      }
      method = morrisMethod(result);
      table = markdownTable(morrisDisplay(result));
    } else {
      const { sensitivity, sensitivityDisplay, sensitivityMethod, writeSensitivity } = await import(
        '../analysis/sensitivity.ts'
      );
      const result = sensitivity(results, options);
      written = writeSensitivity(results.dir, result);
      for (const output of result.outputs) {
        if (!output.skipped) {
          written.push(await draw(output.output, sensitivityFigure(result, output, figure)));
        }
      }
      method = sensitivityMethod(result);
      table = markdownTable(sensitivityDisplay(result));
    }
    console.log(`${method}\n`);
    console.log(table);
    console.error(`wrote ${written.join(', ')}`);
  },
};
