
/** Fields every event has. */
export interface EventBase {
  /** Position in the log, from 0. */
  seq: number;
  /** Virtual clock (ms) when the event was recorded. */
  at: number;
}
