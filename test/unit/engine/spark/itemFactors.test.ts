// Spark MLlib item factors (the real JSON-lines layout) become a model whose fold-in is Spark's own user step.
import { readFileSync, readdirSync } from 'node:fs';
import { Matrix, solve } from 'ml-matrix';
import { describe, expect, test } from 'vitest';
import { parseSparkItemFactors, sparkToPortable } from '../../../../src/engine/spark/itemFactors';
import { asAlsModel, decodeModel, encodeModel } from '../../../../src/engine/model/modelFile';
import { parseMoviesCsv } from '../../../../src/engine/movielens/textCsv';
import { foldIn } from '../../../../src/engine/als/foldIn';
import { predict } from '../../../../src/engine/als/recommend';

const dir = new URL('../../../fixtures/spark-item-factors/', import.meta.url);
const files = readdirSync(dir).map((f) => ({ path: `item-factors/${f}`, bytes: new Uint8Array(readFileSync(new URL(f, dir))) }));
const movies = parseMoviesCsv(new Uint8Array(readFileSync(new URL('../../../fixtures/tiny/movies.csv', import.meta.url))));
const enc = (s: string) => new TextEncoder().encode(s);

describe('Spark item factors', () => {
  test('reads every part file in order and ignores _SUCCESS and .crc files', () => {
    const s = parseSparkItemFactors(files);
    expect(s.rank).toBe(3);
    expect(Array.from(s.ids)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 999]);
    expect(s.factors[0]).toBeCloseTo(-0.524071, 6);
  });

  test('fold-in against the imported factors is Spark’s user solve: (QᵀQ + λ·n·I) p = Qᵀr, no biases', () => {
    const portable = sparkToPortable(parseSparkItemFactors(files), movies, { regParam: 0.1, dataset: 'tiny' });
    expect(portable.dropped).toBe(1);
    expect(portable.movies.map((m) => m.movieId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const model = asAlsModel(decodeModel(encodeModel({ ...portable })));
    const items = [0, 2, 4];
    const stars = [5, 1, 4];
    const user = foldIn(model, items, stars);
    const Q = new Matrix(items.map((i) => Array.from(model.itemFactors.subarray(i * 3, i * 3 + 3))));
    const A = Q.transpose().mmul(Q).add(Matrix.eye(3).mul(0.1 * items.length));
    const p = solve(A, Q.transpose().mmul(Matrix.columnVector(stars))).to1DArray();
    expect(Math.abs(user.bias)).toBeLessThan(1e-9);
    p.forEach((x, f) => expect(user.factors[f]).toBeCloseTo(x, 6));
    const q7 = Array.from(model.itemFactors.subarray(21, 24));
    expect(predict(model, user, 7)).toBeCloseTo(p.reduce((s, x, f) => s + x * q7[f], 0), 5);
  });

  test('bad rows are reported with the part file and line', () => {
    const bad = (text: string) => () => parseSparkItemFactors([{ path: 'out/part-00000.json', bytes: enc(text) }]);
    expect(bad('{"id":1,"features":[1,2]}\n{"id":"x","features":[1,2]}')).toThrow('out/part-00000.json, line 2: expected an integer "id" (the movieId) in');
    expect(bad('{"id":1,"features":[1,2]}\n{"id":2,"features":[1]}')).toThrow(/line 2: expected 2 features like the rows before, found 1/);
    expect(bad('{"id":1,"features":[1,2]}\nnot json')).toThrow(/line 2: expected a JSON object/);
    expect(() => parseSparkItemFactors([{ path: 'ratings.csv', bytes: enc('a') }])).toThrow(/expected Spark part-\*\.json files/);
  });
});
