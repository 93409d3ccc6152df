// The defaults of a model's objective, and a partial parameter set completed with them (UI, worker and CLI alike).
import type { AlsParams } from '../types';
import { explicitDefaults, type ModelDefaults } from './explicitDefaults';
import { implicitDefaults } from './implicitDefaults';

export type Objective = NonNullable<AlsParams['objective']>;

export const OBJECTIVES: readonly Objective[] = ['explicit', 'implicit'];

/** The defaults of one model family; absent means explicit, as in AlsParams. */
export function defaultsFor(objective: Objective | undefined): ModelDefaults {
  return objective === 'implicit' ? implicitDefaults : explicitDefaults;
}

/** `params` with every field it lacks taken from its objective's defaults. */
export function withDefaults(params: Partial<AlsParams>): AlsParams {
  return { ...defaultsFor(params.objective), ...params };
}
