import { UserError } from '../errors.ts';
import type { Command } from './command.ts';

/** Every command, in the order `twolevel --help` lists them. Each lives in its own file. */
const commands: Record<string, () => Promise<Command>> = {
  schema: async () => (await import('./schema.ts')).schemaCommand,
};

async function main(argv: string[]) {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const lines = await Promise.all(
      Object.values(commands).map(async (load) => {
        const c = await load();
        return `  ${c.name.padEnd(10)} ${c.summary}`;
      }),
    );
    console.log(
      `twolevel: Monte Carlo simulation of Putnam's two-level games\n\nUsage: twolevel <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'twolevel <command> --help' for a command's options.`,
    );
    return;
  }
  const load = commands[name];
  if (!load) {
    throw new UserError(
      `twolevel: unknown command '${name}'. Valid commands: ${Object.keys(commands).join(', ')}.`,
    );
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.help);
    return;
  }
  await command.run(rest);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UserError) {
    console.error(error.message);
    process.exitCode = 2;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
});
