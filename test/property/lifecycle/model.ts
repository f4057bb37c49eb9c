/**
 * A small model of Spark's StreamingContext lifecycle rules (spark-semantics §1; the rule ids of
 * src/events/LifecycleRules.ts), for model-based tests with fc.commands. Contexts share one
 * SparkContext; the model predicts each call's outcome: its result, or the rule that refuses it.
 */
import type { LifecycleRule } from '../../../src/events/LifecycleRules';

export type State = 'INITIALIZED' | 'ACTIVE' | 'STOPPED';

export interface Model {
  contexts: {
    state: State;
    hasOutput: boolean;
    /** It has a stateful stream, which must checkpoint (§3.3). */
    stateful: boolean;
    /** Whether its waiter was told it stopped: only a stop() of an ACTIVE context does that (§1.4, ContextWaiter.notifyStop). */
    waiterStopped: boolean;
  }[];
  /** Index of the active context (started and not stopped), if any. */
  active: number | undefined;
  sparkContextStopped: boolean;
  /** The SparkContext's checkpoint directory is set (by any context's `checkpoint(dir)`; §3.2 reads the SparkContext's). */
  checkpointDir: boolean;
}

/** What a call does in the model: a refusal names its rule; otherwise it may return a value. */
export type Outcome = { refused: LifecycleRule } | { ok: true; returns?: unknown };

export const newModel = (): Model => ({ contexts: [], active: undefined, sparkContextStopped: false, checkpointDir: false });

/** §1.3: adding a stream (with an output) works only on an INITIALIZED context. */
export function addStream(m: Model, i: number, stateful = false): Outcome {
  const c = m.contexts[i]!;
  if (c.state === 'ACTIVE') return { refused: 'add-after-start' };
  if (c.state === 'STOPPED') return { refused: 'add-after-stop' };
  c.hasOutput = true;
  c.stateful ||= stateful;
  return { ok: true };
}

/** `checkpoint(dir)`: no state check; it sets the SparkContext's directory, shared by its contexts. */
export function checkpoint(m: Model): Outcome {
  m.checkpointDir = true;
  return { ok: true };
}

/** §1.2: start() — a no-op when ACTIVE, refused when STOPPED or while another is active, fails without outputs. */
export function start(m: Model, i: number): Outcome {
  const c = m.contexts[i]!;
  if (c.state === 'ACTIVE') return { ok: true };
  if (c.state === 'STOPPED') return { refused: 'start-after-stop' };
  if (m.active !== undefined) return { refused: 'one-active-context' }; // stays INITIALIZED
  if (!c.hasOutput) {
    c.state = 'STOPPED';
    return { refused: 'no-output-operations' };
  }
  if (c.stateful && !m.checkpointDir) {
    c.state = 'STOPPED'; // validateAtStart runs inside start()'s try block (§1.2)
    return { refused: 'checkpoint-directory-required' };
  }
  c.state = 'ACTIVE';
  m.active = i;
  return { ok: true };
}

/** §1.4: stop() is legal in every state; the SparkContext stops in every branch when asked. */
export function stop(m: Model, i: number, stopSparkContext: boolean): Outcome {
  const c = m.contexts[i]!;
  if (m.active === i) m.active = undefined;
  if (c.state === 'ACTIVE') c.waiterStopped = true;
  c.state = 'STOPPED';
  if (stopSparkContext) m.sparkContextStopped = true;
  return { ok: true };
}

/**
 * §1.7: awaitTerminationOrTimeout is true once the waiter knows of a stop, false when the time
 * runs out. A context stopped before it started (or whose start failed) never notified its
 * waiter, so it returns false: Spark's stop() calls `waiter.notifyStop()` only in its ACTIVE branch.
 */
export function awaitTerminationOrTimeout(m: Model, i: number): Outcome {
  return { ok: true, returns: m.contexts[i]!.waiterStopped };
}

/** §1.6: getActiveOrCreate returns the active context, else creates a new (unstarted) one. */
export function getActiveOrCreate(m: Model): Outcome {
  if (m.active !== undefined) return { ok: true, returns: m.active };
  m.contexts.push({ state: 'INITIALIZED', hasOutput: false, stateful: false, waiterStopped: false });
  return { ok: true, returns: m.contexts.length - 1 };
}

/** §1.5: any number of contexts may be created on a running SparkContext. */
export function create(m: Model): Outcome {
  m.contexts.push({ state: 'INITIALIZED', hasOutput: false, stateful: false, waiterStopped: false });
  return { ok: true, returns: m.contexts.length - 1 };
}
