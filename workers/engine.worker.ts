// Engine worker entry point: exposes the engine API over comlink (errors keep their class and fields), nothing else.
import { expose } from 'comlink';
import { registerErrorTransfer } from '../src/sync/errorTransfer';
import * as api from '../src/worker-api/engineApi';

registerErrorTransfer();
expose(api);

export type EngineApi = typeof api;
