// Tags: counted case-folded and shown in the most common spelling, stored as tag blocks, returned by movieDetails, rendered as text.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { ImportError } from '../../../../src/engine/movielens/errors';
import { TagCounter, parseTagsCsv } from '../../../../src/engine/movielens/tags';
import * as api from '../../../../src/worker-api/engineApi';
import { MovieTags } from '../../../../src/app/components/MovieTags';
import { sampleZipPath } from '../../../sample';

const enc = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/tiny/${name}`, import.meta.url)));

describe('counting tags', () => {
  test('case and spaces are folded; the most common spelling is shown; most frequent first, ties by tag; at most N', () => {
    const c = new TagCounter();
    for (const t of ['sci-fi', 'Sci-Fi', 'SCI-FI ', 'Sci-Fi', 'aliens', ' Aliens', 'zombies', 'b-movie', '  ']) c.add(1, t);
    c.add(2, 'Sci-Fi');
    expect(c.top(3).get(1)).toEqual([
      { tag: 'Sci-Fi', count: 4 },
      { tag: 'aliens', count: 2 },
      { tag: 'b-movie', count: 1 },
    ]);
    expect(c.top().get(2)).toEqual([{ tag: 'Sci-Fi', count: 1 }]);
    expect(c.rows).toBe(9); // the blank tag is not counted
  });

  test('tags.csv: quoted tags with commas and markup are kept as text; bad rows name the file and line', () => {
    const text = 'userId,movieId,tag,timestamp\n1,5,"funny, very",1\n2,5,<img src=x onerror=alert(1)>,2\n3,5,"Funny, Very",3\n';
    expect(parseTagsCsv(enc(text), 'ml/tags.csv').get(5)).toEqual([
      { tag: 'funny, very', count: 2 },
      { tag: '<img src=x onerror=alert(1)>', count: 1 },
    ]);
    const err = (s: string) => {
      try {
        parseTagsCsv(enc(s), 'ml/tags.csv');
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(err('userId,movieId,tags\n')).toBe('ml/tags.csv, line 1: expected the header "userId,movieId,tag,timestamp", found "userId,movieId,tags"');
    expect(err('userId,movieId,tag,timestamp\n1,2,ok,3\n1,x,bad,4\n')).toBe('ml/tags.csv, line 3: expected a whole-number movieId, found "x"');
    expect(err('userId,movieId,tag,timestamp\n1,2,ok\n')).toBe('ml/tags.csv, line 2: expected 4 fields (userId,movieId,tag,timestamp), found 3 in "1,2,ok"');
  });

  test('tags.csv with CRLF and LF mixed reads every row', () => {
    const text = 'userId,movieId,tag,timestamp\r\n1,5,noir,1\n2,5,Noir,2\r\n3,6,"heist, slow",3\n';
    const tags = parseTagsCsv(enc(text), 'tags.csv');
    expect(tags.get(5)).toEqual([{ tag: 'noir', count: 2 }]);
    expect(tags.get(6)).toEqual([{ tag: 'heist, slow', count: 1 }]);
  });

  test('the panel renders a tag holding HTML as literal text', () => {
    const html = renderToStaticMarkup(createElement(MovieTags, { tags: [{ tag: '<img src=x onerror=alert(1)>', count: 2 }] }));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(renderToStaticMarkup(createElement(MovieTags, { tags: [] }))).toBe('');
  });
});

describe('tags through the worker API', () => {
  test('a release with tags.csv: movieDetails lists the movie’s tags; a release without: none, and no error', async () => {
    const tags = 'userId,movieId,tag,timestamp\n1,1,Pixar,1\n2,1,pixar,2\n3,1,<b>toys</b>,3\n1,2,board game,4\n';
    const zip = zipSync({
      'ml-t/ratings.csv': fixture('ratings.csv'),
      'ml-t/movies.csv': fixture('movies.csv'),
      'ml-t/tags.csv': enc(tags),
    });
    await api.importFiles([{ name: 'ml-t.zip', bytes: zip }], () => {});
    expect((await api.movieDetails(1))!.tags).toEqual([
      { tag: 'Pixar', count: 2 },
      { tag: '<b>toys</b>', count: 1 },
    ]);
    expect((await api.movieDetails(3))!.tags).toEqual([]);
    await api.importFiles([new File([fixture('ratings.csv')], 'ratings.csv'), new File([fixture('movies.csv')], 'movies.csv')], () => {});
    expect((await api.movieDetails(1))!.tags).toEqual([]);
  });

  test.runIf(sampleZipPath)('ml-latest-small: Pulp Fiction’s and Fight Club’s top tags, Heat has none', async () => {
    await api.importFiles([{ name: 'ml-latest-small.zip', bytes: new Uint8Array(readFileSync(sampleZipPath!)) }], () => {});
    const fight = (await api.movieDetails(2959))!;
    expect(fight.title).toBe('Fight Club');
    expect(fight.tags).toHaveLength(10);
    expect(fight.tags.slice(0, 5)).toEqual([
      { tag: 'dark comedy', count: 3 },
      { tag: 'psychology', count: 2 },
      { tag: 'thought-provoking', count: 2 },
      { tag: 'twist ending', count: 2 },
      { tag: 'violence', count: 2 },
    ]);
    // "Holocaust" and "holocaust" are one tag for Schindler's List, shown as first spelled.
    expect((await api.movieDetails(527))!.tags[0]).toEqual({ tag: 'Holocaust', count: 2 });
    expect((await api.movieDetails(296))!.tags.map((t) => t.tag)).toContain('Quentin Tarantino');
    expect((await api.movieDetails(6))!.tags).toEqual([]);
  });
});
