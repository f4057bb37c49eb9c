import { AsyncResource } from 'node:async_hooks';

/** The async context this module was loaded in: outside any run. */
const processScope = new AsyncResource('dstream-sim.processWide');

/**
 * Make a process-wide resource (a worker thread, a service process) outside any run. Node's
 * resources keep the async context they were made in — with it a run's AsyncLocalStorage store,
 * its whole simulated JVM — for as long as they live, so one made on a run's first use and kept
 * for later runs would keep that run alive for good.
 */
export function outsideAnyRun<T>(make: () => T): T {
  return processScope.runInAsyncScope(make);
}
