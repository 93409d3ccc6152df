// Node-side loading of a MovieLens release (folder of files or zip) through the app's own streaming import: the same zip reader, CRC check, limits and messages.
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importToMemory, type ParsedDataset } from '../engine/movielens/dataset';
import { fileSource, type FileSource } from './fileSource';

export async function loadDataset(path: string): Promise<ParsedDataset> {
  const sources: FileSource[] = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => statSync(join(path, f)).isFile())
        .map((f) => fileSource(join(path, f), f))
    : [fileSource(path, basename(path))];
  try {
    return await importToMemory(sources, path);
  } finally {
    for (const s of sources) s.close();
  }
}
