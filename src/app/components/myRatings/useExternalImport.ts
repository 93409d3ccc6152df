// An IMDb/Letterboxd import as the page runs it on the files worker: read and match (Cancel stops it), review, then one
// save that can be undone.
import { useCallback, useRef, useState } from 'react';
import { CancelledError, files } from '../../../client/engineClient';
import type { ImportEntry } from '../../../engine/externalRatingsPlan';
import type { ImportPreview, ImportSaved } from '../../../client/workerTypes';

export type ImportOutcome =
  | { kind: 'saved'; preview: ImportPreview; saved: ImportSaved }
  | { kind: 'refused'; file: string; message: string; saving: boolean }
  | { kind: 'cancelled'; file: string };

export function useExternalImport(onDone: (o: ImportOutcome) => void) {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState<{ what: 'reading' | 'saving'; file: string } | null>(null);
  const stopping = useRef<AbortController | null>(null);

  const read = useCallback(
    async (file: File) => {
      const ctrl = new AbortController();
      stopping.current = ctrl;
      setBusy({ what: 'reading', file: file.name });
      try {
        setPreview(await files.run((api) => api.previewExternalImport(file), ctrl.signal));
      } catch (e) {
        if (e instanceof CancelledError) onDone({ kind: 'cancelled', file: file.name });
        else onDone({ kind: 'refused', file: file.name, message: (e as Error).message, saving: false });
      } finally {
        stopping.current = null;
        setBusy(null);
      }
    },
    [onDone],
  );

  const save = useCallback(
    async (entries: ImportEntry[]) => {
      if (!preview) return;
      setBusy({ what: 'saving', file: preview.file });
      try {
        const saved = await files.api.saveExternalImport(entries, preview.file);
        setPreview(null);
        onDone({ kind: 'saved', preview, saved });
      } catch (e) {
        onDone({ kind: 'refused', file: preview.file, message: (e as Error).message, saving: true });
      } finally {
        setBusy(null);
      }
    },
    [preview, onDone],
  );

  const dismiss = useCallback(() => {
    if (preview) onDone({ kind: 'cancelled', file: preview.file });
    setPreview(null);
  }, [preview, onDone]);

  return { preview, busy, read, save, dismiss, stop: () => stopping.current?.abort() };
}
