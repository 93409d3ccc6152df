// Spark MLlib ALS item factors (`model.itemFactors.write.json(path)`: JSON lines {"id", "features"}) → a portable model.
import type { InputFile } from '../movielens/files';
import { ImportError, excerpt } from '../movielens/errors';
import type { ModelMovie, PortableModel } from '../model/modelFile';

export interface SparkFactors {
  rank: number;
  ids: Int32Array;
  factors: Float32Array;
}

/** Spark's output folder holds part-*.json files plus _SUCCESS and .crc files; only the parts carry data. */
export function isSparkPart(path: string): boolean {
  const base = path.split('/').pop() ?? path;
  return base.startsWith('part-') && !base.endsWith('.crc');
}

/** Reads every part file; each non-empty line must be {"id": integer, "features": [rank numbers]}. */
export function parseSparkItemFactors(files: InputFile[]): SparkFactors {
  const parts = files.filter((f) => isSparkPart(f.path)).sort((a, b) => a.path.localeCompare(b.path));
  if (parts.length === 0) {
    throw new ImportError(files.map((f) => f.path).join(', ') || 'Spark output', undefined, 'expected Spark part-*.json files written by model.itemFactors.write.json(path)');
  }
  const ids: number[] = [];
  const values: number[] = [];
  const seen = new Set<number>();
  let rank = -1;
  for (const f of parts) {
    const lines = new TextDecoder().decode(f.bytes).split('\n');
    lines.forEach((raw, k) => {
      const line = raw.trim();
      if (!line) return;
      const at = (what: string): never => {
        throw new ImportError(f.path, k + 1, `${what} in ${excerpt(line)}`);
      };
      let row: { id?: unknown; features?: unknown };
      try {
        row = JSON.parse(line) as typeof row;
      } catch {
        return at('expected a JSON object {"id": …, "features": […]}');
      }
      if (!Number.isInteger(row.id)) at('expected an integer "id" (the movieId)');
      const feats = row.features;
      if (!Array.isArray(feats) || feats.length === 0 || !feats.every((x) => typeof x === 'number' && Number.isFinite(x))) at('expected "features" to be a list of numbers');
      const list = feats as number[];
      if (rank === -1) rank = list.length;
      else if (list.length !== rank) at(`expected ${rank} features like the rows before, found ${list.length}`);
      const id = row.id as number;
      if (seen.has(id)) at(`expected each id once; ${id} appears again`);
      seen.add(id);
      ids.push(id);
      values.push(...list);
    });
  }
  if (rank === -1) throw new ImportError(parts[0].path, undefined, 'expected at least one item factor row; the part files are empty');
  return { rank, ids: Int32Array.from(ids), factors: Float32Array.from(values) };
}

/** Movie details for the model: from movies.csv alone (no counts) or a whole dataset (counts and means). */
export type MovieDetails = Omit<ModelMovie, 'count' | 'mean'> & Partial<Pick<ModelMovie, 'count' | 'mean'>>;

/**
 * Spark's explicit ALS has no biases: r̂ = p·q. The portable model therefore has μ = 0 and item biases 0,
 * and pins the person's bias to 0 (an enormous bias penalty), so fold-in solves Spark's own user step
 * with regParam·n (Spark's weighted λ). Factors of movies missing from the movie list are dropped.
 */
export function sparkToPortable(
  spark: SparkFactors,
  movies: MovieDetails[],
  opts: { regParam: number; dataset: string },
): PortableModel & { dropped: number } {
  const byId = new Map(movies.map((m) => [m.movieId, m]));
  const kept: ModelMovie[] = [];
  const rows: number[] = [];
  spark.ids.forEach((id, row) => {
    const m = byId.get(id);
    if (!m) return;
    kept.push({ ...m, count: m.count ?? 0, mean: m.mean ?? 0 });
    rows.push(row);
  });
  const { rank } = spark;
  const itemFactors = new Float32Array(kept.length * rank);
  rows.forEach((row, i) => itemFactors.set(spark.factors.subarray(row * rank, (row + 1) * rank), i * rank));
  return {
    dataset: opts.dataset,
    params: { rank, lambda: opts.regParam, lambdaExponent: 1, biasLambda: 1e12, iterations: 0, seed: 0 },
    mu: 0,
    rank,
    trainedAt: new Date(0).toISOString(),
    movies: kept,
    itemBias: new Float32Array(kept.length),
    itemFactors,
    dropped: spark.ids.length - kept.length,
  };
}
