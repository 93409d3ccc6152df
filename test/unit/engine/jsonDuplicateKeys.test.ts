// The duplicate-key check behind backups: finds a repeated key in any object (decoded as JSON.parse decodes it), with its path; never a false alarm.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { findDuplicateKey } from '../../../src/engine/jsonDuplicateKeys';
import { parseBackup } from '../../../src/engine/backup';
import { importErrorOf } from '../../importError';

describe('findDuplicateKey', () => {
  test('names the key and where its object is', () => {
    expect(findDuplicateKey('{"a":1,"ratings":[],"ratings":[1]}')).toEqual({ key: 'ratings', path: '' });
    expect(findDuplicateKey('{"ratings":[{"movieId":1},{"movieId":2,"rating":4,"movieId":3}]}')).toEqual({ key: 'movieId', path: 'ratings[1]' });
    expect(findDuplicateKey('{"settings":{"onboarding":{"view":"a","view":"b"}}}')).toEqual({ key: 'view', path: 'settings.onboarding' });
    expect(findDuplicateKey('{"\\u0072atings":1,"ratings":2}')).toEqual({ key: 'ratings', path: '' });
  });

  test('equal keys in different objects, keys inside string values and escaped quotes are not duplicates', () => {
    expect(findDuplicateKey('{"a":{"x":1},"b":{"x":1},"c":"\\"a\\":1,","d":["a","a"]}')).toBeNull();
    expect(findDuplicateKey('[{"k":1},{"k":2}]')).toBeNull();
  });

  test('agrees with a reference on random JSON: a duplicate exactly when some object has two equal keys', () => {
    type Node = { obj: [string, Node][] } | { arr: Node[] } | { leaf: number | string };
    const key = fc.constantFrom('a', 'b', 'ratings', '\u00e9', 'x"y', '{', ',');
    const { node } = fc.letrec<{ node: Node }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.oneof(fc.integer(), fc.string({ maxLength: 4 })).map((leaf) => ({ leaf })),
        fc.array(tie('node'), { maxLength: 3 }).map((arr) => ({ arr })),
        fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }).map((obj) => ({ obj })),
      ),
    }));
    /** Serialized entry by entry (JSON.stringify of an object would merge repeated keys). */
    const write = (n: Node): string =>
      'obj' in n ? `{${n.obj.map(([k, v]) => `${JSON.stringify(k)}:${write(v)}`).join(',')}}` : 'arr' in n ? `[${n.arr.map(write).join(',')}]` : JSON.stringify(n.leaf);
    const hasDup = (n: Node): boolean =>
      'obj' in n ? new Set(n.obj.map(([k]) => k)).size < n.obj.length || n.obj.some(([, v]) => hasDup(v)) : 'arr' in n ? n.arr.some(hasDup) : false;
    fc.assert(
      fc.property(node, (n) => {
        const text = write(n);
        JSON.parse(text);
        expect(findDuplicateKey(text) !== null).toBe(hasDup(n));
      }),
      { numRuns: 1000, seed: 15 },
    );
  });
});

describe('backups with a key twice', () => {
  test('"ratings" twice is refused with the key, instead of restoring the last list', () => {
    const text = '{"format":"pocketlens-backup","version":1,"exportedAt":"","ratings":[{"movieId":1,"rating":4,"ratedAt":1}],"ratings":[]}';
    expect(importErrorOf(() => parseBackup(text, 'bk.json')).message).toBe(
      'bk.json: expected each key once; "ratings" appears twice at the top level, so it is not clear which to restore',
    );
  });
});
