// Schema migrations: the numbered list is consecutive up to the schema version, hand-built version-1, 2, 3 and 4
// databases open as the current version with every record intact, and v3's and v4's frozen encoders write exactly their records.
import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { closeDb, openDb, tx } from '../../../src/store/db';
import { DB_VERSION, MOVIE_BLOCK, PROFILE_COLUMNS, STORES, type RatingChunkRecordV2 } from '../../../src/store/schema';
import { getProfile, setRating } from '../../../src/store/profile';
import { getHidden, hiddenMovies, setHidden } from '../../../src/store/hidden';
import { rowsFrom, toIdBlocks } from '../../../src/store/idBlocks';
import { toV4Blocks } from '../../../src/store/migrations/v4IdBlocks';
import { getMeta } from '../../../src/store/meta';
import { getWatchlist, setWatched, takeOff } from '../../../src/store/watchlist';
import { getChunk, getDataset, readMovies, readRatings } from '../../../src/store/datasets';
import type { MovieInfo } from '../../../src/engine/movielens/datasetTypes';
import { MIGRATIONS } from '../../../src/store/migrations';
import { toV3MovieBlocks, V3_MOVIE_BLOCK, type V3MovieBlock } from '../../../src/store/migrations/v3MovieBlocks';

type Fill = (t: IDBTransaction) => void;

test('migrations are numbered 1..N with no gap or repeat, in order, and N is the schema version', () => {
  const versions = MIGRATIONS.map((m) => m.version);
  expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
  expect(versions.at(-1)).toBe(DB_VERSION);
  for (const m of MIGRATIONS) expect(m.summary.length).toBeGreaterThan(0);
});

/** Runs one raw upgrade to `version` (the stores as that version shipped them, not the app's own code) and fills it. */
function buildRaw(name: string, version: number, create: (db: IDBDatabase) => void, fill: Fill): Promise<void> {
  return new Promise((ok, fail) => {
    const req = indexedDB.open(name, version);
    req.onupgradeneeded = () => {
      create(req.result);
      fill(req.transaction!);
    };
    req.onsuccess = () => {
      req.result.close();
      ok();
    };
    req.onerror = () => fail(req.error);
  });
}

function createV1(db: IDBDatabase): void {
  db.createObjectStore('datasets', { keyPath: 'id' });
  db.createObjectStore('movies', { keyPath: ['dataset', 'movieId'] }).createIndex('byDataset', 'dataset');
  db.createObjectStore('ratingChunks', { keyPath: ['dataset', 'seq'] });
  db.createObjectStore('profile', { keyPath: 'movieId' });
  db.createObjectStore('models', { keyPath: 'id' }).createIndex('byDataset', 'datasetId');
  db.createObjectStore('meta', { keyPath: 'key' });
}

function createV2(db: IDBDatabase): void {
  createV1(db);
  db.createObjectStore('hidden', { keyPath: 'movieId' });
}

/** 5,000 movies (two blocks) with every kind of field value: no year, no genres, missing links, odd titles. */
function manyMovies(): MovieInfo[] {
  return Array.from({ length: 5000 }, (_, i) => ({
    movieId: 10 * i + 1,
    index: i,
    title: i === 7 ? '<b>Bold</b> & "quoted"' : i === 4999 ? 'Amélie, Le fabuleux destin d’' : `Movie ${i}`,
    year: i % 11 === 0 ? null : 1900 + (i % 120),
    genres: i % 5 === 0 ? [] : i % 5 === 1 ? ['Drama'] : ['Comedy', 'Romance', `Genre ${i % 300}`],
    imdbId: i % 3 === 0 ? null : String(i).padStart(7, '0'),
    tmdbId: i % 4 === 0 ? null : String(100000 + i),
    count: i % 7,
    mean: i % 7 ? 0.5 + (i % 9) / 2 : 0,
  }));
}

const streamed: MovieInfo[] = [
  { movieId: 1, index: 0, title: 'Toy Story', year: 1995, genres: ['Animation', 'Children'], imdbId: '0114709', tmdbId: '862', count: 0, mean: 0 },
  { movieId: 2, index: 1, title: 'Jumanji', year: 1995, genres: ['Adventure'], imdbId: '0113497', tmdbId: null, count: 0, mean: 0 },
  { movieId: 99, index: 2, title: 'Movie 99 (not in movies.csv)', year: null, genres: [], imdbId: null, tmdbId: null, count: 0, mean: 0 },
];

/** A version-2 database as v0.2 left it: a streamed dataset (statistics as columns), a saved one (statistics in the records). */
function buildVersion2(name: string): Promise<void> {
  return buildRaw(name, 2, createV2, (t) => {
    t.objectStore('profile').put({ movieId: 356, rating: 4.5, ratedAt: 1 });
    t.objectStore('hidden').put({ movieId: 2, hiddenAt: 5 });
    t.objectStore('meta').put({ key: 'activeDataset', value: 'streamed' });
    const stats = { ratings: 4, users: 2, movies: 3, ratedMovies: 3, missingMovies: 1, duplicates: 0, mean: 3.375, scale: { min: 2, max: 5 } };
    const timings = { seconds: 1, readSeconds: 0.1, parseSeconds: 0.2, writeWaitSeconds: 0.3, finishSeconds: 0, moviesSeconds: 0.4 };
    t.objectStore('datasets').put({
      id: 'streamed', name: 'ml-x', source: 'x.zip', status: 'ready', stats, chunkCount: 1, bytes: 123, notes: ['n1'], createdAt: 7, importTimings: timings,
      movieStats: { counts: new Int32Array([2, 1, 1]), means: new Float64Array([4.25, 2, 3]) },
    });
    for (const m of streamed) t.objectStore('movies').put({ ...m, dataset: 'streamed' });
    t.objectStore('ratingChunks').put({
      dataset: 'streamed', seq: 0, length: 4,
      users: new Int32Array([0, 0, 1, 1]), items: new Int32Array([0, 1, 0, 2]), ratingsX2: new Uint8Array([8, 4, 9, 6]), timestamps: new Uint32Array([10, 11, 4_000_000_000, 13]),
    });
    t.objectStore('datasets').put({ id: 'saved', name: 'big', source: 'cli', status: 'ready', stats: { ...stats, movies: 5000 }, chunkCount: 0, bytes: 0, notes: [], createdAt: 8 });
    for (const m of manyMovies()) t.objectStore('movies').put({ ...m, dataset: 'saved' });
    t.objectStore('models').put({ id: 'm1', datasetId: 'streamed', mu: 3.5, itemFactors: new Float32Array([1, 2]) });
  });
}

test('version 2 → current: every movie record becomes part of a block with all its fields; chunks, ratings, marks and models survive', async () => {
  await buildVersion2('migrate-v2');
  const db = await openDb('migrate-v2');
  expect(db.version).toBe(DB_VERSION);
  expect([...db.objectStoreNames].sort()).toEqual(['datasets', 'hiddenBlocks', 'meta', 'models', 'movieBlocks', 'movieTags', 'profileBlocks', 'ratingChunks', 'ratingTimes', 'undo', 'watchlist']);

  // The streamed dataset: count and mean come from the record's columns, which are then dropped from the record.
  expect(await readMovies(db, 'streamed')).toEqual([
    { ...streamed[0], count: 2, mean: 4.25 },
    { ...streamed[1], count: 1, mean: 2 },
    { ...streamed[2], count: 1, mean: 3 },
  ]);
  const rec = (await getDataset(db, 'streamed'))!;
  expect(rec).not.toHaveProperty('movieStats');
  expect(rec).toMatchObject({ name: 'ml-x', source: 'x.zip', chunkCount: 1, bytes: 123, notes: ['n1'], createdAt: 7, importTimings: { moviesSeconds: 0.4 } });

  // The saved dataset: 5,000 movies in two blocks, each equal to its v2 record field for field.
  const many = manyMovies();
  expect(await readMovies(db, 'saved')).toEqual(many);
  const blocks = await tx(db, [STORES.movieBlocks], 'readonly', (t) => t.objectStore(STORES.movieBlocks).getAll());
  expect(blocks.filter((b) => b.dataset === 'saved').map((b) => [b.block, b.length])).toEqual([
    [0, MOVIE_BLOCK],
    [1, 5000 - MOVIE_BLOCK],
  ]);

  // The v2 chunk (timestamps inside, one past 2038) reads as before, for training and whole.
  const full = await readRatings(db, rec);
  expect(Array.from(full.users)).toEqual([0, 0, 1, 1]);
  expect(Array.from(full.items)).toEqual([0, 1, 0, 2]);
  expect(Array.from(full.ratings)).toEqual([4, 2, 4.5, 3]);
  expect(Array.from(full.timestamps)).toEqual([10, 11, 4_000_000_000, 13]);
  const training = await readRatings(db, rec, { timestamps: false });
  expect(training).not.toHaveProperty('timestamps');
  expect(Array.from(training.ratings)).toEqual([4, 2, 4.5, 3]);
  expect(Array.from((await getChunk(db, 'streamed', 0)).timestamps)).toEqual([10, 11, 4_000_000_000, 13]);

  expect((await getProfile(db)).map((r) => [r.movieId, r.rating, r.ratedAt])).toEqual([[356, 4.5, 1]]);
  expect(await hiddenMovies(db)).toEqual(new Set([2]));
  expect(await getMeta(db, 'activeDataset')).toBe('streamed');
  const model = await tx(db, [STORES.models], 'readonly', (t) => t.objectStore(STORES.models).get('m1'));
  expect(Array.from(model!.itemFactors)).toEqual([1, 2]);
  await closeDb('migrate-v2');
});

test('version 1 → current: ratings, settings, datasets, chunks and movies survive; the hidden store is added and works', async () => {
  await buildRaw('migrate-v1', 1, createV1, (t) => {
    t.objectStore('profile').put({ movieId: 356, rating: 4.5, ratedAt: 1 });
    t.objectStore('profile').put({ movieId: 1, rating: 2, ratedAt: 2 });
    t.objectStore('meta').put({ key: 'activeDataset', value: 'ds-1' });
    t.objectStore('datasets').put({ id: 'ds-1', status: 'ready', name: 'x', stats: { ratings: 1 }, chunkCount: 1 });
    t.objectStore('movies').put({ dataset: 'ds-1', movieId: 356, index: 0, title: 'Forrest Gump', year: 1994, genres: ['Comedy'], imdbId: '0109830', tmdbId: '13', count: 1, mean: 4.5 });
    t.objectStore('ratingChunks').put({ dataset: 'ds-1', seq: 0, length: 1, users: new Int32Array([0]), items: new Int32Array([0]), ratingsX2: new Uint8Array([9]), timestamps: new Float64Array([5]) });
  });
  const db = await openDb('migrate-v1');
  expect(db.version).toBe(DB_VERSION);
  expect((await getProfile(db)).map((r) => [r.movieId, r.rating, r.ratedAt])).toEqual([
    [1, 2, 2],
    [356, 4.5, 1],
  ]);
  expect(await getMeta(db, 'activeDataset')).toBe('ds-1');
  const chunk = await tx(db, [STORES.ratingChunks], 'readonly', (t) => t.objectStore(STORES.ratingChunks).get(['ds-1', 0]));
  expect(Array.from((chunk as RatingChunkRecordV2).ratingsX2)).toEqual([9]);
  const ds = (await tx(db, [STORES.datasets], 'readonly', (t) => t.objectStore(STORES.datasets).getAll()))!;
  expect(ds.map((d) => d.id)).toEqual(['ds-1']);
  expect(Array.from((await readRatings(db, ds[0])).ratings)).toEqual([4.5]);
  expect(await readMovies(db, 'ds-1')).toEqual([{ movieId: 356, index: 0, title: 'Forrest Gump', year: 1994, genres: ['Comedy'], imdbId: '0109830', tmdbId: '13', count: 1, mean: 4.5 }]);
  expect(await hiddenMovies(db)).toEqual(new Set());
  await setHidden(db, 356, true);
  await setHidden(db, 7, true);
  await setHidden(db, 7, false);
  expect(await hiddenMovies(db)).toEqual(new Set([356]));
  await closeDb('migrate-v1');
});

function createV3(db: IDBDatabase): void {
  db.createObjectStore('datasets', { keyPath: 'id' });
  db.createObjectStore('ratingChunks', { keyPath: ['dataset', 'seq'] });
  db.createObjectStore('profile', { keyPath: 'movieId' });
  db.createObjectStore('models', { keyPath: 'id' }).createIndex('byDataset', 'datasetId');
  db.createObjectStore('meta', { keyPath: 'key' });
  db.createObjectStore('hidden', { keyPath: 'movieId' });
  db.createObjectStore('movieBlocks', { keyPath: ['dataset', 'block'] });
  db.createObjectStore('movieTags', { keyPath: ['dataset', 'block'] });
  db.createObjectStore('ratingTimes', { keyPath: ['dataset', 'seq'] });
}

test('version 3 → current: 5,000 ratings and the hidden marks move into sorted blocks with their dates; the old stores are gone', async () => {
  // Ratings over sparse ids (one past 2^32), dates in any order, half stars; written in a shuffled order.
  const ratings = Array.from({ length: 5000 }, (_, i) => ({ movieId: i === 4999 ? 4_294_967_297 : 7 * i + 3, rating: ((i % 10) + 1) / 2, ratedAt: 1_600_000_000_000 - i * 997 }));
  const hidden = [{ movieId: 10, hiddenAt: 3 }, { movieId: 2, hiddenAt: 1 }, { movieId: 999_999, hiddenAt: 2 }];
  await buildRaw('migrate-v3', 3, createV3, (t) => {
    for (const r of [...ratings].reverse()) t.objectStore('profile').put(r);
    for (const h of hidden) t.objectStore('hidden').put(h);
    t.objectStore('meta').put({ key: 'activeDataset', value: 'd' });
  });
  const db = await openDb('migrate-v3');
  expect(db.version).toBe(DB_VERSION);
  expect([...db.objectStoreNames]).not.toContain('profile');
  expect([...db.objectStoreNames]).not.toContain('hidden');
  expect(await getProfile(db)).toEqual([...ratings].sort((a, b) => a.movieId - b.movieId));
  expect(await getHidden(db)).toEqual([...hidden].sort((a, b) => a.movieId - b.movieId));
  const blocks = await tx(db, [STORES.profileBlocks], 'readonly', (t) => t.objectStore(STORES.profileBlocks).getAll());
  expect(blocks.map((b) => [b.start, b.ids.length])).toEqual([
    [0, 4096],
    [7 * 4096 + 3, 904],
  ]);
  expect(Object.keys(blocks[0])).toEqual(['start', 'ids', 'ratings', 'ratedAt']);
  expect(blocks[0].ids).toBeInstanceOf(Float64Array);
  expect(await getMeta(db, 'activeDataset')).toBe('d');
  // The blocks work as the live code expects: a change lands in its block, a removal keeps the others.
  await setRating(db, 4, 5, 42);
  await setRating(db, 3, null);
  const after = await getProfile(db);
  expect(after).toHaveLength(5000);
  expect(after[0]).toEqual({ movieId: 4, rating: 5, ratedAt: 42 });
  await closeDb('migrate-v3');
});

test("v4's frozen cutter writes the blocks the live cutter writes", () => {
  const ids = Array.from({ length: 9000 }, (_, i) => (i * 7919) % 100_003);
  const frozen = toV4Blocks(ids, { ratings: ids.map((i) => i % 9), ratedAt: ids.map((i) => i * 2) });
  const live = toIdBlocks(rowsFrom(ids.map((id) => ({ id, ratings: id % 9, ratedAt: id * 2 })), (r) => r.id, PROFILE_COLUMNS), PROFILE_COLUMNS);
  expect(frozen).toStrictEqual(live);
});

function createV4(db: IDBDatabase): void {
  createV3(db);
  db.deleteObjectStore('profile');
  db.deleteObjectStore('hidden');
  db.createObjectStore('profileBlocks', { keyPath: 'start' });
  db.createObjectStore('hiddenBlocks', { keyPath: 'start' });
  db.createObjectStore('undo', { keyPath: 'key' });
}

test('version 4 → current: rating and mark blocks, the pending Undo, movie blocks and models survive; the watchlist store is added, empty, and works', async () => {
  const [block] = toV3MovieBlocks('ds-4', [{ movieId: 2571, index: 0, title: 'Matrix, The', year: 1999, genres: ['Action'], imdbId: '0133093', tmdbId: '603', count: 2, mean: 4.25 }]);
  const [ratings] = toV4Blocks([2571, 1221], { ratings: [5, 3.5], ratedAt: [11, 13] });
  const [marks] = toV4Blocks([1], { hiddenAt: [12] });
  const undo = { key: 'last', id: 'u-1', kind: 'restore', file: 'b.json', at: 14, profile: [ratings] };
  await buildRaw('migrate-v4', 4, createV4, (t) => {
    t.objectStore('profileBlocks').put(ratings);
    t.objectStore('hiddenBlocks').put(marks);
    t.objectStore('undo').put(undo);
    t.objectStore('meta').put({ key: 'activeDataset', value: 'ds-4' });
    t.objectStore('datasets').put({ id: 'ds-4', status: 'ready', name: 'x', stats: { ratings: 2 }, chunkCount: 0 });
    t.objectStore('movieBlocks').put(block);
    t.objectStore('models').put({ id: 'ds-4:explicit', datasetId: 'ds-4', itemFactors: new Float32Array([3]) });
  });
  const db = await openDb('migrate-v4');
  expect(db.version).toBe(DB_VERSION);
  expect([...db.objectStoreNames].sort()).toEqual(['datasets', 'hiddenBlocks', 'meta', 'models', 'movieBlocks', 'movieTags', 'profileBlocks', 'ratingChunks', 'ratingTimes', 'undo', 'watchlist']);
  expect(await getProfile(db)).toEqual([
    { movieId: 1221, rating: 3.5, ratedAt: 13 },
    { movieId: 2571, rating: 5, ratedAt: 11 },
  ]);
  expect(await getHidden(db)).toEqual([{ movieId: 1, hiddenAt: 12 }]);
  expect(await tx(db, [STORES.undo], 'readonly', (t) => t.objectStore(STORES.undo).get('last'))).toStrictEqual(undo);
  expect(await getMeta(db, 'activeDataset')).toBe('ds-4');
  expect(await readMovies(db, 'ds-4')).toEqual([{ movieId: 2571, index: 0, title: 'Matrix, The', year: 1999, genres: ['Action'], imdbId: '0133093', tmdbId: '603', count: 2, mean: 4.25 }]);
  const model = await tx(db, [STORES.models], 'readonly', (t) => t.objectStore(STORES.models).get('ds-4:explicit'));
  expect(Array.from(model!.itemFactors)).toEqual([3]);
  expect(await getWatchlist(db)).toEqual([]);
  expect(await setWatched(db, 858, true, 99)).toBeNull();
  expect(await setWatched(db, 858, true, 100)).toEqual({ movieId: 858, addedAt: 99 });
  expect(await takeOff(db, [2571, 858])).toEqual([{ movieId: 858, addedAt: 100 }]);
  expect(await getWatchlist(db)).toEqual([]);
  await closeDb('migrate-v4');
});

test('a fresh database is created at the current version with the v3 stores and no per-movie store', async () => {
  const db = await openDb('fresh-v3');
  expect(db.version).toBe(DB_VERSION);
  expect([...db.objectStoreNames]).not.toContain('movies');
  expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['movieBlocks', 'movieTags', 'ratingTimes']));
  await closeDb('fresh-v3');
});

test("v3's frozen block encoder writes exactly the schema-3 record: columns, typed array types, genre ids, placeholders", () => {
  const movies = [
    { movieId: 5, index: 0, title: 'Heat', year: 1995, genres: ['Action', 'Crime'], imdbId: '0113277', tmdbId: '949', count: 3, mean: 4.5 },
    undefined, // an index no record had: a placeholder with movieId −1
    { movieId: 7, index: 2, title: 'No year', year: null, genres: ['Crime', 'Drama'], imdbId: null, tmdbId: null, count: 0, mean: 0 },
    { movieId: 9, index: 3, title: 'No genres', year: 2001, genres: [], imdbId: '0000009', tmdbId: null, count: 1, mean: 2.5 },
  ];
  const expected: V3MovieBlock = {
    dataset: 'd',
    block: 0,
    length: 4,
    movieIds: new Int32Array([5, -1, 7, 9]),
    titles: ['Heat', '', 'No year', 'No genres'],
    years: new Int16Array([1995, -1, -1, 2001]),
    genreNames: ['Action', 'Crime', 'Drama'],
    genreStart: new Int32Array([0, 2, 2, 4, 4]),
    genreIds: new Uint16Array([0, 1, 1, 2]),
    imdbIds: ['0113277', null, null, '0000009'],
    tmdbIds: ['949', null, null, null],
    counts: new Int32Array([3, 0, 0, 1]),
    means: new Float64Array([4.5, 0, 0, 2.5]),
  };
  const blocks = toV3MovieBlocks('d', movies);
  expect(blocks).toStrictEqual([expected]);
  // The keys in the order schema 3 stored them (a stored record keeps its keys' order).
  expect(Object.keys(blocks[0])).toEqual(['dataset', 'block', 'length', 'movieIds', 'titles', 'years', 'genreNames', 'genreStart', 'genreIds', 'imdbIds', 'tmdbIds', 'counts', 'means']);
  // 4,097 movies: a full block of 4,096 and one of 1, each with its own genre list.
  const many = Array.from({ length: V3_MOVIE_BLOCK + 1 }, (_, i) => ({ ...movies[0]!, movieId: i + 1, index: i, genres: [i < V3_MOVIE_BLOCK ? 'Action' : 'Drama'] }));
  const split = toV3MovieBlocks('d', many);
  expect(V3_MOVIE_BLOCK).toBe(4096);
  expect(split.map((b) => [b.block, b.length, b.movieIds[0], b.genreNames])).toEqual([
    [0, 4096, 1, ['Action']],
    [1, 1, 4097, ['Drama']],
  ]);
});
