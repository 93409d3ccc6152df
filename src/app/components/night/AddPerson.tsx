// Adding someone to movie night: their name, and their taste code pasted or their PocketLens backup file picked.
import { useState } from 'react';
import { FilePicker } from '../FilePicker';

export type PersonSource = { text: string } | { file: File };

export function AddPerson(props: { busy: boolean; full: boolean; nextName: string; error: string | null; onAdd: (source: PersonSource, name: string) => Promise<boolean> }) {
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const add = async (source: PersonSource) => {
    if (await props.onAdd(source, name.trim() || props.nextName)) {
      setText('');
      setName('');
    }
  };
  if (props.full) return <p className="muted">Four people is the most a movie night takes: remove someone to add another.</p>;
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
        <button type="submit" disabled={props.busy || text.trim() === ''}>
          Add from code
        </button>
        <FilePicker
          text="Pick their backup file"
          accept=".json,application/json,.txt,text/plain"
          aria-label="Add a person from their PocketLens backup file"
          disabled={props.busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // the same file can be picked again
            if (file) void add({ file });
          }}
        />
      </div>
      {props.error && (
        <p role="alert" className="error" data-testid="night-refused">
          {props.error}
        </p>
      )}
    </form>
  );
}
