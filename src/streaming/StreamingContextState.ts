/** Spark: `StreamingContextState`: a new context is INITIALIZED; `start()` → ACTIVE; `stop()` → STOPPED. */
export type StreamingContextState = 'INITIALIZED' | 'ACTIVE' | 'STOPPED';

/** Spark: `StreamingContextState` constants. */
export const StreamingContextState = {
  INITIALIZED: 'INITIALIZED',
  ACTIVE: 'ACTIVE',
  STOPPED: 'STOPPED',
} as const satisfies Record<StreamingContextState, StreamingContextState>;
