import { extname } from 'node:path';
import { UserError } from '../errors.ts';
import { type Command, integerFlag, parseFlags } from './command.ts';

/** `twolevel replay`: one run of a results folder, replayed from its manifest. */
export const command: Command = {
  name: 'replay',
  summary: 'replay one run of a results folder (its record, trace, diagram)',
  help: `Usage: twolevel replay <results dir> --cell N --replication R [--trace] [--json] [--svg FILE]
       twolevel replay <results dir> --seed S [--cell N] [...]

Rebuilds the scenario of cell N from the folder's manifest (the base scenario with the cell's
parameter values), derives the run's seed and plays the game again, printing its record as
'twolevel simulate' does. When the folder kept per-run rows, the replayed row is compared
with the stored one, column by column, bit for bit. A failed ratification names the country
and chamber that voted no, with its yes share and quota.

Options:
  --cell N          the cell (column 'cell' of the run files)
  --replication R   the replication within the cell
  --seed S          find the run by its seed (column 'seed'); under common random numbers
                    a seed is shared by every cell, so give --cell too
  --trace           print the game round by round
  --json            print the record (and with --trace the events) as JSON
  --svg FILE        draw Putnam's Figure 1 for the run (D = 1 or 2): .svg, .png or .pdf

Example:
  twolevel replay results/winset-size --cell 3 --replication 17 --trace`,
  async run(argv) {
    const { values, positionals } = parseFlags('replay', argv, {
      cell: { type: 'string' },
      replication: { type: 'string' },
      seed: { type: 'string' },
      trace: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      svg: { type: 'string' },
    });
    if (positionals.length !== 1) {
      throw new UserError(
        `twolevel replay: expected one results folder, got ${positionals.length}. Run 'twolevel replay --help'.`,
      );
    }
    const dir = positionals[0]!;
    const { readManifest } = await import('../results/manifest.ts');
    const manifest = readManifest(dir);
    if (!manifest) throw new UserError(`replay: ${dir} is not a results folder (no manifest.json)`);
    const svg = values.svg;
    const extension = svg === undefined ? '' : extname(svg).slice(1).toLowerCase();
    if (svg !== undefined && !['', 'svg', 'png', 'pdf'].includes(extension)) {
      throw new UserError(`--svg: expected a file ending in .svg, .png or .pdf, got '${svg}'`);
    }
    if (svg !== undefined && manifest.layout.dimensions > 2) {
      throw new UserError(
        `--svg: the win-set diagram draws one or two dimensions; ${dir} has D = ${manifest.layout.dimensions}`,
      );
    }
    const { failedVotes, replayRun } = await import('../engine/replay.ts');
    const { diagramInput, printRecord, printTrace, recordJson } = await import('./simulate.ts');
    const replay = await replayRun(dir, manifest, {
      cell: values.cell === undefined ? undefined : integerFlag('cell', values.cell, 0),
      replication:
        values.replication === undefined
          ? undefined
          : integerFlag('replication', values.replication, 0),
      seed: values.seed,
    });
    const { scenario, record, events, differing } = replay;
    const names = scenario.countries.map((c) => c.name);
    const failures = failedVotes(scenario, events);
    const where = `${dir}, cell ${replay.cell} ${replay.key}, replication ${replay.replication}`;
    if (values.json) {
      const trace = values.trace ? { trace: events.filter((e) => e.type !== 'levelII') } : {};
      console.log(
        JSON.stringify(
          {
            folder: dir,
            cell: replay.cell,
            key: replay.key,
            replication: replay.replication,
            record: recordJson(record),
            failedVotes: failures,
            matchesStoredRow: differing === null ? null : differing.length === 0,
            ...trace,
          },
          null,
          2,
        ),
      );
    } else {
      if (values.trace) printTrace(events, names);
      printRecord(scenario, where, record);
      if (failures.length > 0) console.log(`\nratification failed:\n  ${failures.join('\n  ')}`);
      console.log(
        differing === null
          ? '\nno per-run rows kept (--runs none): nothing to compare with'
          : differing.length === 0
            ? '\nthe replayed row equals the stored row, bit for bit'
            : '',
      );
    }
    if (svg !== undefined) {
      const { renderFigure } = await import('../charts/render.ts');
      const base = extension === '' ? svg : svg.slice(0, -extname(svg).length);
      const { winSetDiagram } = await import('../charts/winSetDiagram.ts');
      const spec = winSetDiagram(diagramInput(scenario, events, record), {
        theme: 'paper',
        columns: 2,
        title: `cell ${replay.cell}, replication ${replay.replication}: ${record.outcome.replace('_', ' ')}`,
      });
      const written = await renderFigure(spec, base, [(extension || 'svg') as 'svg']);
      if (!values.json) console.log(`wrote ${written.join(', ')}`);
    }
    if (differing !== null && differing.length > 0) {
      throw new UserError(
        `replay: the replayed run differs from the stored row in ${differing.join(', ')}: the folder was written by another version of the model, or its run file was changed`,
      );
    }
  },
};
