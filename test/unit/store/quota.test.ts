// Storage messages: sizes as a person reads them, and the two ways an import runs out of space, each saying what to do.
import { expect, test } from 'vitest';
import { formatBytes, notEnoughSpace, ranOutOfSpace } from '../../../src/store/quota';

test('space messages say how much is needed and how much is free', () => {
  expect(formatBytes(840_000)).toBe('840 KB');
  expect(formatBytes(12_500_000)).toBe('12.5 MB');
  expect(formatBytes(3.1e9)).toBe('3.1 GB');
  expect(notEnoughSpace('ml-25m.zip', 420e6, 80e6).message).toMatch(/^Not enough storage to import ml-25m\.zip: it needs about 420 MB and 80\.0 MB is available to this site\. Nothing was changed\./);
  expect(ranOutOfSpace('ml-25m.zip', 420e6, 51e6, 3_000_000).message).toContain('only 51.0 MB could be written before the browser refused more (after 3,000,000 ratings). Nothing was changed.');
});
