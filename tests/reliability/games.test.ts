/*
 * Issue 12's reproducers inside a game: a beta draw of 0/0 that hung the win-set sweep
 * (item 1), and custom protocols whose results were never checked (item 6).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { afterAll, describe, expect, it } from 'vitest';
import { command as winsetCommand } from '../../src/cli/winset.ts';
import { parseExperiment } from '../../src/engine/experiment.ts';
import { runExperiment } from '../../src/engine/run.ts';
import { createIntervals } from '../../src/model/intervals.ts';
import { betaDraw, fromUniform, gammaDraw } from '../../src/model/random.ts';
import { winSet } from '../../src/model/winSet.ts';
import { playGame } from '../../src/negotiation/game.ts';
import { ProtocolError } from '../../src/negotiation/protocols/protocol.ts';
import { loadProtocolModule } from '../../src/negotiation/protocols/registry.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { runCli, scenarioFile } from '../cli/runCli.ts';
import { makeProfile } from '../model/makeProfile.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'twolevel-games-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const tinyShapes = {
  form: 'divide',
  countries: [{ constituents: { reservations: { kind: 'beta', alpha: 0.001, beta: 0.001 } } }, {}],
} as const;

describe('a beta draw with shapes near 0 (issue 12, item 1)', () => {
  it('is finite, in [0, 1], with mean 1/2 within 4 standard errors', () => {
    const rng = fromUniform(seedrandom.alea('beta'));
    const n = 10_000;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const x = betaDraw(rng, 0.001, 0.001);
      expect(x >= 0 && x <= 1).toBe(true);
      sum += x;
    }
    // Beta(a, a) has variance 1 / (4 (2a + 1)): 0.2495 at a = 0.001
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(0.2495 / n));
  });

  it('keeps the draws of ordinary shapes bit for bit (X / (X + Y))', () => {
    const a = fromUniform(seedrandom.alea('same'));
    const b = fromUniform(seedrandom.alea('same'));
    for (const [s, t] of [
      [2, 5],
      [0.5, 0.7],
      [3, 0.2],
    ] as const) {
      const x = gammaDraw(b, s);
      const y = gammaDraw(b, t);
      expect(betaDraw(a, s, t)).toBe(x / (x + y));
    }
  });

  it('the reproducer returns from simulate, winset and run', async () => {
    const scenario = parseScenario(tinyShapes);
    for (let seed = 0; seed < 20; seed++) {
      expect(Number.isFinite(playGame(scenario, String(seed)).winSetSize[0])).toBe(true);
    }
    expect(await runCli(winsetCommand, [scenarioFile(tinyShapes)])).toMatch(/size {5}\d/);
    const done = await runExperiment(
      parseExperiment({ name: 'tiny-shapes', scenario: tinyShapes, replications: 5 }),
      { out: join(scratch, 'tiny-shapes'), workers: 1, progress: 'quiet' },
    );
    expect(done.runsDone).toBe(5);
  });

  it('a non-finite breakpoint stops the win-set sweep with an error', () => {
    const p = makeProfile({ ideal: [0.2, Number.NaN, 0.6] });
    expect(() => winSet(p, [0, 1], {}, createIntervals())).toThrow(
      /winSet: constituent 1 accepts up to a non-finite point \(NaN\)/,
    );
  });
});

describe('a custom protocol is held to its contract (issue 12, item 6)', () => {
  // The default scenario has 205 candidates: 201 grid points plus one interior end of each
  // believed win-set (W_A's upper end and W_B's lower end, as each of the two negotiators
  // believes them: own and foreign beliefs err differently), so the middle one is 102.
  const scenario = (deadline: number) =>
    parseScenario({
      protocol: { name: 'misbehaving', module: join(fixtures, 'misbehaving.ts'), deadline },
    });

  it.each([
    [
      1,
      "protocol 'misbehaving': bargain returned 215; expected a candidate index from 0 to 204, or -1 for no agreement",
    ],
    [2, "protocol 'misbehaving': bargain returned NaN; expected a candidate index"],
    [3, "protocol 'misbehaving': bargain returned 0.5; expected a candidate index"],
    [4, "protocol 'misbehaving': bargain returned nothing; expected a candidate index"],
    [5, "protocol 'misbehaving': bargain returned Infinity; expected a candidate index"],
    [
      6,
      "protocol 'misbehaving': offer(0, 1000000000): expected a candidate index from 0 to 204, got 1000000000",
    ],
    [7, "protocol 'misbehaving': offer(99, 0): expected a negotiator index from 0 to 1, got 99"],
    [
      8,
      "protocol 'misbehaving': bargain returned candidate 103, which was never offered in this session",
    ],
    [9, "protocol 'misbehaving': candidate 102 is [1000000000], outside the box [0, 1]"],
    [10, "protocol 'misbehaving': bargain threw null, not an Error"],
  ])('deadline %i: %s', async (deadline, message) => {
    const s = scenario(deadline);
    await loadProtocolModule(s);
    expect(() => playGame(s, '1')).toThrow(ProtocolError);
    expect(() => playGame(s, '1')).toThrow(message);
  });

  it('plays when it keeps the contract', async () => {
    const s = scenario(20);
    await loadProtocolModule(s);
    expect(playGame(s, '1').outcome).not.toBe('involuntary_defection');
  });

  it('fails the batch in a sweep, naming the protocol, cell, replication and seed', async () => {
    const sweep = parseExperiment({
      name: 'misbehaving',
      scenario: { protocol: { name: 'misbehaving', module: 'misbehaving.ts' } },
      parameters: [{ path: 'protocol.deadline', values: [20, 1] }],
      replications: 3,
    });
    await expect(
      runExperiment(sweep, {
        baseDir: fixtures,
        out: join(scratch, 'misbehaving'),
        workers: 1,
        progress: 'quiet',
      }),
    ).rejects.toThrow(
      /cell 1 \{"protocol\.deadline":1\}, replication 0 \(seed [0-9a-f]{16}\): protocol 'misbehaving': bargain returned \d+; expected a candidate index/,
    );
  });
});
