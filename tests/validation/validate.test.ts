import { afterEach, describe, expect, it } from 'vitest';
import { command, validateCommand } from '../../src/cli/validate.ts';
import { UserError } from '../../src/errors.ts';
import { VALIDATION_CASES } from '../../src/validation/cases.ts';
import {
  meanResult,
  runValidation,
  shareResult,
  type ValidationCase,
} from '../../src/validation/validationCase.ts';
import { runCli } from '../cli/runCli.ts';

describe('validation results', () => {
  it('a share of 1 passes only when every draw agrees (Wilson 99%)', () => {
    // x = n: hi = 1 and lo = n / (n + z^2) = 200 / 206.635 = 0.96789
    const all = shareResult('c', 'f', 1, 200, 200);
    expect(all.pass).toBe(true);
    expect(all.interval[0]).toBeCloseTo(200 / (200 + 2.5758293035489004 ** 2), 12);
    expect(all.interval[1]).toBe(1);
    expect(shareResult('c', 'f', 1, 199, 200).pass).toBe(false);
    expect(shareResult('c', 'f', 0, 0, 1000).pass).toBe(true);
    expect(shareResult('c', 'f', 0, 1, 1000).pass).toBe(false);
  });

  it('a mean passes when its 99% t interval covers the exact value', () => {
    // 2, 4, 6: mean 4, s = 2, t(0.995, 2) = 9.924843: 4 +- 9.924843 * 2 / sqrt(3) = 4 +- 11.4602
    const r = meanResult('c', 'f', 4, 3, 12, 56);
    expect(r.estimate).toBe(4);
    expect(r.interval[0]).toBeCloseTo(4 - (9.924843 * 2) / Math.sqrt(3), 5);
    expect(r.pass).toBe(true);
    expect(meanResult('c', 'f', 16, 3, 12, 56).pass).toBe(false);
  });
});

describe('every closed form of twolevel validate holds (seed 1988)', () => {
  const results = runValidation(VALIDATION_CASES, '1988');

  it('runs 14 checks', () => {
    expect(results.map((r) => r.n)).toEqual([
      2000,
      4000,
      4000,
      4000,
      500,
      500,
      500,
      20_000,
      results[8]!.n,
      1000,
      1000,
      1000,
      1000,
      1000,
    ]);
  });

  it.each(results.map((r) => [r.name, r] as const))('%s', (_, r) => {
    expect(r.interval[0]).toBeLessThanOrEqual(r.exact);
    expect(r.interval[1]).toBeGreaterThanOrEqual(r.exact);
    expect(r.pass).toBe(true);
  });

  it('the means are within 3 standard errors of the closed forms, the shares exact', () => {
    for (const r of results) {
      if (r.closedForm.startsWith('share')) expect(r.estimate).toBe(r.exact);
      // a 99% interval is 2.576 standard errors each side
      else
        expect(Math.abs(r.estimate - r.exact)).toBeLessThan(
          (3 / 2.576) * (r.interval[1] - r.estimate),
        );
    }
  });
});

describe('twolevel validate', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  const failing: ValidationCase = {
    id: 'wrong',
    run: () => [shareResult('a closed form that does not hold', 'share = 1', 1, 9, 10)],
  };
  const passing: ValidationCase = {
    id: 'right',
    run: () => [meanResult('a mean that holds', '1/2', 0.5, 4, 2, 1.1)],
  };

  it('prints a row per check and exits 0 when all pass', async () => {
    const text = await runCli(validateCommand([passing]), []);
    expect(text).toMatch(/^case +closed form +exact +estimate +99% interval +n$/m);
    expect(text).toMatch(
      /^a mean that holds +1\/2 +0\.500000 +0\.500000 +\[-0\.0331996, 1\.03320\] +4 +PASS$/m,
    );
    expect(text).toMatch(/1 passed, 0 failed \(seed 1988, [0-9.]+ s\)/);
    expect(process.exitCode).toBeUndefined();
  });

  it('exits with status 1 when a check fails', async () => {
    const text = await runCli(validateCommand([passing, failing]), ['--json']);
    const json = JSON.parse(text);
    expect(json.failed).toBe(1);
    expect(json.results[1]).toMatchObject({ exact: 1, estimate: 0.9, n: 10, pass: false });
    expect(process.exitCode).toBe(1);
  });

  it('--case runs the named cases; an unknown one is refused with the valid ids', async () => {
    const text = await runCli(command, ['--case', 'divide-overlap', '--json']);
    expect(JSON.parse(text).results.map((r: { exact: number }) => r.exact)).toEqual([0.5, 1 / 3]);
    await expect(runCli(command, ['--case', 'median'])).rejects.toThrow(UserError);
    await expect(runCli(command, ['--case', 'median'])).rejects.toThrow(
      /unknown case 'median'. Valid cases: median-voter, k-of-n, setter, divide-overlap, nash, no-uncertainty/,
    );
  });
});
