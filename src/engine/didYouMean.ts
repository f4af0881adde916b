import { editDistance } from '../scenario/editDistance.ts';

/**
 * The nearest valid name to a misspelt one, as a sentence to end an error message with:
 * ` Did you mean 'x'?` when the closest candidate by {@link editDistance} (case ignored,
 * ties in list order) is within `max(2, |word| / 3)` edits, else the empty string.
 *
 * @param word the name written
 * @param candidates the valid names
 * @example
 * didYouMean('agreemnt', ['agreement', 'no_agreement']); // " Did you mean 'agreement'?" (1 edit)
 * didYouMean('quorum', ['agreement']); // ''
 */
export function didYouMean(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, word.length / 3)
    ? ` Did you mean '${best}'?`
    : '';
}

/**
 * The valid names as the end of an error message: `valid: a, b`, or `none` (a sentence
 * saying why nothing is valid) when there are none, never an empty list.
 *
 * @example
 * validChoices(['a', 'b'], 'the experiment varies no parameter'); // 'valid: a, b'
 * validChoices([], 'the experiment varies no parameter'); // 'the experiment varies no parameter'
 */
export function validChoices(candidates: readonly string[], none: string): string {
  return candidates.length > 0 ? `valid: ${candidates.join(', ')}` : none;
}

/** What {@link validChoices} says when an experiment varies nothing a hypothesis or figure could name. */
export const NO_PARAMETERS =
  "the experiment varies no parameter (add one to 'parameters' to test or draw against it)";
