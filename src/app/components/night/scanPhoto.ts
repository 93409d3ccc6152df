// A picked photo of someone's QR code → their taste code's text, or a refusal naming the file; decoded in the scanner worker, within a time limit.
import { qrScanDefaults } from '../../../engine/defaults/qrScanDefaults';
import { startQrWorker } from './qrScanWorker';
import { photoRefusal } from './scanText';

/** The taste code in `file`'s QR code ({ text }), or why there is none ({ refused }: one line naming the file). */
export async function readPhoto(file: File): Promise<{ text: string } | { refused: string }> {
  const worker = startQrWorker();
  let timer = 0;
  try {
    const timeout = new Promise<{ kind: 'timeout' }>((ok) => (timer = window.setTimeout(() => ok({ kind: 'timeout' }), qrScanDefaults.decodeTimeoutMs)));
    const read = await Promise.race([worker.api.decodePhoto(file), timeout]);
    if (read.kind === 'code') return { text: read.text };
    return { refused: photoRefusal(file.name, read)! };
  } finally {
    clearTimeout(timer);
    worker.stop();
  }
}
