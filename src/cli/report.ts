import { UserError } from '../errors.ts';
import { type Command, parseFlags } from './command.ts';

/** `twolevel report`: writes a self-contained HTML report of a results folder. */
export const command: Command = {
  name: 'report',
  summary: 'write report.html: design, hypotheses, summaries, interactive figures',
  help: `Usage: twolevel report <results dir>

Writes <results dir>/report.html: the experiment's description and design, its hypotheses
with their tests and verdicts, the summary tables, the declared figures as interactive
charts, and the provenance (versions, seed, fingerprint, times) from the manifest. The page
is self-contained: vega, vega-lite and vega-embed are inlined, nothing loads from a network.

Example:
  twolevel report results/winset-size`,
  async run(argv) {
    const { positionals } = parseFlags('report', argv, {});
    if (positionals.length !== 1) {
      throw new UserError(
        `twolevel report: expected one results folder, got ${positionals.length}. Run 'twolevel report --help'.`,
      );
    }
    const { readResults, readRuns } = await import('../analysis/readResults.ts');
    const { evaluateHypotheses } = await import('../analysis/evaluateHypotheses.ts');
    const { writeReport } = await import('../report/report.ts');
    const results = readResults(positionals[0]!);
    let runs: ReturnType<typeof readRuns> | undefined;
    const readRunsOnce = () => {
      runs ??= readRuns(results);
      return runs;
    };
    const hypotheses = evaluateHypotheses(
      results,
      results.manifest.experiment.hypotheses,
      readRunsOnce,
    );
    console.log(writeReport(results, hypotheses, readRunsOnce));
  },
};
