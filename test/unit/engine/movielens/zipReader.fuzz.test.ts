// Property tests of release detection (any set of file names) and the streaming zip reader (truncated, bit-flipped,
// wrong CRC, garbage): an ImportError naming the zip, or exactly the bytes that were zipped, with both inflaters.
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { detectRelease } from '../../../../src/engine/movielens/release';
import { collect, memorySource } from '../../../../src/engine/movielens/source';
import { readZipDirectory, zipEntryChunks, type Inflater } from '../../../../src/engine/movielens/zipReader';
import { RUNS, fuzzParams, checkImportError, concat, enc, linksCsvText, movieSpecsArb, moviesCsvText, parsesOrImportError, ratingsText, rowsArb } from '../../../fuzz';

const NAMES = ['ratings.csv', 'movies.csv', 'links.csv', 'tags.csv', 'u.data', 'u.item', 'u.genre', 'u.user', 'ratings.dat', 'movies.dat', 'users.dat', 'tags.dat', 'README.txt', 'genome-scores.csv', 'u1.base', 'notes.md'];
const pathArb = fc
  .tuple(fc.constantFrom('', 'ml-latest-small/', 'ml-1m/', 'ml-10M100K/', '__MACOSX/ml/', 'a/b/', 'ML-100K/'), fc.constantFrom(...NAMES), fc.constantFrom('', '._', 'upper', '/'))
  .map(([dir, name, twist]) => (twist === '._' ? `${dir}._${name}` : twist === 'upper' ? `${dir}${name.toUpperCase()}` : twist === '/' ? `${dir}${name}/` : `${dir}${name}`));

describe('release detection', () => {
  test('any set of file names gives a layout whose files are among them, or an ImportError naming the source', () => {
    fc.assert(
      fc.property(fc.uniqueArray(pathArb, { maxLength: 10 }), (paths) => {
        const r = parsesOrImportError(() => detectRelease(paths, 'picked files'), 'picked files');
        if (!r.ok) {
          expect(r.error.line).toBeUndefined();
          return;
        }
        const l = r.value;
        for (const p of [l.ratings.path, l.movies.path, l.links, l.genres].filter((x) => x !== undefined)) expect(paths).toContain(p);
        expect(l.ratings.path).not.toMatch(/(^|\/)(__MACOSX\/|\._)/);
      }),
      fuzzParams(RUNS * 2),
    );
  });
});

type ZipMutation = { kind: 'truncate'; at: number } | { kind: 'flip'; at: number; bit: number } | { kind: 'crc'; entry: number } | { kind: 'garbage'; where: 'before' | 'after' | 'all'; bytes: number[] };

const zipMutationArb: fc.Arbitrary<ZipMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('crc' as const), entry: fc.nat(5) }),
  fc.record({ kind: fc.constant('garbage' as const), where: fc.constantFrom('before' as const, 'after' as const, 'all' as const), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 300 }) }),
);

/** Offsets of the central-directory CRC fields (signature PK\1\2, CRC at +16). */
function centralCrcOffsets(zip: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 46 <= zip.length; i++) if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2) out.push(i + 16);
  return out;
}

function mutateZip(zip: Uint8Array, ms: ZipMutation[]): Uint8Array {
  let b = zip;
  for (const m of ms) {
    if (m.kind === 'truncate') b = b.slice(0, Math.floor(m.at * b.length));
    else if (m.kind === 'flip') {
      if (!b.length) continue;
      b = b.slice();
      b[Math.floor(m.at * b.length)] ^= 1 << m.bit;
    } else if (m.kind === 'crc') {
      const crcs = centralCrcOffsets(b);
      if (!crcs.length) continue;
      b = b.slice();
      b[crcs[m.entry % crcs.length]] ^= 0x5a;
    } else {
      const g = Uint8Array.from(m.bytes);
      b = m.where === 'before' ? concat(g, b) : m.where === 'after' ? concat(b, g) : concat(enc('PK'), g);
    }
  }
  return b;
}

const releaseArb = fc.record({ rows: rowsArb, movies: movieSpecsArb, level: fc.constantFrom(0 as const, 6 as const), folder: fc.constantFrom('', 'ml-latest-small/') });

function zipOf({ rows, movies, level, folder }: { rows: Parameters<typeof ratingsText>[0]; movies: Parameters<typeof moviesCsvText>[0]; level: 0 | 6; folder: string }) {
  const files: Record<string, Uint8Array> = {
    [`${folder}ratings.csv`]: enc(ratingsText(rows, 'csv')),
    [`${folder}movies.csv`]: enc(moviesCsvText(movies)),
    [`${folder}links.csv`]: enc(linksCsvText(movies)),
  };
  return { files, zip: zipSync(files, { level }) };
}

/** Reads every entry of the zip with the inflater; returns path → bytes, or throws what the reader threw. */
async function readAll(zip: Uint8Array, inflater: Inflater): Promise<Map<string, Uint8Array>> {
  const src = memorySource('release.zip', zip);
  const out = new Map<string, Uint8Array>();
  for (const e of await readZipDirectory(src)) {
    // An entry whose bytes cannot be read must fail with the zip's name too; collect them one by one.
    out.set(e.path, await collect(zipEntryChunks(src, e, inflater)));
  }
  return out;
}

describe('streaming zip reader', () => {
  test.each(['native', 'fflate'] as const)('a damaged zip gives an ImportError naming it, or the very bytes that were zipped (%s inflater)', async (inflater) => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(releaseArb, fc.array(zipMutationArb, { minLength: 1, maxLength: 3 }), async (rel, ms) => {
        const { files, zip } = zipOf(rel);
        const bad = mutateZip(zip, ms);
        try {
          const got = await readAll(bad, inflater);
          // CRC-32 and size are checked: whatever comes out under an original name is the original content.
          for (const [path, bytes] of got) if (path in files) expect(bytes).toEqual(files[path]);
        } catch (e) {
          refused++;
          checkImportError(e, 'release.zip');
        }
      }),
      fuzzParams(RUNS),
    );
    expect(refused).toBeGreaterThan(RUNS / 3);
  });

  test('random values in the central directory and end record fields (lengths, sizes, offsets, counts) give an ImportError, never a RangeError', async () => {
    const field = fc.record({
      where: fc.constantFrom('central' as const, 'end' as const, 'local' as const),
      entry: fc.nat(5),
      offset: fc.integer({ min: 4, max: 45 }),
      value: fc.oneof(fc.constantFrom(0, 1, 0xff, 0xffff, 0xffffffff, 0x7fffffff), fc.nat()),
      width: fc.constantFrom(1, 2, 4),
    });
    await fc.assert(
      fc.asyncProperty(releaseArb, fc.array(field, { minLength: 1, maxLength: 3 }), async (rel, fields) => {
        const { files, zip } = zipOf(rel);
        const bad = zip.slice();
        const v = new DataView(bad.buffer);
        const sig = (a: number, b: number) => {
          const out: number[] = [];
          for (let i = 0; i + 4 <= bad.length; i++) if (bad[i] === 0x50 && bad[i + 1] === 0x4b && bad[i + 2] === a && bad[i + 3] === b) out.push(i);
          return out;
        };
        for (const f of fields) {
          const starts = f.where === 'central' ? sig(1, 2) : f.where === 'local' ? sig(3, 4) : sig(5, 6);
          const base = starts[f.entry % starts.length];
          const o = base + (f.where === 'end' ? 4 + (f.offset % 18) : f.where === 'local' ? 4 + (f.offset % 26) : f.offset);
          if (o + f.width > bad.length) continue;
          if (f.width === 1) v.setUint8(o, f.value & 0xff);
          else if (f.width === 2) v.setUint16(o, f.value & 0xffff, true);
          else v.setUint32(o, f.value >>> 0, true);
        }
        for (const inflater of ['native', 'fflate'] as const) {
          try {
            const got = await readAll(bad, inflater);
            for (const [path, bytes] of got) if (path in files) expect(bytes).toEqual(files[path]);
          } catch (e) {
            checkImportError(e, 'release.zip');
          }
        }
      }),
      fuzzParams(RUNS),
    );
  });

  test('a flipped bit inside a stored entry\'s data or a wrong CRC is always refused; in deflate data refused or harmless (padding)', async () => {
    await fc.assert(
      fc.asyncProperty(releaseArb, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 0, max: 7 }), fc.boolean(), async (rel, at, bit, crc) => {
        const { files, zip } = zipOf({ ...rel, folder: '' });
        const src = memorySource('release.zip', zip);
        const entries = await readZipDirectory(src);
        const e = entries.find((x) => x.path === 'ratings.csv')!;
        const start = e.localHeaderOffset + 30 + e.path.length;
        const bad = zip.slice();
        if (crc) bad[centralCrcOffsets(zip)[entries.indexOf(e)] + (bit % 4)] ^= 1 << bit;
        else bad[start + Math.floor(at * e.compressedSize)] ^= 1 << bit;
        for (const inflater of ['native', 'fflate'] as const) {
          const b = memorySource('release.zip', bad);
          const entry = (await readZipDirectory(b)).find((x) => x.path === 'ratings.csv')!;
          const err = await collect(zipEntryChunks(b, entry, inflater)).then(
            (bytes) => {
              // Only a flip in the unused bits after deflate's last block leaves the content as it was.
              expect(crc || rel.level === 0).toBe(false);
              expect(bytes).toEqual(files['ratings.csv']);
              return null;
            },
            (x: unknown) => x,
          );
          if (err) checkImportError(err, 'release.zip');
        }
      }),
      fuzzParams(RUNS / 2),
    );
  });
});

describe('found by the properties above', () => {
  test('a central directory entry whose extra field runs past the directory is refused as damaged, not a RangeError', async () => {
    const { zip } = zipOf({ rows: [{ user: 1, movie: 1, stars: 4, ts: 1 }], movies: [{ movieId: 1, title: 'A', year: null, genres: [] }], level: 6, folder: '' });
    const bad = zip.slice();
    const last = centralCrcOffsets(bad).at(-1)! - 16;
    new DataView(bad.buffer).setUint16(last + 30, 0xffff, true);
    await expect(readZipDirectory(memorySource('release.zip', bad))).rejects.toThrow('release.zip: expected a complete zip archive; it is truncated or corrupt (central directory entry 3 is damaged)');
  });

  test('a zip64 extra field too short for the sizes it stands for is refused', async () => {
    const { zip } = zipOf({ rows: [{ user: 1, movie: 1, stars: 4, ts: 1 }], movies: [{ movieId: 1, title: 'A', year: null, genres: [] }], level: 0, folder: '' });
    // Rebuild entry 1 of the central directory with a saturated size and a 4-byte zip64 block.
    const cd = centralCrcOffsets(zip)[0] - 16;
    const v = new DataView(zip.buffer);
    const nameLen = v.getUint16(cd + 28, true);
    const head = zip.slice(0, cd + 46 + nameLen);
    const hv = new DataView(head.buffer);
    hv.setUint32(cd + 24, 0xffffffff, true);
    hv.setUint16(cd + 30, 8, true);
    const extra = Uint8Array.of(1, 0, 4, 0, 0, 0, 0, 0);
    const rest = zip.slice(cd + 46 + nameLen);
    const bad = concat(head, extra, rest);
    // The end record: central directory 8 bytes longer.
    const e = bad.length - 22;
    const ev = new DataView(bad.buffer);
    ev.setUint32(e + 12, ev.getUint32(e + 12, true) + 8, true);
    await expect(readZipDirectory(memorySource('release.zip', bad))).rejects.toThrow('release.zip: expected a complete zip archive; it is truncated or corrupt (the zip64 field of ratings.csv is damaged)');
  });
});
