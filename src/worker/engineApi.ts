// The engine worker's API, assembled from its parts: import, datasets, train, serve. workers/engine.worker.ts exposes it.
export * from './importApi';
export * from './datasetsApi';
export * from './trainApi';
export * from './serveApi';
export * from './movieApi';
export * from './profileApi';
export * from './healthApi';
export * from './types';
