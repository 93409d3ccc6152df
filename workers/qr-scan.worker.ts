// QR scanner worker entry point: exposes the scanner API (camera frames and photos → QR text, with jsQR) over comlink, nothing else.
import { expose } from 'comlink';
import * as api from '../src/worker-api/qrScanApi';

expose(api);

export type QrScanApi = typeof api;
