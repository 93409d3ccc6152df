// The engine worker's API, assembled from its parts: import, datasets, train, serve. workers/engine.worker.ts exposes it.
import { setDbEventSink } from '../store/dbEvents';
import { postTabMessage } from '../sync/tabSync';

// Every tab hears what this worker's database connection meets (an upgrade elsewhere, a blocked upgrade).
setDbEventSink(postTabMessage);

export * from './importApi';
export * from './datasetsApi';
export * from './trainApi';
export * from './labApi';
export * from './serveApi';
export * from './recommendApi';
export * from './movieApi';
export * from './profileApi';
export * from './marksApi';
export * from './restoreApi';
export * from './onboardingApi';
export * from './mapApi';
export * from './sparkApi';
export * from './healthApi';
export * from './apiTypes';
export * from './externalImportApi';
export * from './nightApi';
