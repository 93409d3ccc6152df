// "Bring your own MovieLens files": shown when no sample is bundled, an import failed or the last dataset was deleted;
// when the build bundles a sample, "Use the bundled sample" leads back to it.
import { withoutBidiControls } from '../bidi';
import { useState } from 'react';
import { FilePicker } from './FilePicker';

export function ByoScreen(props: { error?: string; onFiles: (files: File[]) => void; onRetry?: () => void }) {
  const [drag, setDrag] = useState(false);
  return (
    <section className="panel byo" aria-labelledby="byo-h">
      <h2 id="byo-h">Bring your own MovieLens files</h2>
      {props.error && (
        <p role="alert" className="error">
          {withoutBidiControls(props.error)}
        </p>
      )}
      {props.onRetry && (
        <p className="byo-sample">
          PocketLens comes with a small MovieLens sample; nothing to download.{' '}
          <button type="button" onClick={props.onRetry}>
            Use the bundled sample
          </button>
        </p>
      )}
      <p>
        PocketLens runs entirely in this browser. Choose a MovieLens zip from{' '}
        <a href="https://grouplens.org/datasets/movielens/" rel="noopener noreferrer" target="_blank">
          GroupLens
        </a>{' '}
        (for example <code>ml-latest-small.zip</code>, <code>ml-1m.zip</code> or <code>ml-25m.zip</code>), or the loose files of a
        release: <code>ratings.csv</code> + <code>movies.csv</code> (+ <code>links.csv</code>), <code>ratings.dat</code> +{' '}
        <code>movies.dat</code> (ml-1m, ml-10m) or <code>u.data</code> + <code>u.item</code> + <code>u.genre</code> (ml-100k). Nothing
        is uploaded anywhere.
      </p>
      <div
        className={`drop ${drag ? 'drag' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDrag(true);
        }}
        onDragLeave={() => setDrag(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDrag(false);
          if (e.dataTransfer.files.length) props.onFiles(Array.from(e.dataTransfer.files));
        }}
      >
        <p>Drop the files here, or</p>
        <FilePicker
          text="Choose files"
          multiple
          accept=".zip,.csv,.dat,.data,.item,.genre"
          aria-label="MovieLens files"
          onFiles={props.onFiles}
        />
      </div>
    </section>
  );
}
