// Spark MLlib ALS item factors (`model.itemFactors.write.json(path)`: JSON lines {"id", "features"}) → a portable model.
import type { InputFile } from '../movielens/files';
import { PARAM_RANGES } from '../als/paramRanges';
import { ImportError, excerpt } from '../movielens/errors';
import { MAX_MOVIE_ID } from '../movielens/limits';
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

/** Largest float32: a factor beyond it would be stored as Infinity (1e39 is finite in JSON, not in float32). */
const FLOAT32_MAX = 3.4028234663852886e38;

/** A growing Float32Array (no number[] of rows × rank, no spread of a row into a push). */
class FactorTable {
  data = new Float32Array(1 << 12);
  length = 0;

  append(row: readonly number[]): void {
    if (this.length + row.length > this.data.length) {
      let n = this.data.length * 2;
      while (n < this.length + row.length) n *= 2;
      const grown = new Float32Array(n);
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    for (let j = 0; j < row.length; j++) this.data[this.length + j] = row[j];
    this.length += row.length;
  }
}

/**
 * Reads every part file; each non-empty line must be {"id": movieId, "features": [rank numbers]}: the id a whole
 * number a MovieLens movieId can be (0 to 999,999,999, so none wraps around or collides in the 32-bit id table),
 * each feature finite as a float32, the rank at most PARAM_RANGES.rank.max (what training and the taste map serve).
 */
export function parseSparkItemFactors(files: InputFile[]): SparkFactors {
  const parts = files.filter((f) => isSparkPart(f.path)).sort((a, b) => a.path.localeCompare(b.path));
  if (parts.length === 0) {
    throw new ImportError(files.map((f) => f.path).join(', ') || 'Spark output', undefined, 'expected Spark part-*.json files written by model.itemFactors.write.json(path)');
  }
  const maxRank = PARAM_RANGES.rank.max;
  const ids: number[] = [];
  const table = new FactorTable();
  const seen = new Set<number>();
  let rank = -1;
  for (const f of parts) {
    const lines = new TextDecoder().decode(f.bytes).split('\n');
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k].trim();
      if (!line) continue;
      const at = (what: string): never => {
        throw new ImportError(f.path, k + 1, `${what} in ${excerpt(line)}`);
      };
      let row: { id?: unknown; features?: unknown };
      try {
        row = JSON.parse(line) as typeof row;
      } catch {
        return at('expected a JSON object {"id": …, "features": […]}');
      }
      if (!row || typeof row !== 'object') at('expected a JSON object {"id": …, "features": […]}');
      const id = row.id;
      if (typeof id !== 'number' || !Number.isInteger(id)) at('expected an integer "id" (the movieId)');
      if ((id as number) < 0 || (id as number) > MAX_MOVIE_ID) at(`expected "id" to be a movieId from 0 to ${MAX_MOVIE_ID.toLocaleString('en')}, found ${String(id)}`);
      const feats = row.features;
      if (!Array.isArray(feats) || feats.length === 0) at('expected "features" to be a list of numbers');
      const list = feats as unknown[];
      if (list.length > maxRank) at(`expected at most ${maxRank} features (the largest rank PocketLens trains and maps), found ${list.length.toLocaleString('en')}`);
      for (let j = 0; j < list.length; j++) {
        const x = list[j];
        if (typeof x !== 'number' || !Number.isFinite(x)) at('expected "features" to be a list of numbers');
        if (Math.abs(x as number) > FLOAT32_MAX) at(`expected features that fit a 32-bit float (at most ±3.4e38), found ${String(x)} as feature ${j + 1}`);
      }
      if (rank === -1) rank = list.length;
      else if (list.length !== rank) at(`expected ${rank} features like the rows before, found ${list.length}`);
      if (seen.has(id as number)) at(`expected each id once; ${String(id)} appears again`);
      seen.add(id as number);
      ids.push(id as number);
      table.append(list as number[]);
    }
  }
  if (rank === -1) throw new ImportError(parts[0].path, undefined, 'expected at least one item factor row; the part files are empty');
  return { rank, ids: Int32Array.from(ids), factors: table.data.slice(0, table.length) };
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
