/** A column whose Cholesky pivot is below this share of its diagonal entry is aliased. */
const ALIASED = 1e-12;

/** The inverse of a symmetric positive semi-definite matrix, aliased columns left out. */
export interface SymmetricInverse {
  /** `p x p`, row-major: the inverse of the non-aliased rows and columns, zeros elsewhere. */
  inverse: Float64Array;
  /** Columns that are (numerically) linear combinations of the columns before them. */
  aliased: boolean[];
}

/** Cholesky factor of a positive-definite matrix, `A = L L^T`, row-major (Golub and Van Loan, algorithm 4.2.1). */
function cholesky(a: Float64Array, p: number, aliased: boolean[] | null): Float64Array {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let pivot = a[j * p + j]!;
    for (let k = 0; k < j; k++) pivot -= l[j * p + k]! * l[j * p + k]!;
    if (aliased && !(pivot > ALIASED * a[j * p + j]!)) {
      aliased[j] = true;
      continue;
    }
    const root = Math.sqrt(pivot);
    l[j * p + j] = root;
    for (let i = j + 1; i < p; i++) {
      let sum = a[i * p + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * p + k]! * l[j * p + k]!;
      l[i * p + j] = sum / root;
    }
  }
  return l;
}

/**
 * The inverse of a symmetric positive semi-definite matrix (an information or cross-product
 * matrix, a few rows wide) by its Cholesky factorisation `A = L L^T`, `A^-1 = L^-T L^-1`.
 *
 * A column whose pivot falls to `1e-12` of its diagonal entry or below is a linear combination
 * of the columns before it (a constant column, collinear parameters, or, in a logistic fit, a
 * column whose cells have all been fitted at probability 0 or 1): it is marked `aliased` and
 * left out, and the rest is inverted on its own, as R's `lm` and `glm` leave out aliased
 * coefficients. The result is then a generalised inverse.
 *
 * @param a the matrix, `p x p`, row-major
 * @param p its order
 * @example
 * symmetricInverse(Float64Array.of(4, 2, 2, 3), 2).inverse; // => [0.375, -0.25, -0.25, 0.5]
 * symmetricInverse(Float64Array.of(1, 1, 1, 1), 2).aliased; // => [false, true]
 */
export function symmetricInverse(a: Float64Array, p: number): SymmetricInverse {
  const aliased = Array.from({ length: p }, () => false);
  cholesky(a, p, aliased);
  const kept = aliased.flatMap((gone, j) => (gone ? [] : [j]));
  const q = kept.length;
  const sub = new Float64Array(q * q);
  kept.forEach((r, i) => {
    kept.forEach((c, j) => {
      sub[i * q + j] = a[r * p + c]!;
    });
  });
  const l = cholesky(sub, q, null);
  // L^-1, lower triangular, by forward substitution column by column.
  const inverseL = new Float64Array(q * q);
  for (let j = 0; j < q; j++) {
    inverseL[j * q + j] = 1 / l[j * q + j]!;
    for (let i = j + 1; i < q; i++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum -= l[i * q + k]! * inverseL[k * q + j]!;
      inverseL[i * q + j] = sum / l[i * q + i]!;
    }
  }
  const inverse = new Float64Array(p * p);
  for (let i = 0; i < q; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = i; k < q; k++) sum += inverseL[k * q + i]! * inverseL[k * q + j]!;
      inverse[kept[i]! * p + kept[j]!] = sum;
      inverse[kept[j]! * p + kept[i]!] = sum;
    }
  }
  return { inverse, aliased };
}
