// The dense SPD inverse behind EASE equals ml-matrix's inverse, at sizes around its four-row blocks; refuses a non-PD matrix.
import { describe, expect, test } from 'vitest';
import { Matrix, inverse } from 'ml-matrix';
import { spdInverse } from '../../../../src/engine/ranker/spdInverse';
import { createRng } from '../../../../src/engine/als/random';

function spd(n: number, seed: number): Matrix {
  const rng = createRng(seed);
  const M = new Matrix(n + 3, n);
  for (let i = 0; i < n + 3; i++) for (let j = 0; j < n; j++) M.set(i, j, rng.normal());
  return M.transpose().mmul(M).add(Matrix.eye(n).mul(0.5));
}

describe('spdInverse', () => {
  test.each([1, 2, 3, 4, 5, 7, 8, 9, 13, 32, 37])('n = %i: A⁻¹ matches ml-matrix to 1e-10 (relative), both triangles', (n) => {
    const S = spd(n, n);
    const ref = inverse(S);
    const A = Float64Array.from(S.to1DArray());
    spdInverse(A, n);
    let scale = 0;
    for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(ref.get(Math.floor(i / n), i % n)));
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(Math.abs(A[i * n + j] - ref.get(i, j))).toBeLessThan(1e-10 * scale);
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(A[i * n + j]).toBe(A[j * n + i]);
  });

  test('a matrix that is not positive definite is refused, naming the row', () => {
    const A = Float64Array.from([1, 2, 2, 1]);
    expect(() => spdInverse(A, 2)).toThrow('not positive definite at row 1');
  });
});
