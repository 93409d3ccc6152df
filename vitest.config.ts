// Unit tier: engine, parsers and store logic in Node (fake-indexeddb for the store).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    globalSetup: ['test/wasmSetup.ts'],
  },
});
