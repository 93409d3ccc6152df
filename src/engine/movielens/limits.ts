// The ceilings every imported file and text field is held to (one home for each), set from the real releases with a wide margin.
//
// Maxima beside each limit: ml-latest-small measured (docs/ARCHITECTURE.md "Limits" has the numbers and how), ml-32m
// and ml-25m from GroupLens's published sizes. A file past a size or line
// ceiling is refused while it streams (nothing is written); a title or genre past its ceiling is refused with its
// line; a tag past its ceiling is left out with a note in the dataset's notes (tags are many, free text, and only shown).

export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;

/** What kind of file a limit applies to. */
export type FileKind = 'ratings' | 'movies' | 'tags' | 'spark';

export interface FileLimit {
  /** Largest file (inflated size for a zip entry). */
  maxBytes: number;
  /** Longest line in bytes, line break excluded. */
  maxLineBytes: number;
  /** What the real releases hold, for the message and the docs. */
  real: string;
}

export const FILE_LIMITS: Readonly<Record<FileKind, FileLimit>> = Object.freeze({
  /** ratings.csv, u.data, ratings.dat: ml-32m's ratings.csv is 877 MB (32,000,204 rows of at most ~32 bytes). */
  ratings: { maxBytes: 2 * GiB, maxLineBytes: 1 * KiB, real: "ml-32m's ratings.csv is about 877 MB, its lines under 40 bytes" },
  /** movies.csv, links.csv, u.item, u.genre, movies.dat: ml-32m's movies.csv is about 4 MB, its longest line a few hundred bytes. */
  movies: { maxBytes: 64 * MiB, maxLineBytes: 64 * KiB, real: "ml-32m's movies.csv is about 4 MB, its longest line a few hundred bytes" },
  /** tags.csv, tags.dat: ml-32m's tags.csv is about 72 MB (2,000,072 tags); ml-latest-small's longest line 107 bytes. */
  tags: { maxBytes: 256 * MiB, maxLineBytes: 64 * KiB, real: "ml-32m's tags.csv is about 72 MB, its lines a few hundred bytes" },
  /** Spark itemFactors part-*.json files (read whole): ml-32m's 87,585 movies at rank 256 write about 300 MB, lines about 3.5 KB. */
  spark: { maxBytes: 1 * GiB, maxLineBytes: 64 * KiB, real: "ml-32m's item factors at rank 256 are about 300 MB of JSON lines of about 3.5 KB" },
});

/**
 * Most bytes a zip entry may inflate to per compressed byte (checked once 4 MiB have come out). Real MovieLens
 * files deflate 3–6 : 1 (ml-latest-small's ratings.csv 3.4 : 1); a zip bomb of one repeated byte, about 1,000 : 1.
 */
export const MAX_INFLATE_RATIO = 64;
export const RATIO_CHECK_AFTER = 4 * MiB;

/** Longest title in characters (UTF-16 code units). ml-latest-small's longest is 158 ("Dragon Ball Z the Movie: …"). */
export const MAX_TITLE_CHARS = 1000;
/** Longest genre name. ml-latest-small's longest is 18 ("(no genres listed)"); the releases use 20 names. */
export const MAX_GENRE_CHARS = 64;
/** Longest tag kept; longer ones are left out with a note. ml-latest-small's longest is 85 characters. */
export const MAX_TAG_CHARS = 200;

/** Largest movieId: every MovieLens parser reads ids of at most 9 digits (ml-32m's largest is 292,757). */
export const MAX_MOVIE_ID = 999_999_999;

/** Words of a search query that are matched (the rest are ignored): a real query has a handful. */
export const MAX_QUERY_WORDS = 32;

/** "3.0 GiB", "64 MiB", "812 KiB": a byte count as a person reads it. */
export function formatBytes(n: number): string {
  if (n >= GiB) return `${(n / GiB).toFixed(1)} GiB`;
  if (n >= MiB) return `${Number.isInteger(n / MiB) ? n / MiB : (n / MiB).toFixed(1)} MiB`;
  if (n >= KiB) return `${Number.isInteger(n / KiB) ? n / KiB : (n / KiB).toFixed(1)} KiB`;
  return `${n} bytes`;
}
