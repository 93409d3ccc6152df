// The engine worker's API: import, train, recommend, rate and search, built from src/engine and src/store.
import { unzipMovieLens, identifyFiles, type InputFile } from '../engine/movielens/files';
import { buildDataset, type MovieInfo } from '../engine/movielens/dataset';
import { ImportError } from '../engine/movielens/errors';
import { displayTitle, normalizeForSearch } from '../engine/movielens/titles';
import { buildCsr } from '../engine/als/csr';
import { defaultAlsParams, trainAls } from '../engine/als/train';
import { foldIn } from '../engine/als/foldIn';
import { clampStars, topN } from '../engine/als/recommend';
import { popularityRanking } from '../engine/als/baselines';
import type { AlsModel, AlsParams, IterationInfo, ScoredItem } from '../engine/types';
import { openDb, StorageError } from '../store/db';
import { cleanupIncomplete, getDataset, listDatasets, readMovies, readRatings, saveDataset } from '../store/datasets';
import { getProfile, setRating } from '../store/profile';
import { latestModel, saveModel } from '../store/models';
import { getMeta, setMeta } from '../store/meta';
import type { DatasetRecord, ModelRecord } from '../store/schema';

export interface ImportProgress {
  phase: 'download' | 'unzip' | 'parse' | 'write';
  /** 0..1 over the whole import. */
  fraction: number;
  rows: number;
}

export interface DatasetSummary {
  id: string;
  name: string;
  source: string;
  ratings: number;
  users: number;
  movies: number;
  notes: string[];
}

export interface ModelSummary {
  id: string;
  datasetId: string;
  params: AlsParams;
  history: IterationInfo[];
  trainSeconds: number;
  trainedAt: number;
}

export interface AppStatus {
  datasets: DatasetSummary[];
  active: DatasetSummary | null;
  model: ModelSummary | null;
  ratedCount: number;
  /** Incomplete imports removed at this start. */
  cleaned: string[];
}

export interface MovieCard {
  movieId: number;
  title: string;
  year: number | null;
  genres: string[];
  /** Number of MovieLens ratings and their mean. */
  count: number;
  mean: number;
  /** The person's own rating, if any. */
  myRating: number | null;
}

export interface Recommendation extends MovieCard {
  /** Predicted stars for the person (personal) or damped mean (popular). */
  predicted: number;
}

export interface Recommendations {
  kind: 'personal' | 'popular' | 'none';
  items: Recommendation[];
  /** Milliseconds spent on fold-in and scoring. */
  millis: number;
}

export interface RecommendOptions {
  n?: number;
  minCount?: number;
}

/** Failure that crosses the worker boundary as plain data, so the UI can show it as is. */
export interface ApiErrorInfo {
  kind: 'import' | 'storage' | 'other';
  message: string;
}

export const DEFAULT_MIN_COUNT = 25;
const POPULAR_DAMPING = 10;
const ACTIVE_KEY = 'activeDataset';

function summarize(d: DatasetRecord): DatasetSummary {
  return { id: d.id, name: d.name, source: d.source, ratings: d.stats.ratings, users: d.stats.users, movies: d.stats.movies, notes: d.notes };
}

function modelSummary(m: ModelRecord): ModelSummary {
  return { id: m.id, datasetId: m.datasetId, params: m.params, history: m.history, trainSeconds: m.trainSeconds, trainedAt: m.trainedAt };
}

/** What serving needs in memory for the active dataset; rebuilt when the dataset or model changes. */
interface Serving {
  dataset: DatasetRecord;
  movies: MovieInfo[];
  byMovieId: Map<number, number>;
  counts: Int32Array;
  sums: Float64Array;
  searchKeys: string[];
  model: AlsModel | null;
  modelId: string | null;
}

let serving: Promise<Serving | null> | null = null;

function toAlsModel(m: ModelRecord): AlsModel {
  return {
    rank: m.rank,
    nUsers: 0,
    nItems: m.nItems,
    mu: m.mu,
    userBias: new Float32Array(0),
    itemBias: m.itemBias,
    userFactors: new Float32Array(0),
    itemFactors: m.itemFactors,
    params: m.params,
  };
}

async function activeDataset(): Promise<DatasetRecord | null> {
  const db = await openDb();
  const id = await getMeta<string>(db, ACTIVE_KEY);
  const d = id ? await getDataset(db, id) : undefined;
  if (d) return d;
  return (await listDatasets(db)).at(-1) ?? null;
}

async function loadServing(): Promise<Serving | null> {
  const db = await openDb();
  const dataset = await activeDataset();
  if (!dataset) return null;
  const movies = await readMovies(db, dataset.id);
  const counts = new Int32Array(movies.length);
  const sums = new Float64Array(movies.length);
  const byMovieId = new Map<number, number>();
  const searchKeys: string[] = [];
  for (const m of movies) {
    counts[m.index] = m.count;
    sums[m.index] = m.mean * m.count;
    byMovieId.set(m.movieId, m.index);
    searchKeys[m.index] = ` ${normalizeForSearch(`${displayTitle(m.title)} ${m.title} ${m.year ?? ''}`)} `;
  }
  const rec = await latestModel(db, dataset.id);
  const model = rec && rec.nItems === movies.length ? toAlsModel(rec) : null;
  return { dataset, movies, byMovieId, counts, sums, searchKeys, model, modelId: model ? rec!.id : null };
}

function getServing(): Promise<Serving | null> {
  if (!serving) {
    serving = loadServing();
    serving.catch(() => (serving = null));
  }
  return serving;
}

/** Drops cached serving state (after an import or a training in another worker). */
export async function reload(): Promise<void> {
  serving = null;
}

export async function status(): Promise<AppStatus> {
  const db = await openDb();
  const cleaned = await cleanupIncomplete(db);
  const datasets = (await listDatasets(db)).map(summarize);
  const active = await activeDataset();
  const model = active ? await latestModel(db, active.id) : undefined;
  const ratedCount = (await getProfile(db)).length;
  return { datasets, active: active ? summarize(active) : null, model: model ? modelSummary(model) : null, ratedCount, cleaned };
}

/** Rethrows as an Error whose message is ready for a person (comlink carries name and message across). */
function explain(e: unknown): never {
  if (e instanceof ImportError || e instanceof StorageError) throw e;
  throw e instanceof Error ? e : new Error(String(e));
}

async function importInputs(
  files: InputFile[],
  meta: { name: string; source: string; bytes: number },
  onProgress: (p: ImportProgress) => void,
  base = 0,
): Promise<DatasetSummary> {
  try {
    const span = 1 - base;
    const found = identifyFiles(files, meta.source);
    const parsed = buildDataset(found, (p) =>
      onProgress({ phase: 'parse', fraction: base + span * 0.6 * (p.bytesDone / p.bytesTotal), rows: p.rows }),
    );
    const db = await openDb();
    const id = `${meta.name}-${Date.now().toString(36)}`;
    const rec = await saveDataset(db, { id, ...meta }, parsed, (w) =>
      onProgress({ phase: 'write', fraction: base + span * (0.6 + 0.4 * (w.rowsWritten / w.rowsTotal)), rows: w.rowsWritten }),
    );
    await setMeta(db, ACTIVE_KEY, rec.id);
    serving = null;
    return summarize(rec);
  } catch (e) {
    explain(e);
  }
}

function zipOrFiles(files: InputFile[], label: string): InputFile[] {
  const zips = files.filter((f) => f.path.toLowerCase().endsWith('.zip'));
  if (zips.length > 1) throw new ImportError(label, undefined, 'expected one zip at a time');
  if (zips.length === 1) return unzipMovieLens(zips[0].path, zips[0].bytes);
  return files;
}

/** Imports files a person picked or dropped: one GroupLens zip, or the loose CSV files. */
export async function importFiles(
  files: { name: string; bytes: Uint8Array }[],
  onProgress: (p: ImportProgress) => void,
): Promise<DatasetSummary> {
  const label = files.length === 1 ? files[0].name : `${files.length} files`;
  try {
    const inputs = zipOrFiles(files.map((f) => ({ path: f.name, bytes: f.bytes })), label);
    onProgress({ phase: 'unzip', fraction: 0.05, rows: 0 });
    const root = inputs.find((f) => f.path.includes('/'))?.path.split('/')[0];
    const name = (files.length === 1 ? files[0].name.replace(/\.zip$/i, '') : root) || 'my-movielens';
    const bytes = files.reduce((s, f) => s + f.bytes.length, 0);
    return await importInputs(inputs, { name, source: label, bytes }, onProgress, 0.05);
  } catch (e) {
    explain(e);
  }
}

/** Imports the dataset the build bundled (fetched from the app's own origin). */
export async function importBundled(
  url: string,
  name: string,
  onProgress: (p: ImportProgress) => void,
): Promise<DatasetSummary> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`Could not load the bundled sample ${url}: HTTP ${res.status}`);
  const total = Number(res.headers.get('content-length')) || 0;
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let got = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    got += value.length;
    onProgress({ phase: 'download', fraction: total ? 0.1 * Math.min(1, got / total) : 0.05, rows: 0 });
  }
  const zip = new Uint8Array(got);
  let off = 0;
  for (const p of parts) {
    zip.set(p, off);
    off += p.length;
  }
  try {
    const inputs = unzipMovieLens(`${name}.zip`, zip);
    return await importInputs(inputs, { name, source: `bundled:${name}`, bytes: got }, onProgress, 0.1);
  } catch (e) {
    explain(e);
  }
}

/** Trains ALS on the active dataset and stores the model; the previous model stays in use until this one is saved. */
export async function train(params: Partial<AlsParams>, onProgress: (i: IterationInfo) => void): Promise<ModelSummary> {
  const db = await openDb();
  const dataset = await activeDataset();
  if (!dataset) throw new Error('There is no dataset to train on yet.');
  const p: AlsParams = { ...defaultAlsParams, ...params };
  const t0 = performance.now();
  const ratings = await readRatings(db, dataset);
  const matrix = buildCsr(ratings, dataset.stats.users, dataset.stats.movies);
  const history: IterationInfo[] = [];
  const model = trainAls(matrix, p, {
    onIteration: (info) => {
      history.push(info);
      onProgress(info);
    },
  });
  const trainSeconds = (performance.now() - t0) / 1000;
  const rec: ModelRecord = {
    id: `${dataset.id}-als-${Date.now().toString(36)}`,
    datasetId: dataset.id,
    params: p,
    rank: model.rank,
    nUsers: model.nUsers,
    nItems: model.nItems,
    mu: model.mu,
    itemBias: model.itemBias,
    itemFactors: model.itemFactors,
    history,
    trainSeconds,
    trainedAt: Date.now(),
  };
  await saveModel(db, rec);
  serving = null;
  return modelSummary(rec);
}

function card(s: Serving, index: number, mine: Map<number, number>): MovieCard {
  const m = s.movies[index];
  return {
    movieId: m.movieId,
    title: displayTitle(m.title),
    year: m.year,
    genres: m.genres,
    count: m.count,
    mean: m.mean,
    myRating: mine.get(m.movieId) ?? null,
  };
}

async function myRatings(): Promise<Map<number, number>> {
  const db = await openDb();
  return new Map((await getProfile(db)).map((r) => [r.movieId, r.rating]));
}

/** Top-N for the person: fold-in against the item factors when they have rated something, else the popular fallback. */
export async function recommend(opts: RecommendOptions = {}): Promise<Recommendations> {
  const s = await getServing();
  if (!s) return { kind: 'none', items: [], millis: 0 };
  const mine = await myRatings();
  const t0 = performance.now();
  const n = opts.n ?? 20;
  const minCount = opts.minCount ?? DEFAULT_MIN_COUNT;
  const items: number[] = [];
  const stars: number[] = [];
  for (const [movieId, rating] of mine) {
    const i = s.byMovieId.get(movieId);
    if (i !== undefined) {
      items.push(i);
      stars.push(rating);
    }
  }
  let kind: Recommendations['kind'];
  let ranked: ScoredItem[];
  if (s.model && items.length > 0) {
    kind = 'personal';
    const user = foldIn(s.model, items, stars);
    ranked = topN(s.model, user, { n, exclude: items, minCount, counts: s.counts }).map((r) => ({ item: r.item, score: clampStars(r.score) }));
  } else {
    kind = 'popular';
    ranked = popularityRanking(s.counts, s.sums, s.dataset.stats.mean, { damping: POPULAR_DAMPING, minCount, n, exclude: items });
  }
  const millis = performance.now() - t0;
  return { kind, items: ranked.map((r) => ({ ...card(s, r.item, mine), predicted: r.score })), millis };
}

/** Saves (or with null, removes) one of the person's ratings. */
export async function rate(movieId: number, rating: number | null): Promise<void> {
  const db = await openDb();
  await setRating(db, movieId, rating);
}

/** The person's ratings with movie details, newest first. */
export async function ratedMovies(): Promise<MovieCard[]> {
  const s = await getServing();
  const db = await openDb();
  const profile = (await getProfile(db)).sort((a, b) => b.ratedAt - a.ratedAt);
  const mine = new Map(profile.map((r) => [r.movieId, r.rating]));
  return profile.flatMap((r) => {
    const i = s?.byMovieId.get(r.movieId);
    return s && i !== undefined ? [card(s, i, mine)] : [];
  });
}

/** Well-known movies to rate: most-rated first, skipping ones already rated. */
export async function moviesToRate(n = 24): Promise<MovieCard[]> {
  const s = await getServing();
  if (!s) return [];
  const mine = await myRatings();
  const order = Array.from(s.counts.keys()).sort((a, b) => s.counts[b] - s.counts[a] || a - b);
  const out: MovieCard[] = [];
  for (const i of order) {
    if (out.length >= n) break;
    if (!mine.has(s.movies[i].movieId)) out.push(card(s, i, mine));
  }
  return out;
}

/** Title search: every query word must match the start of a word in the title (accents and case ignored); popular first. */
export async function search(query: string, limit = 20): Promise<MovieCard[]> {
  const s = await getServing();
  const words = normalizeForSearch(query).split(' ').filter(Boolean);
  if (!s || words.length === 0) return [];
  const needles = words.map((w) => ` ${w}`);
  const hits: number[] = [];
  for (let i = 0; i < s.searchKeys.length; i++) {
    const key = s.searchKeys[i];
    if (needles.every((w) => key.includes(w))) hits.push(i);
  }
  hits.sort((a, b) => s.counts[b] - s.counts[a] || a - b);
  const mine = await myRatings();
  return hits.slice(0, limit).map((i) => card(s, i, mine));
}
