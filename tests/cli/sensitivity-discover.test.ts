import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { command as discoverCommand } from '../../src/cli/discover.ts';
import { command as sensitivityCommand } from '../../src/cli/sensitivity.ts';
import { writeSyntheticResults } from '../analysis/syntheticResults.ts';
import { runCli } from './runCli.ts';

const QUOTA = 'countries.B.ratification.quota';
const FOREIGN = 'countries.A.negotiator.beliefs.sigmaForeign';

/** A saltelli sweep where agreement depends on the quota only, defection on both parameters. */
function sweep() {
  return writeSyntheticResults(
    {
      name: 'cli-saltelli',
      parameters: [
        { path: QUOTA, range: [0.5, 1] },
        { path: FOREIGN, range: [0, 0.3] },
      ],
      design: { kind: 'saltelli', baseCells: 64 },
      replications: 40,
      seed: 5,
    },
    (values, record, random) => {
      const q = values[QUOTA] as number;
      const s = values[FOREIGN] as number;
      const u = random();
      record.outcome =
        u < 1.5 - q ? 'agreement' : u < 1.5 - q + s ? 'involuntary_defection' : 'no_agreement';
    },
  );
}

describe('twolevel sensitivity and discover', () => {
  const dir = sweep();

  it('sensitivity prints the method and the indices, and writes its files and figure', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const text = await runCli(sensitivityCommand, [
      dir,
      '--outcome',
      'agreement',
      '--resamples',
      '200',
    ]);
    error.mockRestore();
    expect(text).toContain(
      'Saltelli design: N = 64 base points, k = 2 parameters, 256 cells of 40 replications.',
    );
    expect(text).toContain('| output | noise share | parameter | S1 [95% CI] | ST [95% CI] |');
    const rows = text.split('\n').filter((l) => l.startsWith('| agreement'));
    expect(rows).toHaveLength(2);
    // Agreement depends on the quota alone: its total index is near 1, the other's near 0
    // (its bootstrap interval, at N = 64, reaches 0).
    const csv = readFileSync(join(dir, 'sensitivity.csv'), 'utf8').trim().split('\n');
    const [quota, foreign] = csv.slice(1).map((line) => line.split(','));
    expect(Number(quota![6])).toBeGreaterThan(0.9);
    expect(Math.abs(Number(foreign![6]))).toBeLessThan(0.15);
    expect(Number(foreign![7])).toBeLessThanOrEqual(0);
    for (const file of [
      'sensitivity.md',
      'sensitivity.json',
      'figures/sensitivity-agreement.png',
    ]) {
      expect(existsSync(join(dir, file))).toBe(true);
    }
  });

  it('discover prints the box and writes its files and the trade-off figure', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const text = await runCli(discoverCommand, [dir, '--outcome', 'agreement', '--below', '0.6']);
    error.mockRestore();
    expect(text).toMatch(/^Cases: agreement < 0.6 in \d+ of 256 cells\./);
    expect(text).toContain(`| ${QUOTA} | [`);
    for (const file of [
      'discovery.csv',
      'discovery.md',
      'discovery.json',
      'figures/discovery-tradeoff.png',
    ]) {
      expect(existsSync(join(dir, file))).toBe(true);
    }
    const csv = readFileSync(join(dir, 'discovery.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe(
      `step,coverage,density,support,cells,restricted,chosen,${QUOTA}_lo,${QUOTA}_hi,${FOREIGN}_lo,${FOREIGN}_hi`,
    );
  });

  it('refuse bad flags with a message saying what would be valid', async () => {
    await expect(runCli(discoverCommand, [dir, '--outcome', 'agreement'])).rejects.toThrow(
      'give exactly one of --above T and --below T',
    );
    await expect(
      runCli(discoverCommand, [dir, '--outcome', 'agreement', '--above', 'high']),
    ).rejects.toThrow("--above: expected a number, got 'high'");
    await expect(runCli(discoverCommand, [dir, '--above', '0.2'])).rejects.toThrow(
      '--outcome is required',
    );
    await expect(runCli(sensitivityCommand, [dir, '--resamples', '0'])).rejects.toThrow(
      "--resamples: expected an integer >= 1, got '0'",
    );
  });
});
