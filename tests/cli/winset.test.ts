import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/winset.ts';
import { UserError } from '../../src/errors.ts';
import { runCli, scenarioFile } from './runCli.ts';

describe('twolevel winset', () => {
  // A: median 0.3, q = 0 -> [0, 0.6]; B: median 0.5, q = 1 -> [0, 1]; overlap [0, 0.6]
  const file = scenarioFile({
    countries: [
      {
        reversion: 0,
        constituents: { idealPoints: { kind: 'explicit', values: [0.1, 0.3, 0.7] } },
      },
      {
        reversion: 1,
        constituents: { idealPoints: { kind: 'explicit', values: [0.4, 0.5, 0.9] } },
      },
    ],
  });

  it('prints each win-set, its size, median and reversion, and the overlap', async () => {
    const text = await runCli(command, [file]);
    expect(text).toContain('A: 3 constituents, reversion 0, median constituent 0.300000');
    expect(text).toContain('win-set  [0, 0.600000]');
    expect(text).toContain('B: 3 constituents, reversion 1, median constituent 0.500000');
    expect(text).toContain('win-set  [0, 1]');
    expect(text).toMatch(/overlap of all win-sets\n {2}\[0, 0\.600000\]\n {2}size {5}0\.600000/);
  });

  it('--json prints the same numbers', async () => {
    const json = JSON.parse(await runCli(command, [file, '--json', '--seed', '3']));
    expect(json.seed).toBe('3');
    expect(json.countries[0].intervals).toEqual([[0, 0.6]]);
    expect(json.countries[1].median).toEqual([0.5]);
    expect(json.overlap).toEqual({ intervals: [[0, 0.6]], size: 0.6 });
  });

  it('D = 2 with a common reversion: the single-issue overlaps', async () => {
    // one constituent each, q = (0, 0): the US (0.5, -0.1) accepts x_1 alone on [0, 1] and
    // x_2 alone only at 0; Germany (-0.1, 0.5) the other way round (MODEL.md 9.6)
    const two = scenarioFile({
      space: { D: 2 },
      countries: [
        {
          reversion: [0, 0],
          constituents: { idealPoints: { kind: 'explicit', values: [[0.5, -0.1]] } },
        },
        {
          reversion: [0, 0],
          constituents: { idealPoints: { kind: 'explicit', values: [[-0.1, 0.5]] } },
        },
      ],
    });
    const text = await runCli(command, [two]);
    expect(text).toContain('x_1 alone  [0, 0]\n  x_2 alone  [0, 0]');
    const json = JSON.parse(await runCli(command, [two, '--json']));
    expect(json.singleIssue).toEqual([
      { issue: 1, intervals: [[0, 0]] },
      { issue: 2, intervals: [[0, 0]] },
    ]);
  });

  it('the same seed gives the same drawn win-sets', async () => {
    const drawn = scenarioFile({});
    expect(await runCli(command, [drawn, '--seed', '5', '--json'])).toBe(
      await runCli(command, [drawn, '--seed', '5', '--json']),
    );
    expect(await runCli(command, [drawn, '--seed', '5', '--json'])).not.toBe(
      await runCli(command, [drawn, '--seed', '6', '--json']),
    );
  });

  it('reports a missing file and a missing argument as user errors', async () => {
    await expect(runCli(command, ['/nonexistent/s.json'])).rejects.toThrow(UserError);
    await expect(runCli(command, [])).rejects.toThrow('expected one scenario file, got none');
    await expect(runCli(command, [scenarioFile({ countries: [{}] })])).rejects.toThrow(/countries/);
  });
});
