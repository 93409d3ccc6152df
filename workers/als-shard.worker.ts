// ALS shard worker entry point (started by the jobs worker when cross-origin isolated): exposes the shard API, nothing else.
import { expose } from 'comlink';
import { registerErrorTransfer } from '../src/sync/errorTransfer';
import * as api from '../src/worker-api/shardApi';

registerErrorTransfer();
expose(api);

export type ShardApi = typeof api;
