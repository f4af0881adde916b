/**
 * Levenshtein distance between two strings: the fewest single-character insertions,
 * deletions and substitutions that turn `a` into `b` (Levenshtein 1966), by the
 * Wagner-Fischer dynamic programme over one row, O(|a| |b|) time. Used to suggest the
 * nearest valid key or parameter path for a misspelt one.
 *
 * @param a the string written
 * @param b a valid string
 * @returns the edit distance, 0 when they are equal
 * @example
 * editDistance('kitten', 'sitting'); // 3: k -> s, e -> i, insert g
 */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
