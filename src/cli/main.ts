import { readdirSync } from 'node:fs';
import { describeSystemError, UserError } from '../errors.ts';
import type { Command } from './command.ts';

/**
 * The commands are the files of this folder (one command per file, each exporting
 * `command`); `--help` lists them in this order, then any others by name.
 */
const order = [
  'simulate',
  'winset',
  'run',
  'merge',
  'slurm',
  'status',
  'analyse',
  'summarize',
  'plot',
  'report',
  'query',
  'replay',
  'sensitivity',
  'discover',
  'schema',
];
const folder = new URL('.', import.meta.url);
/** `.ts` in src/cli/, `.js` once compiled to dist/cli/ (`npm run build`). */
const ext = import.meta.url.endsWith('.js') ? '.js' : '.ts';
const names = readdirSync(folder)
  .filter((f) => f.endsWith(ext) && f !== `main${ext}` && f !== `command${ext}`)
  .map((f) => f.slice(0, -ext.length))
  .sort((a, b) => {
    const rank = (n: string) => (order.includes(n) ? order.indexOf(n) : order.length);
    return rank(a) - rank(b) || a.localeCompare(b);
  });

async function load(name: string): Promise<Command> {
  return ((await import(new URL(`${name}${ext}`, folder).href)) as { command: Command }).command;
}

async function main(argv: string[]) {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const commands = await Promise.all(names.map(load));
    const lines = commands.map((c) => `  ${c.name.padEnd(11)} ${c.summary}`);
    console.log(
      `twolevel: Monte Carlo simulation of Putnam's two-level games\n\nUsage: twolevel <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'twolevel <command> --help' for a command's options.`,
    );
    return;
  }
  if (!names.includes(name)) {
    throw new UserError(
      `twolevel: unknown command '${name}'. Valid commands: ${names.join(', ')}.`,
    );
  }
  const command = await load(name);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.help);
    return;
  }
  await command.run(rest);
}

// A reader that stops early (`twolevel ... | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).catch((error: unknown) => {
  const system = describeSystemError(error);
  if (error instanceof UserError) {
    console.error(error.message);
    process.exitCode = error.exitCode;
  } else if (system) {
    // a full disk, a permission, a name too long: the file and what to do, no stack trace
    console.error(system);
    process.exitCode = 1;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
});
