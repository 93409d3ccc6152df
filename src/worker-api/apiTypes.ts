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

export interface Recommendation extends MovieCard {
  /**
   * Predicted stars for the person (personal, explicit), damped mean (popular), or for the implicit list the
   * iALS preference score (not stars: near 1 = very likely to watch).
   */
  predicted: number;
  /** Titles of the person's ratings that raised this prediction most (personal lists only). */
  because: string[];
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

export interface Recommendations {
  kind: 'personal' | 'popular' | 'none';
  /** Which model ranked a personal list: star predictions or the implicit "will watch" scores. */
  objective: 'explicit' | 'implicit';
  /** Whether an implicit model exists beside the explicit one (the screen then offers the switch). */
  implicitAvailable: boolean;
  items: Recommendation[];
  /** The minimum number of MovieLens ratings applied (0 for a dataset without ratings, such as a Spark model's). */
  minCount: number;
  /** Milliseconds spent on fold-in and scoring. */
  millis: number;
}

export interface RecommendOptions {
  /** Movies in the list (default recommendDefaults.n). */
  n?: number;
  /** 'implicit': rank by the implicit model's scores when it exists (else the explicit list); default explicit. */
  objective?: 'explicit' | 'implicit';
  minCount?: number;
  /** Only movies with this genre. */
  genre?: string | null;
  /** Only movies released in [yearFrom, yearTo]; movies without a year are left out when either is set. */
  yearFrom?: number | null;
  yearTo?: number | null;
}
