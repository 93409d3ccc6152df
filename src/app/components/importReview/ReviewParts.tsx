// Small pieces every list of the import review shows: a movie's name, read-only stars, the file's own rating and name.
import { TitleText } from '../FileText';
import type { ImportCandidate, ImportPreview, ImportRowView } from '../../../client/workerTypes';
import { count } from '../../format';

/** "Title (year)" as a string: for labels read aloud, never laid out next to other text. */
export const label = (m: { title: string; year: number | null }) => (m.year !== null ? `${m.title} (${m.year})` : m.title);
export const starsText = (n: number) => count(n, 'star');

/** "Title (year)" on screen: the title isolated (<bdi>), so its direction never reorders the year or what follows; cut past a row's length. */
export function Label({ m }: { m: { title: string; year: number | null } }) {
  return (
    <>
      <TitleText text={m.title} />
      {m.year !== null && ` (${m.year})`}
    </>
  );
}

/** Stars drawn read-only, with the number for screen readers. */
export function ReadStars({ value }: { value: number }) {
  return (
    <span className="read-stars" role="img" aria-label={starsText(value)} title={starsText(value)}>
      ☆☆☆☆☆
      <span className="on" style={{ width: `${(value / 5) * 100}%` }} aria-hidden="true">
        ★★★★★
      </span>
    </span>
  );
}

/** How the file wrote the rating, when it is not already in stars. */
export function FileRating({ row, source }: { row: ImportRowView; source: ImportPreview['source'] }) {
  return source === 'imdb' ? <span className="from"> ({row.fileRating}/10 on IMDb)</span> : null;
}

/** "as “Se7en” in the file", when the file names the movie differently from the dataset. */
export function AsInFile({ row, movie }: { row: ImportRowView; movie: ImportCandidate }) {
  if (row.title === movie.title && row.year === movie.year) return null;
  return (
    <div className="from">
      “<Label m={row} />” in the file, line {row.line}
    </div>
  );
}
