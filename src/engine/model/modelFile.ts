// Portable model file: what a trained model needs to recommend (item tables + movie list), as one binary blob.
import type { AlsModel, AlsParams } from '../types';
import { ImportError } from '../movielens/errors';

export interface ModelMovie {
  movieId: number;
  title: string;
  year: number | null;
  genres: string[];
  /** MovieLens ratings in the training data, and their mean. */
  count: number;
  mean: number;
}

/** A model detached from any store: item side only (people are folded in), row i of the tables is movies[i]. */
export interface PortableModel {
  dataset: string;
  params: AlsParams;
  mu: number;
  rank: number;
  trainedAt: string;
  movies: ModelMovie[];
  itemBias: Float32Array;
  itemFactors: Float32Array;
  /** Evaluation figures known at export, e.g. { "rmse": 0.84 }. */
  metrics?: Record<string, number>;
}

const MAGIC = 'PLMODEL1';
type Header = Omit<PortableModel, 'itemBias' | 'itemFactors'> & { format: 'pocketlens-model'; version: 1 };

/** Layout: 8-byte magic, uint32 LE header length, UTF-8 JSON header, zero padding to 4 bytes, float32 LE biases then factors. */
export function encodeModel(m: PortableModel): Uint8Array {
  const n = m.movies.length;
  if (m.itemBias.length !== n || m.itemFactors.length !== n * m.rank) {
    throw new RangeError(`model tables do not match ${n} movies at rank ${m.rank}`);
  }
  const { itemBias, itemFactors, ...rest } = m;
  const header: Header = { format: 'pocketlens-model', version: 1, ...rest };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = Math.ceil((12 + json.length) / 4) * 4;
  const out = new Uint8Array(start + 4 * (itemBias.length + itemFactors.length));
  out.set(new TextEncoder().encode(MAGIC));
  new DataView(out.buffer).setUint32(8, json.length, true);
  out.set(json, 12);
  const floats = new Float32Array(out.buffer, start);
  floats.set(itemBias);
  floats.set(itemFactors, itemBias.length);
  return out;
}

export function decodeModel(bytes: Uint8Array, file = 'model'): PortableModel {
  const fail = (what: string): never => {
    throw new ImportError(file, undefined, what);
  };
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) fail('expected a PocketLens model file (it does not start with "PLMODEL1")');
  const len = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (12 + len > bytes.length) fail(`expected a ${len}-byte header; the file is truncated`);
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + len))) as Header;
  } catch {
    return fail('expected a JSON header after the magic bytes');
  }
  if (header.format !== 'pocketlens-model' || header.version !== 1) fail(`expected format pocketlens-model version 1, found ${header.format} ${header.version}`);
  const n = header.movies.length;
  const start = Math.ceil((12 + len) / 4) * 4;
  const floats = n * (header.rank + 1);
  if (bytes.length !== start + 4 * floats) fail(`expected ${floats} float32 values for ${n} movies at rank ${header.rank}; the file has ${Math.max(0, (bytes.length - start) / 4)}`);
  const copy = bytes.slice(start); // aligned, independent of the input buffer
  const all = new Float32Array(copy.buffer);
  const { format: _f, version: _v, ...rest } = header;
  return { ...rest, itemBias: all.slice(0, n), itemFactors: all.slice(n) };
}

/** The engine's model view of a portable model (no training users). */
export function asAlsModel(m: Pick<PortableModel, 'params' | 'mu' | 'rank' | 'itemBias' | 'itemFactors'>): AlsModel {
  return {
    rank: m.rank,
    nUsers: 0,
    nItems: m.itemBias.length,
    mu: m.mu,
    userBias: new Float32Array(0),
    itemBias: m.itemBias,
    userFactors: new Float32Array(0),
    itemFactors: m.itemFactors,
    params: m.params,
  };
}
