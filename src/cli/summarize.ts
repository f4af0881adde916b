import { UserError } from '../errors.ts';
import { type Command, parseFlags } from './command.ts';

/** `twolevel summarize`: rates and means with 95% intervals, per cell or pooled by parameters. */
export const command: Command = {
  name: 'summarize',
  summary: 'rates and means with 95% intervals, per cell or by parameters',
  help: `Usage: twolevel summarize <results dir> [--by parameter,...]

Summarises a finished sweep from its per-cell sums (cells.arrow): per group, the runs, the
rates of agreement, no agreement, involuntary and voluntary defection and the conditional
ratification failure rate (failures / tentative agreements), each with a Wilson 95%
interval, and the means of rounds, gains and win-set sizes with t 95% intervals.

Writes summary.csv, summary.json and summary.md into the folder and prints the Markdown table.

Options:
  --by P1,P2   keep these varied parameters, pooling the others (default: all, one row per cell;
               --by '' pools everything)

Example:
  twolevel summarize results/winset-size --by countries.A.negotiator.beliefs.sigmaForeign`,
  async run(argv) {
    const { values, positionals } = parseFlags('summarize', argv, { by: { type: 'string' } });
    if (positionals.length !== 1) {
      throw new UserError(
        `twolevel summarize: expected one results folder, got ${positionals.length}. Run 'twolevel summarize --help'.`,
      );
    }
    const { readResults } = await import('../analysis/readResults.ts');
    const { summarize } = await import('../analysis/summarize.ts');
    const { markdownTable, summaryDisplay } = await import('../analysis/summaryDisplay.ts');
    const { writeSummary } = await import('../analysis/writeSummary.ts');
    const results = readResults(positionals[0]!);
    const by =
      values.by === undefined
        ? results.parameters
        : values.by
            .split(',')
            .map((p) => p.trim())
            .filter((p) => p !== '');
    const layout = results.manifest.layout;
    const summary = summarize(results.cells, results.parameters, layout, by);
    const written = writeSummary(results.dir, summary, by, layout, results.manifest.parameters);
    console.log(markdownTable(summaryDisplay(summary, by, layout)));
    console.error(`wrote ${written.join(', ')}`);
  },
};
