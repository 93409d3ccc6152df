// Layout of one thread's scratch block for a given rank (the JS side allocates scratchBytes(rank) per kernel instance).
// Plain offsets (no objects: the kernels run without an allocator, on memory shared between threads).

/** Bytes of one float64 vector: rank + 2 slots rounded up to even (16-byte aligned vectors). */
@inline function vec64(rank: i32): usize {
  return (<usize>(rank + 3) & ~1) << 3;
}

/** Bytes of one float32 vector of rank values, rounded up to 16. */
@inline function vec32(rank: i32): usize {
  return (<usize>(rank + 4) & ~3) << 2;
}

/** Bytes of a float64 matrix of `cells` cells, rounded up to 16. */
@inline function mat64(cells: usize): usize {
  return ((cells + 1) & ~1) << 3;
}

/** CG vectors (float64): 0 r, 1 z, 2 p, 3 ap, 4 dinv (the preconditioner), 5 diag (Cholesky's pivots). */
@inline export function vecAt(base: usize, rank: i32, i: i32): usize {
  return base + <usize>i * vec64(rank);
}

/** rank float32: the vector a pass multiplies by. */
@inline export function vfAt(base: usize, rank: i32): usize {
  return vecAt(base, rank, 6);
}

/** rank float32: a pass's running sums (zero between passes). */
@inline export function accAt(base: usize, rank: i32): usize {
  return vfAt(base, rank) + vec32(rank);
}

/** (rank + 1)² float64: a system matrix. */
@inline export function matAAt(base: usize, rank: i32): usize {
  return accAt(base, rank) + vec32(rank);
}

/** (rank + 1)² float64: the scaled rows of a short row (dual solve). */
@inline export function matSAt(base: usize, rank: i32): usize {
  const k = <usize>(rank + 1);
  return matAAt(base, rank) + mat64(k * k);
}

/** (rank + 1) × (rank + 2) float64: the Gram block of [x, 1, t]. */
@inline export function matGAt(base: usize, rank: i32): usize {
  const k = <usize>(rank + 1);
  return matSAt(base, rank) + mat64(k * k);
}

/** 4 × (rank + 2) float64 (each row vec64 bytes): one block of entries, widened. */
@inline export function rowsAt(base: usize, rank: i32): usize {
  const k = <usize>(rank + 1);
  return matGAt(base, rank) + mat64(k * (k + 1));
}

/** Bytes of one widened row in rowsAt. */
@inline export function rowBytes(rank: i32): usize {
  return vec64(rank);
}

/** Bytes of scratch one kernel instance needs at this rank. */
export function scratchBytes(rank: i32): usize {
  return rowsAt(0, rank) + 4 * vec64(rank);
}
