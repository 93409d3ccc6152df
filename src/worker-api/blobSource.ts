// A File or Blob as an engine ByteSource: slices are read on demand, so a 700 MB file is never in memory at once.
import type { ByteSource } from '../engine/movielens/source';

export function blobSource(name: string, blob: Blob): ByteSource {
  return {
    name,
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, Math.min(blob.size, offset + length)).arrayBuffer()),
    // Blob.stream(): the browser reads ahead on its own, with fewer round trips than one request per slice.
    stream: async function* (start, end) {
      const reader = blob.slice(start, end).stream().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    },
  };
}
