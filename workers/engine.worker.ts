// Engine worker entry point: exposes the engine API over comlink, nothing else.
import { expose } from 'comlink';
import * as api from '../src/worker-api/engineApi';

expose(api);

export type EngineApi = typeof api;
