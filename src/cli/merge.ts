import { UserError } from '../errors.ts';
import { type Command, parseFlags } from './command.ts';

/** `twolevel merge`: combines the shards of a sweep into the folder a single run gives. */
export const command: Command = {
  name: 'merge',
  summary: 'combine the shards of a sweep (run with --shard i/n) into one results folder',
  help: `Usage: twolevel merge <shard folder>... --out DIR

Combines the results folders of shards 1/n .. n/n of one experiment (each run with
'twolevel run --shard i/n', on any machine) into DIR, giving exactly the files of a single
unsharded run (its manifest differs only in timing). Each shard is checked against its
checksums first; DIR must be new or empty and outside the shards. Then
'twolevel analyse DIR' writes the summary, hypotheses, figures and report.

Example:
  twolevel merge results/quota-1 results/quota-2 --out results/quota`,
  async run(argv) {
    const { values, positionals } = parseFlags('merge', argv, { out: { type: 'string' } });
    if (values.out === undefined) {
      throw new UserError('twolevel merge: --out DIR is required (the merged folder)');
    }
    const { mergeShards } = await import('../engine/merge.ts');
    const runs = mergeShards(positionals, values.out);
    console.error(
      `merged ${positionals.length} shard(s), ${runs} runs; 'twolevel analyse ${values.out}' writes the analysis`,
    );
    console.log(values.out);
  },
};
