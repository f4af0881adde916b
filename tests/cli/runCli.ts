import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { Command } from '../../src/cli/command.ts';

/** Writes `content` as JSON to `scenario.json` in a fresh temporary folder; returns its path. */
export function scenarioFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'twolevel-cli-')), 'scenario.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

/** Runs a `twolevel` command with `argv` and returns what it printed with `console.log`. */
export async function runCli(command: Command, argv: string[]): Promise<string> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await command.run(argv);
    return log.mock.calls.map((c) => String(c[0])).join('\n');
  } finally {
    log.mockRestore();
  }
}
