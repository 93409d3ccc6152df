// StorageError carries what the page acts on besides the message: its kind and, for a quota refusal, the sizes.
import { afterEach, expect, test, vi } from 'vitest';
import { StorageError } from '../../../src/store/storageError';
import { ensureSpace, notEnoughSpace, quotaError, ranOutOfSpace } from '../../../src/store/quota';

afterEach(() => void vi.unstubAllGlobals());

test('a refusal before writing says what the import needs and what is free', () => {
  const e = notEnoughSpace('ml-25m.zip', 420e6, 80e6);
  expect(e).toBeInstanceOf(StorageError);
  expect(e.kind).toBe('quota');
  expect(e.sizes).toEqual({ needBytes: 420e6, availableBytes: 80e6 });
});

test('a refusal midway says what it needs, what had been written and how many ratings', () => {
  expect(ranOutOfSpace('ml-25m.zip', 420e6, 51e6, 3_000_000).sizes).toEqual({ needBytes: 420e6, writtenBytes: 51e6, writtenRatings: 3_000_000 });
});

test("a full store reports the browser's usage and quota, or no sizes where the browser does not say", async () => {
  vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 2_400_000_000, quota: 2_500_000_000 }) } });
  const full = await quotaError();
  expect([full.kind, full.sizes]).toEqual(['quota', { usageBytes: 2_400_000_000, quotaBytes: 2_500_000_000 }]);
  expect(full.message).toContain('this site uses 2.4 GB of the 2.5 GB the browser allows it');
  vi.unstubAllGlobals();
  const unknown = await quotaError();
  expect([unknown.kind, unknown.sizes]).toEqual(['quota', {}]);
  expect(unknown.message).toMatch(/^Storage is full\. /);
});

test('ensureSpace throws the sizes it decided on: the estimate leaves 1 MB, the import needs 3', async () => {
  vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 9e6, quota: 10e6 }) } });
  const e = await ensureSpace('big.zip', 3e6).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(StorageError);
  expect((e as StorageError).sizes).toEqual({ needBytes: 3e6, availableBytes: 1e6 });
  await expect(ensureSpace('small.zip', 0.5e6)).resolves.toEqual({ usage: 9e6, quota: 10e6 });
});
