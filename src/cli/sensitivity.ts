import { join } from 'node:path';
import { readResults } from '../analysis/readResults.ts';
import {
  SENSITIVITY_RESAMPLES,
  sensitivity,
  sensitivityDisplay,
  sensitivityMethod,
  writeSensitivity,
} from '../analysis/sensitivity.ts';
import { markdownTable } from '../analysis/summaryDisplay.ts';
import { UserError } from '../errors.ts';
import { type Command, integerFlag, parseFlags } from './command.ts';

/** `twolevel sensitivity`: Sobol indices of a sweep run with a saltelli design. */
export const command: Command = {
  name: 'sensitivity',
  summary: 'Sobol sensitivity indices (first order, total) of a saltelli sweep',
  help: `Usage: twolevel sensitivity <results dir> [--outcome NAME,...] [--resamples B] [--seed S]

Computes, from the per-cell estimates of a sweep run with design { kind: 'saltelli',
baseCells: N }, each varied parameter's first-order index S1 (Saltelli et al. 2010) and total
index ST (Jansen 1999) for every outcome rate and metric mean (or those named), corrected for
the cells' replication noise, with percentile bootstrap 95% intervals from resampling the
base points (seeded: the same folder gives the same numbers).

Writes sensitivity.csv, sensitivity.md, sensitivity.json and, per output, the bar chart
figures/sensitivity-<output>.{vl.json,svg,png,pdf}; prints the Markdown table.

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
    const results = readResults(positionals[0]!);
    const outputs = values.outcome
      ?.split(',')
      .map((o) => o.trim())
      .filter((o) => o !== '');
    const result = sensitivity(results, {
      ...(outputs && { outputs }),
      resamples: integerFlag('resamples', values.resamples, SENSITIVITY_RESAMPLES, 1),
      ...(values.seed !== undefined && { seed: values.seed }),
    });
    const written = writeSensitivity(results.dir, result);
    const { sensitivityFigure } = await import('../analysis/figureSpec.ts');
    const { renderFigure } = await import('../charts/render.ts');
    for (const output of result.outputs) {
      if (output.skipped) continue;
      const spec = sensitivityFigure(result, output, { theme: 'paper', columns: 1 });
      const files = await renderFigure(
        spec,
        join(results.dir, 'figures', `sensitivity-${output.output}`),
      );
      written.push(files.find((f) => f.endsWith('.png'))!);
    }
    console.log(`${sensitivityMethod(result)}\n`);
    console.log(markdownTable(sensitivityDisplay(result)));
    console.error(`wrote ${written.join(', ')}`);
  },
};
