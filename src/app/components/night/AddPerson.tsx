// Adding someone to movie night: their name, and their taste code pasted, scanned from their QR code (camera or photo), or their PocketLens backup file picked.
import { lazy, Suspense, useState } from 'react';
import { withoutBidiControls } from '../../bidi';
import { FilePicker } from '../FilePicker';

export type PersonSource = { text: string } | { file: File };

/** The camera scanner and jsQR load when the scanner is first opened, never with the page. */
const ScanCode = lazy(() => import('./ScanCode'));

export function AddPerson(props: { busy: boolean; full: boolean; nextName: string; error: string | null; onAdd: (source: PersonSource, name: string) => Promise<boolean> }) {
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [scanning, setScanning] = useState(false);
  const [reading, setReading] = useState<string | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const add = async (source: PersonSource) => {
    setPhotoError(null);
    if (await props.onAdd(source, name.trim() || props.nextName)) {
      setText('');
      setName('');
    }
  };
  /** A scanned code is added at once, as "Add from code" would; refused, it stays in the box with the reason, to look at. */
  const addScanned = async (code: string) => {
    setText(code);
    await add({ text: code });
  };
  const readPhoto = async (file: File) => {
    setPhotoError(null);
    setReading(file.name);
    try {
      const { readPhoto } = await import('./scanPhoto');
      const read = await readPhoto(file);
      if ('text' in read) await addScanned(read.text);
      else setPhotoError(`Not added: ${withoutBidiControls(read.refused)}`);
    } catch (e) {
      setPhotoError(`Not added: ${withoutBidiControls(`${file.name}: the picture could not be read (${e instanceof Error ? e.message : String(e)})`)}`);
    } finally {
      setReading(null);
    }
  };
  if (props.full) return <p className="muted">Four people is the most a movie night takes: remove someone to add another.</p>;
  const busy = props.busy || reading !== null;
  const error = photoError ?? props.error;
  return (
    <form
      className="night-add"
      aria-label="Add a person"
      onSubmit={(e) => {
        e.preventDefault();
        void add({ text });
      }}
    >
      <label className="night-field">
        Their name
        <input type="text" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} placeholder={props.nextName} />
      </label>
      <label className="night-field" htmlFor="their-code">
        Their taste code
      </label>
      <textarea id="their-code" value={text} rows={3} spellCheck={false} autoComplete="off" placeholder="PL1.…" onChange={(e) => setText(e.target.value)} />
      <div className="actions">
        <button type="submit" disabled={busy || text.trim() === ''}>
          Add from code
        </button>
        <FilePicker
          text="Pick their backup file"
          accept=".json,application/json,.txt,text/plain"
          aria-label="Add a person from their PocketLens backup file"
          disabled={busy}
          onFile={(file) => void add({ file })}
        />
      </div>
      <div className="actions night-scan-actions">
        <button type="button" disabled={busy} onClick={() => setScanning(true)}>
          Scan their QR code
        </button>
        <FilePicker
          text="From a photo"
          accept="image/*"
          aria-label="Add a person from a photo or screenshot of their QR code"
          disabled={busy}
          onFile={(file) => void readPhoto(file)}
        />
      </div>
      {reading && (
        <p role="status" className="muted" data-testid="night-photo-reading">
          Reading <bdi>{reading}</bdi>…
        </p>
      )}
      {error && (
        <p role="alert" className="error" data-testid="night-refused">
          {error}
        </p>
      )}
      {scanning && (
        <Suspense fallback={null}>
          <ScanCode
            onClose={() => setScanning(false)}
            onPhoto={(file) => {
              setScanning(false);
              void readPhoto(file);
            }}
            onCode={(code) => {
              setScanning(false);
              void addScanned(code);
            }}
          />
        </Suspense>
      )}
    </form>
  );
}
