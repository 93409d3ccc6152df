// Node-side loading of a MovieLens release (folder of CSVs or zip) through the same engine parsers as the app.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildDataset, type ParsedDataset } from '../engine/movielens/dataset';
import { identifyFiles, unzipMovieLens, type InputFile } from '../engine/movielens/files';

export function loadDataset(path: string): ParsedDataset {
  let files: InputFile[];
  if (statSync(path).isDirectory()) {
    files = readdirSync(path)
      .filter((f) => statSync(join(path, f)).isFile())
      .map((f) => ({ path: f, bytes: new Uint8Array(readFileSync(join(path, f))) }));
  } else {
    files = unzipMovieLens(basename(path), new Uint8Array(readFileSync(path)));
  }
  return buildDataset(identifyFiles(files, path));
}
