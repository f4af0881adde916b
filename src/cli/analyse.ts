import { UserError } from '../errors.ts';
import { type Command, parseFlags } from './command.ts';

/** `twolevel analyse`: the whole analysis of a finished results folder (e.g. one `merge` made). */
export const command: Command = {
  name: 'analyse',
  summary: 'summary, hypotheses, figures and report of a results folder (e.g. after merge)',
  help: `Usage: twolevel analyse <results dir>

Writes the analysis an unsharded 'twolevel run' writes after its sweep, from the folder
alone: summary.csv/.json/.md, hypotheses.csv/.md, figures/ (.vl.json, .svg, .png, .pdf)
and report.html. Use it on a folder made by 'twolevel merge', or after editing the
experiment's hypotheses or figures and rerunning 'run' (which keeps the runs).

Example:
  twolevel analyse results/quota`,
  async run(argv) {
    const { positionals } = parseFlags('analyse', argv, {});
    if (positionals.length !== 1) {
      throw new UserError(
        `twolevel analyse: expected one results folder, got ${positionals.length}. Run 'twolevel analyse --help'.`,
      );
    }
    const { analyseResults, describeOutputs } = await import('../report/analyseResults.ts');
    for (const line of describeOutputs(await analyseResults(positionals[0]!))) console.log(line);
  },
};
