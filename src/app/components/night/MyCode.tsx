// "Your taste code": your name, the code (text to copy, and a QR code when short enough), what it holds.
import { useRef, useState } from 'react';
import type { MyTasteCode } from '../../../client/workerTypes';
import { count } from '../../format';
import { TasteQr } from './TasteQr';

export function MyCode(props: { name: string; onName: (name: string) => void; code: MyTasteCode | null; error: string | null }) {
  const { code } = props;
  const text = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    if (!code) return;
    try {
      await navigator.clipboard.writeText(code.code);
      setCopied('Copied. Send it to the others your own way (a message, a note); PocketLens sends nothing.');
    } catch {
      text.current?.select();
      setCopied('This browser did not let the page copy: the code is selected, copy it from there.');
    }
  };
  return (
    <section className="panel night-code" aria-labelledby="night-code-h">
      <h2 id="night-code-h">Your taste code</h2>
      <p className="muted">Your ratings packed as text. The others paste it in their PocketLens; you paste theirs here.</p>
      <label className="night-field">
        Your name in the code and the list
        <input type="text" value={props.name} maxLength={40} autoComplete="nickname" onChange={(e) => props.onName(e.target.value)} placeholder="You" />
      </label>
      {props.error && (
        <p role="alert" className="error">
          {props.error}
        </p>
      )}
      {code && (
        <div className="night-code-body">
          <div className="night-code-text">
            <label htmlFor="my-taste-code">
              Code ({count(code.ratings, 'rating')}
              {code.hidden > 0 ? `, ${count(code.hidden, 'hidden movie')}` : ''}, {count(code.code.length, 'character')})
            </label>
            <textarea id="my-taste-code" ref={text} readOnly value={code.code} rows={4} spellCheck={false} data-testid="my-taste-code" onFocus={(e) => e.target.select()} />
            {code.leftOut > 0 && <p className="muted">{count(code.leftOut, 'older rating or mark', 'older ratings and marks')} did not fit in a code and were left out.</p>}
            <button type="button" onClick={() => void copy()} disabled={code.ratings === 0}>
              Copy code
            </button>
            {copied && (
              <p role="status" className="muted">
                {copied}
              </p>
            )}
          </div>
          {code.ratings > 0 && <TasteQr code={code.code} />}
        </div>
      )}
      {code?.ratings === 0 && <p className="muted">Rate a few movies first: an empty code tells the others nothing.</p>}
    </section>
  );
}
