import { describe, expect, it } from 'vitest';
import { cellKey, designSeed, runSeed } from '../../src/engine/seeds.ts';
import type { AleaStream } from '../../src/model/random.ts';
import { openStream, RunStreams, subSeed } from '../../src/negotiation/streams.ts';

// The pinned seeds were checked against an independent Python implementation of the
// documented hash (FNV-1a 64 over 4-byte big-endian length-prefixed UTF-8 fields,
// SplitMix64 finaliser). Changing any of them changes every published run.
describe('seed derivation', () => {
  it('pins exact run, sub-stream and design seeds', () => {
    expect(runSeed(42, '{"x":1}', 0)).toBe('d5892758ca675e20');
    expect(runSeed(42, '{"x":1}', 1)).toBe('5ec01dfc34897d60');
    expect(runSeed(42, '{"x":1}', 0, true)).toBe('5d1d5c4d2d7cd523');
    expect(
      runSeed(
        'Putnam 1988 — Bonn',
        cellKey({ protocol: 'ultimatum', 'countries.B.ratification.quota': 0.6 }),
        7,
      ),
    ).toBe('033da615a8a4b6ba');
    const run = runSeed(42, '{}', 0);
    expect(run).toBe('9d0e368c5682accd');
    // stream keys (toolkit 0.2): fmix32 of the halves of H('sub', run) xor H('stream', name)
    expect(subSeed(run, 'votes')).toBe('9f1b36ab784ebc3d');
    expect(subSeed(run, 'levelII/A')).toBe('232202d3a342da9a');
    expect(designSeed(42)).toBe('8c8f35b96b24807f');
    expect(designSeed('master')).toBe('af13315ececd2dfd');
  });

  it('treats a number master seed as its shortest decimal string', () => {
    expect(runSeed(42, '{}', 3)).toBe(runSeed('42', '{}', 3));
    expect(designSeed(0.1)).toBe(designSeed('0.1'));
  });

  it('gives different seeds for different replications, cells, masters and names', () => {
    const base = runSeed('m', '{"x":1}', 0);
    expect(runSeed('m', '{"x":1}', 1)).not.toBe(base);
    expect(runSeed('m', '{"x":2}', 0)).not.toBe(base);
    expect(runSeed('n', '{"x":1}', 0)).not.toBe(base);
    expect(subSeed(base, 'beliefs/A')).not.toBe(subSeed(base, 'beliefs/B'));
    expect(designSeed('m')).not.toBe(designSeed('n'));
  });

  it('with crn leaves the cell key out, so every cell shares replication r', () => {
    const a = runSeed('m', cellKey({ x: 1 }), 4, true);
    expect(runSeed('m', cellKey({ x: 2, y: 'z' }), 4, true)).toBe(a);
    expect(runSeed('m', cellKey({ x: 1 }), 5, true)).not.toBe(a);
    expect(runSeed('m', cellKey({ x: 1 }), 4, false)).not.toBe(a);
  });

  it('has no collision among 1e5 run seeds (1000 cells x 100 replications)', () => {
    const seen = new Set<string>();
    for (let c = 0; c < 1000; c++) {
      const key = cellKey({ 'countries.A.kappa': c / 1000, protocol: 'alternating' });
      for (let r = 0; r < 100; r++) {
        seen.add(runSeed('collisions', key, r));
      }
    }
    expect(seen.size).toBe(100_000);
    expect([...seen].every((seed) => /^[0-9a-f]{16}$/.test(seed))).toBe(true);
  });

  it('rejects a replication that is not an integer >= 0 and a non-finite master seed', () => {
    expect(() => runSeed('m', '{}', -1)).toThrow('replication: expected an integer >= 0, got -1');
    expect(() => runSeed('m', '{}', 1.5)).toThrow(/got 1.5/);
    expect(() => designSeed(Number.NaN)).toThrow(
      'seed: expected a string or a finite number, got NaN',
    );
  });
});

describe('cellKey', () => {
  it('sorts keys and writes numbers in shortest round-trip form', () => {
    expect(cellKey({ b: 0.1 + 0.2, a: 1e21, 'c.d': 'x"y', e: false, f: -0 })).toBe(
      '{"a":1e+21,"b":0.30000000000000004,"c.d":"x\\"y","e":false,"f":0}',
    );
    expect(cellKey({ a: 1, b: 2 })).toBe(cellKey({ b: 2, a: 1 }));
    expect(cellKey({})).toBe('{}');
  });

  it('rejects values that are not finite numbers, strings or booleans', () => {
    expect(() => cellKey({ x: Number.POSITIVE_INFINITY })).toThrow(
      "cell value 'x': expected a finite number, a string or a boolean, got Infinity",
    );
    expect(() => cellKey({ x: Number.NaN })).toThrow(/got NaN/);
  });
});

describe('game streams', () => {
  it('start from the stream key: the first uniforms of levelII/A, checked in Python', () => {
    const stream = openStream(runSeed(42, '{}', 0), 'levelII/A');
    expect([stream.uniform(), stream.uniform(), stream.uniform()]).toEqual([
      0.7614926150999963, 0.47092836373485625, 0.7161935800686479,
    ]);
  });

  it('RunStreams.start opens what openStream opens, for every name', () => {
    const streams = new RunStreams(['A', 'B']).start('run-1');
    const pairs: [AleaStream, string][] = [
      [streams.levelII[1]!, 'levelII/B'],
      [streams.beliefs[0]!, 'beliefs/A'],
      [streams.reverberation[1]!, 'reverberation/B'],
      [streams.votes, 'votes'],
      [streams.drift, 'drift'],
    ];
    for (const [stream, name] of pairs) {
      const fresh = openStream('run-1', name);
      expect([stream.uniform(), stream.normal()]).toEqual([fresh.uniform(), fresh.normal()]);
    }
  });
});
