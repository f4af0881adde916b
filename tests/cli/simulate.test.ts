import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/simulate.ts';
import { UserError } from '../../src/errors.ts';
import { playGame } from '../../src/negotiation/game.ts';
import { loadScenario } from '../../src/scenario/parse.ts';
import { exactCountries } from '../negotiation/fixtures/exactCountries.ts';
import { runCli, scenarioFile } from './runCli.ts';

describe('twolevel simulate', () => {
  // Romer-Rosenthal: setter ideal 1, responder median 0.3, q = 0: x = 0.6 (exact beliefs, no
  // voter noise)
  const file = scenarioFile({
    protocol: { name: 'ultimatum' },
    countries: exactCountries([
      { reversion: 0, constituents: { idealPoints: { kind: 'explicit', values: [1] } } },
      { reversion: 0, constituents: { idealPoints: { kind: 'explicit', values: [0.3] } } },
    ]),
  });

  it('prints the record', async () => {
    const text = await runCli(command, [file, '--seed', '3']);
    expect(text).toContain('outcome      agreement (1 rounds, 0 reopenings)');
    expect(text).toContain('agreement    0.6000');
  });

  it('prints the record and the trace as JSON', async () => {
    const json = JSON.parse(await runCli(command, [file, '--json', '--trace']));
    expect(json.record.agreement).toEqual([0.6]);
    expect(json.record.seed).toBe('1');
    expect(json.trace.map((e: { type: string }) => e.type)).toEqual([
      'session',
      'offer',
      'tentative',
      'vote',
      'vote',
      'outcome',
    ]);
  });

  it('prints the game round by round with --trace', async () => {
    const text = await runCli(command, [file, '--trace']);
    expect(text).toContain('round 0: A offers 0.6000; believes ratification A 1, B 1');
    expect(text).toContain('ratification: B passes (yes shares 1)');
  });

  it("draws Putnam's Figure 1 with --svg", async () => {
    const folder = dirname(file);
    const svg = join(folder, 'figure.svg');
    await runCli(command, [file, '--svg', svg]);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg/);
    expect(existsSync(join(folder, 'figure.vl.json'))).toBe(true);
  });

  it('rejects a figure format it cannot write, and a missing file', async () => {
    await expect(command.run([file, '--svg', 'figure.gif'])).rejects.toThrow(
      "--svg: expected a file ending in .svg, .png or .pdf, got 'figure.gif'",
    );
    await expect(command.run([])).rejects.toThrow(UserError);
  });
});

describe('the example scenarios of experiments/scenarios', () => {
  const dir = 'experiments/scenarios';
  it('are valid and play', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files).toEqual(
      expect.arrayContaining([
        'bonn-package-deal.json',
        'putnam-figure1-large-winset.json',
        'putnam-figure1-small-winset.json',
        'uncertain-ultimatum.json',
      ]),
    );
    for (const f of files) {
      expect(playGame(loadScenario(join(dir, f)), 'example').seed).toBe('example');
    }
  });
});
