// How recent a dataset is, in words read from its data (never a hard-coded year): the month of its latest rating and
// its newest movie's year, and what the Data screen says about the bundled sample's age.
import type { DatasetInfo } from '../../client/workerTypes';
import { monthYear } from '../format';

/** "ratings up to September 2018 · newest movie 2018" (either part alone when only one is known); null when neither is. */
export function freshnessText(d: Pick<DatasetInfo, 'lastRatingAt' | 'newestMovieYear'>): string | null {
  const parts = [d.lastRatingAt !== null ? `ratings up to ${monthYear(d.lastRatingAt)}` : null, d.newestMovieYear !== null ? `newest movie ${d.newestMovieYear}` : null];
  const said = parts.filter((p): p is string => p !== null);
  return said.length ? said.join(' · ') : null;
}

/** The year a dataset stops in: its latest rating's, else its newest movie's; null when neither is known. */
export function stopsIn(d: Pick<DatasetInfo, 'lastRatingAt' | 'newestMovieYear'>): number | null {
  if (d.lastRatingAt !== null) return new Date(d.lastRatingAt * 1000).getUTCFullYear();
  return d.newestMovieYear;
}

/** The bundled sample among the datasets, if it is there (its source is "bundled:<name>"). */
export const bundledOf = (list: readonly DatasetInfo[]): DatasetInfo | undefined => list.find((d) => d.source.startsWith('bundled:'));

/** The first sentence of the Data screen's note on the sample's age; null when its age is unknown. */
export function sampleAgeText(d: DatasetInfo): string | null {
  const year = stopsIn(d);
  if (year === null) return null;
  const rating = d.lastRatingAt !== null ? `its last rating was given in ${monthYear(d.lastRatingAt)}` : null;
  const movie = d.newestMovieYear !== null ? `its newest movies are from ${d.newestMovieYear}` : null;
  const why = [rating, movie].filter(Boolean).join(' and ');
  return `The bundled sample, ${d.name}, stops in ${year}: ${why}, so nothing released since is in it.`;
}
