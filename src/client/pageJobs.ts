// The page's one job runner: the jobs worker, serving's reload, the origin's job lock and the tab channel, wired once.
import type { Remote } from 'comlink';
import { jobs, proxy, serving, type EngineApi } from './engineClient';
import { JobRunner } from './jobRunner';
import { withJobLock } from '../sync/jobLock';
import { onTabMessage, postTabMessage } from '../sync/tabSync';

/** First-visit import and training (useBootstrap) and the Model lab's jobs all run through this. */
export const pageJobs = new JobRunner<Remote<EngineApi>>({
  bridge: jobs,
  reloadServing: () => serving.api.reload(),
  lock: withJobLock,
  post: postTabMessage,
  listen: onTabMessage,
  proxy: (fn) => proxy(fn),
});
