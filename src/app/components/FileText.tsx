// Text from files on screen: titles, genres, tags and file names, each isolated in <bdi> (see app/bidi.ts), and a title
// longer than a list row should hold cut with an ellipsis, the whole of it in the tooltip and the movie panel.

/** Characters of a title a list row shows: real titles are shorter (ml-latest-small's longest has 158). */
export const ROW_TITLE_CHARS = 300;

/** `text` cut to `max` characters with an ellipsis (never inside a surrogate pair); as it is when it fits. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--; // a high surrogate: keep the pair whole
  return `${text.slice(0, end)}…`;
}

/** A title, isolated; cut past `max` characters with the whole title as its tooltip. */
export function TitleText({ text, max = ROW_TITLE_CHARS }: { text: string; max?: number }) {
  const cut = clip(text, max);
  return <bdi title={cut === text ? undefined : text}>{cut}</bdi>;
}

/** Genres joined by `sep`, each isolated; "No genres listed" for none. */
export function GenreList({ genres, sep = ', ' }: { genres: readonly string[]; sep?: string }) {
  if (genres.length === 0) return <>No genres listed</>;
  return (
    <>
      {genres.map((g, k) => (
        <span key={g}>
          {k > 0 && sep}
          <bdi>{g}</bdi>
        </span>
      ))}
    </>
  );
}

/** Titles joined as a sentence ("A and B"), each isolated and cut for a list row. */
export function TitleList({ titles }: { titles: readonly string[] }) {
  return (
    <>
      {titles.map((t, k) => (
        <span key={k}>
          {k > 0 && (k === titles.length - 1 ? ' and ' : ', ')}
          <TitleText text={t} />
        </span>
      ))}
    </>
  );
}
