// The QR scanner's worker from the page: started only when the scanner opens or a photo is picked (jsQR comes with it), stopped when done.
import { wrap, type Remote } from 'comlink';
import type { QrScanApi } from '../../../client/workerTypes';

export interface QrWorker {
  api: Remote<QrScanApi>;
  /** Terminates the worker (a call still waiting never answers). */
  stop(): void;
}

export function startQrWorker(): QrWorker {
  const worker = new Worker(new URL('../../../../workers/qr-scan.worker.ts', import.meta.url), { type: 'module', name: 'qr-scan' });
  return { api: wrap<QrScanApi>(worker), stop: () => worker.terminate() };
}
