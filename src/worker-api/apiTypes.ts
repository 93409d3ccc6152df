// Data that crosses the engine worker boundary: progress, summaries, movie cards, recommendations.
import type { AlsParams, ImportProgress, IterationInfo } from '../engine/types';
import type { ModelMovie } from '../engine/model/modelFile';
import type { ValidationRun } from '../store/schema';

export type { ValidationRun };

export type { ImportProgress };

/** A file to import: a File/Blob picked or dropped (read in slices, never whole), or bytes already in memory. */
export type ImportFile = File | { name: string; bytes: Uint8Array };

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
  /** 'explicit' predicts stars; 'implicit' (iALS) ranks what the person will likely watch. */
  objective: 'explicit' | 'implicit';
  params: AlsParams;
  history: IterationInfo[];
  trainSeconds: number;
  /** Of trainSeconds, reading the ratings back and building the matrix (absent in older models). */
  prepareSeconds?: number;
  trainedAt: number;
  /** Share of the ratings this model's own fit left out: 0 (all ratings) for every model but those of older lab trainings. */
  holdout: number;
  /** The validation run that came before the fit on all ratings, when the training had a holdout: the chart's numbers. */
  validation?: ValidationRun;
  /** An implicit model that is the default list's ranker: its EASE part (movies covered, λ) and the blend weight of iALS. */
  ranker?: { easeItems: number; easeLambda: number; blend: number };
}

/** A training's preparation: reading the ratings back, then building both orientations of the matrix. */
export interface PrepareProgress {
  phase: 'read' | 'matrix' | 'ready';
  rows: number;
  totalRows: number;
  seconds: number;
}

export interface AppStatus {
  datasets: DatasetSummary[];
  active: DatasetSummary | null;
  /** The explicit (star-predicting) model of the active dataset. */
  model: ModelSummary | null;
  /** The implicit ("will watch") model of the active dataset, when one was trained. */
  implicitModel: ModelSummary | null;
  /** The default list's ranker: the implicit model when it was stored with its EASE part (null: not trained yet). */
  ranker: ModelSummary | null;
  ratedCount: number;
  /** Incomplete imports removed at this start. */
  cleaned: string[];
}

/** A movie as the screens show it: the model file's movie fields plus the person's own rating. */
export interface MovieCard extends ModelMovie {
  /** The person's own rating, if any. */
  myRating: number | null;
  /** When the person rated it (ms since 1970): on the cards of their own ratings list only. */
  ratedAt?: number;
}

/**
 * Why a row is in the list: the person's ratings that carry its score most (in the ranking that put it there), or
 * what outweighs them: 'taste' (the ranker: people who share the person's taste like it), 'newer' (the ranker with
 * "newer films first": its recency), 'overall' (predicted stars: the movie's standing with all MovieLens users).
 */
export type RowReason = { kind: 'ratings'; titles: string[] } | { kind: 'taste' } | { kind: 'newer' } | { kind: 'overall' };

export interface Recommendation extends MovieCard {
  /** Predicted stars for the person from the explicit model (personal lists, whichever sort), or the damped mean (popular). */
  predicted: number;
  /** Titles of the person's ratings that raised this row most (a personal row whose reason is 'ratings'; else empty). */
  because: string[];
  /** Every personal row has one; null on the popular fallback (the list as a whole says why). */
  reason: RowReason | null;
}

/** Everything the movie panel shows. */
export interface MovieDetails extends MovieCard {
  /** The person's predicted rating, when a model and at least one rating exist. */
  predicted: number | null;
  similar: MovieCard[];
  /** Plain outbound links from links.csv; nothing is fetched from them. */
  imdbUrl: string | null;
  tmdbUrl: string | null;
  /** The movie's most frequent tags in the dataset (tags.csv), most frequent first; empty when it has none. */
  tags: { tag: string; count: number }[];
}

/** The ranked list's controls, as switches (their strengths: rankerDefaults). */
export interface ListControls {
  /** Hidden gems: less-rated films move up. */
  gems?: boolean;
  /** Newer films first. */
  recency?: boolean;
  /** Variety: no near-copies (sequels, one franchise) next to one another. */
  diversity?: boolean;
}

export interface Recommendations {
  kind: 'personal' | 'popular' | 'none';
  /** What ordered a personal list: 'best' (the default ranker: "Best for you") or 'predicted' (the explicit model's stars). */
  sortBy: 'best' | 'predicted';
  /** Whether the ranker exists beside the explicit model (the screen then offers the sort and the controls). */
  rankerAvailable: boolean;
  /** The controls this list applied (all off unless sorted 'best'). */
  controls: Required<ListControls>;
  items: Recommendation[];
  /** The minimum number of MovieLens ratings applied (0 for a dataset without ratings, such as a Spark model's). */
  minCount: number;
  /** Milliseconds spent on fold-in, scoring and explanations. */
  millis: number;
}

export interface RecommendOptions extends ListControls {
  /** Movies in the list (default recommendDefaults.n). */
  n?: number;
  /** 'best' (default): the ranker's list when it exists; 'predicted': by the explicit model's predicted stars. */
  sortBy?: 'best' | 'predicted';
  minCount?: number;
  /** Only movies with this genre. */
  genre?: string | null;
  /** Only movies released in [yearFrom, yearTo]; movies without a year are left out when either is set. */
  yearFrom?: number | null;
  yearTo?: number | null;
  /**
   * The person's ratings as the page shows them, [movieId, stars] (a rating just made included while it is being
   * stored, so its new list does not wait for the durable write); read from the store when absent.
   */
  ratings?: [number, number][];
  /** The movieIds marked "not interested" as the page shows them; read from the store when absent (as `ratings`: no wait on a write). */
  hidden?: number[];
}
