// Benchmark: taste-code length for 10/100/500/2,000 real ratings (ml-latest-small users) and decode time, as JSON.
import { loadDataset } from '../src/cli/loadDataset';
import { createRng } from '../src/engine/als/random';
import { decodeTasteCode, encodeTasteCode } from '../src/engine/group/tasteCode';
import { sampleZipPath } from '../test/sample';

/** Byte-mode capacity of the largest QR code (version 40) at error correction L and M. */
const QR_40 = { L: 2953, M: 2331 };
const SIZES = [10, 100, 500, 2000];
const PER_SIZE = 50;

export async function benchTasteCode(): Promise<Record<string, unknown>> {
  if (!sampleZipPath) throw new Error('bench taste-code reads real users: set MOVIELENS_DIR to a folder with ml-latest-small.zip');
  const data = await loadDataset(sampleZipPath);
  const byUser = new Map<number, { movieId: number; rating: number }[]>();
  for (let k = 0; k < data.ratings.length; k++) {
    const u = data.ratings.users[k];
    let list = byUser.get(u);
    if (!list) byUser.set(u, (list = []));
    list.push({ movieId: data.movies[data.ratings.items[k]].movieId, rating: data.ratings.ratings[k] });
  }
  const rng = createRng(13);
  const sizes = SIZES.map((n) => {
    const users = [...byUser.values()].filter((r) => r.length >= n);
    const chars: number[] = [];
    let decodeMs = 0;
    for (let t = 0; t < PER_SIZE && users.length > 0; t++) {
      const all = [...users[rng.int(users.length)]];
      for (let k = all.length - 1; k > 0; k--) {
        const j = rng.int(k + 1);
        [all[k], all[j]] = [all[j], all[k]];
      }
      const code = encodeTasteCode({ ratings: all.slice(0, n), name: 'Sam' });
      const t0 = performance.now();
      decodeTasteCode(code);
      decodeMs += performance.now() - t0;
      chars.push(code.length);
    }
    chars.sort((a, b) => a - b);
    return {
      ratings: n,
      codes: chars.length,
      users: users.length,
      chars: { min: chars[0], median: chars[chars.length >> 1], max: chars[chars.length - 1] },
      bytesPerRating: chars[chars.length >> 1] / n,
      fitsQr40L: chars.filter((c) => c <= QR_40.L).length / chars.length,
      fitsQr40M: chars.filter((c) => c <= QR_40.M).length / chars.length,
      decodeMs: decodeMs / chars.length,
    };
  });
  return { name: 'taste-code', dataset: sampleZipPath, note: 'random subsets of real users, name "Sam"; a code is ASCII, so chars = bytes in a QR code', qr40: QR_40, sizes };
}
