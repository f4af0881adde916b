import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/engine/didYouMean.ts';

describe('didYouMean', () => {
  it('suggests the nearest name within max(2, length / 3) edits', () => {
    // agreemnt -> agreement: one insertion; no_agreement is 4 edits away
    expect(didYouMean('agreemnt', ['no_agreement', 'agreement'])).toBe(
      " Did you mean 'agreement'?",
    );
    // case is ignored; ties go to the first listed
    expect(didYouMean('WINSET_C', ['winset_A', 'winset_B'])).toBe(" Did you mean 'winset_A'?");
  });

  it('suggests nothing when every name is far', () => {
    // quorum -> rounds needs more than 2 edits
    expect(didYouMean('quorum', ['rounds', 'agreement'])).toBe('');
    expect(didYouMean('x', [])).toBe('');
  });
});
