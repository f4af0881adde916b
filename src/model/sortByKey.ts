/** Scratch arrays of {@link sortByKey}, owned by the caller and grown as needed. */
export interface SortScratch {
  starts: Int32Array;
  keys: Float64Array;
  tags: Int32Array;
}

/**
 * Empty scratch for {@link sortByKey}; it grows on first use to the largest `n` sorted.
 *
 * @returns scratch arrays of length 0
 * @example
 * const scratch = createSortScratch(); // reuse it for every sort of a game
 */
export function createSortScratch(): SortScratch {
  return { starts: new Int32Array(0), keys: new Float64Array(0), tags: new Int32Array(0) };
}

/** Ranges up to this length are sorted by insertion. */
const SMALL = 16;

/** Sorts `key[from, to)` ascending, moving `tag` along: quicksort, insertion sort when small. */
function sortRange(key: Float64Array, tag: Int32Array, from: number, to: number) {
  let lo = from;
  let hi = to;
  while (hi - lo > SMALL) {
    const a = key[lo]!;
    const b = key[(lo + hi) >>> 1]!;
    const c = key[hi - 1]!;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c)); // median of three
    let i = lo;
    let j = hi - 1;
    for (;;) {
      while (key[i]! < pivot) i++;
      while (key[j]! > pivot) j--;
      if (i >= j) break;
      const k = key[i]!;
      key[i] = key[j]!;
      key[j] = k;
      const t = tag[i]!;
      tag[i] = tag[j]!;
      tag[j] = t;
      i++;
      j--;
    }
    if (j + 1 - lo < hi - j - 1) {
      sortRange(key, tag, lo, j + 1);
      lo = j + 1;
    } else {
      sortRange(key, tag, j + 1, hi);
      hi = j + 1;
    }
  }
  for (let i = lo + 1; i < hi; i++) {
    const k = key[i]!;
    const t = tag[i]!;
    let j = i - 1;
    while (j >= lo && key[j]! > k) {
      key[j + 1] = key[j]!;
      tag[j + 1] = tag[j]!;
      j--;
    }
    key[j + 1] = k;
    tag[j + 1] = t;
  }
}

/**
 * After the scatter of the bucket sort, `ends[b]` holds the end of bucket `b`, i.e. the start
 * of bucket `b + 1`. A large bucket (keys bunched together) is sorted by quicksort, unless its
 * keys are all equal (e.g. every interval clipped at the same box end); one insertion pass
 * over all the keys then sorts the small buckets, each key moving only within its own.
 * Returns whether a bucket was quicksorted (which does not keep ties in order).
 */
function sortLargeBuckets(
  key: Float64Array,
  tag: Int32Array,
  ends: Int32Array,
  n: number,
): boolean {
  let sorted = false;
  let from = 0;
  for (let b = 0; b < n; b++) {
    const to = ends[b]!;
    if (to - from > SMALL) {
      let t = from + 1;
      while (t < to && key[t] === key[from]) t++;
      if (t < to) {
        sortRange(key, tag, from, to);
        sorted = true;
      }
    }
    from = to;
  }
  return sorted;
}

/** Grows `scratch` to hold `n` keys (twice that, so that a few larger calls do not regrow it). */
function fitScratch(scratch: SortScratch, n: number) {
  if (scratch.starts.length >= n + 1) return;
  scratch.starts = new Int32Array(2 * n + 1);
  scratch.keys = new Float64Array(2 * n);
  scratch.tags = new Int32Array(2 * n);
}

/** One stable insertion pass over `key[0, n)` (with `tag`): sorts keys that are nearly sorted. */
function insertionPass(key: Float64Array, tag: Int32Array, n: number) {
  for (let i = 1; i < n; i++) {
    const k = key[i]!;
    if (key[i - 1]! <= k) continue;
    const t = tag[i]!;
    let j = i - 1;
    while (j >= 0 && key[j]! > k) {
      key[j + 1] = key[j]!;
      tag[j + 1] = tag[j]!;
      j--;
    }
    key[j + 1] = k;
    tag[j + 1] = t;
  }
}

/**
 * Sorts the first `n` keys ascending, each carrying its integer tag along (the order of equal
 * keys is unspecified). The keys must lie in `[lo, hi]`: they are first spread over `n`
 * equal-width buckets (a counting pass and a scatter), then the large buckets are sorted by
 * quicksort and the rest by one insertion pass over all, so keys spread over the range sort in about
 * linear time. V8's built-in typed-array sort is several times slower and cannot carry tags.
 *
 * @param key the keys, sorted in place
 * @param tag one tag per key, permuted with the keys
 * @param n how many keys (from index 0)
 * @param lo every key is `>= lo`
 * @param hi every key is `<= hi`
 * @param scratch reusable arrays (see {@link createSortScratch}); a fresh one when absent
 * @example
 * const key = Float64Array.of(0.7, 0.1, 0.4);
 * const tag = Int32Array.of(0, 1, 2);
 * sortByKey(key, tag, 3, 0, 1); // key = [0.1, 0.4, 0.7], tag = [1, 2, 0]
 */
export function sortByKey(
  key: Float64Array,
  tag: Int32Array,
  n: number,
  lo: number,
  hi: number,
  scratch: SortScratch = createSortScratch(),
) {
  if (n < 2) return;
  fitScratch(scratch, n);
  const { starts, keys, tags } = scratch;
  const scale = hi > lo ? n / (hi - lo) : 0;
  const last = n - 1;
  starts.fill(0, 0, n + 1);
  for (let i = 0; i < n; i++) {
    const k = key[i]!;
    starts[Math.min(last, ((k - lo) * scale) | 0) + 1]++;
    keys[i] = k;
    tags[i] = tag[i]!;
  }
  for (let b = 0; b < n; b++) starts[b + 1] += starts[b]!;
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    const at = starts[Math.min(last, ((k - lo) * scale) | 0)]!++;
    key[at] = k;
    tag[at] = tags[i]!;
  }
  sortLargeBuckets(key, tag, starts, n);
  insertionPass(key, tag, n);
}

/**
 * Ranks `n` values read with a stride, `y_j = values[offset + j * stride]`: writes them
 * ascending into `keys[0, n)` and their indices `j` into `tags[0, n)`, ties by index (as a
 * stable sort of `j = 0..n-1` by `y_j` would leave them). The same bucketing as
 * {@link sortByKey} over `[min y, max y]`, scattered straight from `values` in index order
 * (so each bucket starts stable), the large buckets sorted by quicksort (and their ties put back
 * in index order), then one insertion pass (stable) over all. The values must be finite.
 *
 * @param values where the values are read
 * @param offset the index of `y_0`
 * @param stride the distance between `y_j` and `y_{j+1}`
 * @param n how many values
 * @param keys receives the values ascending (at least `n` long)
 * @param tags receives their indices (at least `n` long)
 * @param scratch reusable arrays (see {@link createSortScratch})
 * @example
 * const keys = new Float64Array(3);
 * const tags = new Int32Array(3);
 * rankValues(Float64Array.of(0.7, 0.1, 0.7), 0, 1, 3, keys, tags, createSortScratch());
 * // keys = [0.1, 0.7, 0.7], tags = [1, 0, 2]
 */
export function rankValues(
  values: Float64Array,
  offset: number,
  stride: number,
  n: number,
  keys: Float64Array,
  tags: Int32Array,
  scratch: SortScratch,
) {
  if (n < 1) return;
  fitScratch(scratch, n);
  const { starts } = scratch;
  const bucket = scratch.tags;
  // finite values: plain comparisons find the range (no NaN to propagate)
  let lo = values[offset]!;
  let hi = lo;
  for (let j = 1; j < n; j++) {
    const y = values[offset + j * stride]!;
    if (y < lo) lo = y;
    else if (y > hi) hi = y;
  }
  const scale = hi > lo ? n / (hi - lo) : 0;
  const last = n - 1;
  starts.fill(0, 0, n + 1);
  // a bucket larger than SMALL (rare: values bunched together) needs the quicksort pass
  let large = false;
  for (let j = 0; j < n; j++) {
    let b = ((values[offset + j * stride]! - lo) * scale) | 0;
    if (b > last) b = last;
    bucket[j] = b;
    if (++starts[b + 1]! > SMALL) large = true;
  }
  for (let b = 0; b < n; b++) starts[b + 1] += starts[b]!;
  for (let j = 0; j < n; j++) {
    const at = starts[bucket[j]!]!++;
    keys[at] = values[offset + j * stride]!;
    tags[at] = j;
  }
  const unstable = large && sortLargeBuckets(keys, tags, starts, n);
  insertionPass(keys, tags, n);
  if (!unstable) return;
  for (let t = 1; t < n; t++) {
    const tag = tags[t]!;
    let s = t - 1;
    for (; s >= 0 && keys[s] === keys[t] && tags[s]! > tag; s--) tags[s + 1] = tags[s]!;
    tags[s + 1] = tag;
  }
}
