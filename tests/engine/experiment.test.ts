import { describe, expect, it } from 'vitest';
import { defineExperiment, parseExperiment } from '../../src/engine/experiment.ts';

describe('experiment definition', () => {
  it('fills in defaults', () => {
    const e = parseExperiment(defineExperiment({ name: 'quota', replications: 10 }));
    expect(e.design).toEqual({ kind: 'grid' });
    expect(e.seed).toBe(1);
    expect(e.crn).toBe(false);
    expect(e.parameters).toEqual([]);
    expect(e.hypotheses).toEqual([]);
  });

  it('names every mistake by its path', () => {
    const input = {
      name: 'bad name',
      replications: 0,
      design: { kind: 'lhs', cells: 0 },
      hypotheses: [{ outcome: 'agreement', on: 'x', direction: 'up' }],
    };
    let message = '';
    try {
      parseExperiment(input, 'exp.json');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^exp.json: 4 problem\(s\) in the experiment/);
    expect(message).toMatch(
      /\n {2}name: expected letters, digits, '.', '_' or '-'.*got "bad name"/,
    );
    expect(message).toMatch(/\n {2}replications: expected a positive integer, got 0/);
    expect(message).toMatch(/\n {2}design.cells: /);
    expect(message).toMatch(
      /\n {2}hypotheses\[0\].direction: expected one of "increasing", "decreasing"/,
    );
  });

  it('refuses unknown fields with the valid ones', () => {
    expect(() => parseExperiment({ name: 'x', replications: 1, replication: 2 })).toThrow(
      /replication: unknown key \(did you mean 'replications'\?\)/,
    );
  });
});
