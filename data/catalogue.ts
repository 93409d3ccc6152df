// Catalogue of GroupLens MovieLens releases: where to get each one and what its inner files must hash to.

export interface ReleaseFile {
  /** Path inside the release folder, e.g. "ratings.csv". */
  name: string;
  bytes?: number;
  sha256?: string;
}

export interface Release {
  name: string;
  url: string;
  description: string;
  ratings: number;
  users: number;
  movies: number;
  /** Files that must be present; checksums are verified when known. */
  files: ReleaseFile[];
}

const BASE = 'https://files.grouplens.org/datasets/movielens';

export const releases: Release[] = [
  {
    name: 'ml-latest-small',
    url: `${BASE}/ml-latest-small.zip`,
    description: 'MovieLens latest small sample (2018-09-26): the bundled default.',
    ratings: 100_836,
    users: 610,
    movies: 9_742,
    files: [
      { name: 'README.txt', bytes: 8_342, sha256: '63d22ac138e80fae37021797ed8e1b9424b5239dc576a137422adf783ae3f404' },
      { name: 'ratings.csv', bytes: 2_483_723, sha256: 'aa289ca83157595d0df6aea1be6a4ded676ddc4385472e8313a8ed9805352646' },
      { name: 'movies.csv', bytes: 494_431, sha256: '5a5f32dd9bb3797b8e728a1b98958789d2b13f294a69fdfbc5727f8a9611aa07' },
      { name: 'links.csv', bytes: 197_979, sha256: '97ad18e4e56a09363c65676b6cb3482ce3e2cea2372a24620c1599c843325f31' },
      { name: 'tags.csv', bytes: 118_660, sha256: '92a9f8bb7916dceef6151209845788c3643f794dfa79d1feaec7121b5960399d' },
    ],
  },
  {
    name: 'ml-100k',
    url: `${BASE}/ml-100k.zip`,
    description: 'MovieLens 100K (1998): u.data, u.item, u.genre; tab and pipe separated.',
    ratings: 100_000,
    users: 943,
    movies: 1_682,
    files: [{ name: 'u.data' }, { name: 'u.item' }, { name: 'u.genre' }],
  },
  {
    name: 'ml-1m',
    url: `${BASE}/ml-1m.zip`,
    description: 'MovieLens 1M (2003): ratings.dat and movies.dat, "::" separated.',
    ratings: 1_000_209,
    users: 6_040,
    movies: 3_883,
    files: [{ name: 'ratings.dat' }, { name: 'movies.dat' }],
  },
  {
    name: 'ml-10m',
    url: `${BASE}/ml-10m.zip`,
    description: 'MovieLens 10M (2009): "::" separated, half-star ratings. Unzips to ml-10M100K/.',
    ratings: 10_000_054,
    users: 69_878,
    movies: 10_681,
    files: [{ name: 'ratings.dat' }, { name: 'movies.dat' }],
  },
  {
    name: 'ml-20m',
    url: `${BASE}/ml-20m.zip`,
    description: 'MovieLens 20M (2016).',
    ratings: 20_000_263,
    users: 138_493,
    movies: 27_278,
    files: [{ name: 'ratings.csv' }, { name: 'movies.csv' }, { name: 'links.csv' }, { name: 'tags.csv' }],
  },
  {
    name: 'ml-25m',
    url: `${BASE}/ml-25m.zip`,
    description: 'MovieLens 25M (2019).',
    ratings: 25_000_095,
    users: 162_541,
    movies: 62_423,
    files: [{ name: 'ratings.csv' }, { name: 'movies.csv' }, { name: 'links.csv' }, { name: 'tags.csv' }],
  },
  {
    name: 'ml-32m',
    url: `${BASE}/ml-32m.zip`,
    description: 'MovieLens 32M (2023).',
    ratings: 32_000_204,
    users: 200_948,
    movies: 87_585,
    files: [{ name: 'ratings.csv' }, { name: 'movies.csv' }, { name: 'links.csv' }, { name: 'tags.csv' }],
  },
];

export const defaultRelease = 'ml-latest-small';

export function findRelease(name: string): Release | undefined {
  return releases.find((r) => r.name === name);
}
