// A Letterboxd or IMDb export saved as UTF-16 is refused naming its encoding and what to do, not parsed as mojibake.
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { previewExternalImport } from '../../../src/worker-api/externalImportApi';

/** UTF-16 little-endian with a byte-order mark, as Excel's "Unicode text" and Notepad's "Unicode" write. */
function utf16le(text: string, bom = true): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[(bom ? 2 : 0) + 2 * i] = c & 0xff;
    out[(bom ? 2 : 0) + 2 * i + 1] = c >> 8;
  }
  return out;
}

describe('external ratings encodings', () => {
  const letterboxd = 'Date,Name,Year,Letterboxd URI,Rating\n2023-01-01,Heat,1995,https://boxd.it/x,4.5\n';

  test.each([true, false])('UTF-16 with a byte-order mark: %s', async (bom) => {
    const file = new File([utf16le(letterboxd, bom)], 'ratings.csv');
    await expect(previewExternalImport(file)).rejects.toThrow(
      'ratings.csv: expected UTF-8 text; this file is UTF-16 (little-endian): save it as UTF-8 (in Excel "CSV UTF-8", in Notepad "UTF-8") and pick it again',
    );
  });
});
