import type { EventBase } from './EventBase';

/**
 * A timeline event took place: lines or bytes sent on a socket (and to how many connections), a
 * connection closed or opened, a file written, records pushed onto a queue.
 */
export interface TimelineEventApplied extends EventBase {
  type: 'timelineEvent';
  source: string;
  kind: 'lines' | 'data' | 'close' | 'drop' | 'open' | 'file' | 'push';
  /** A one-line description, e.g. `2 lines to localhost:9000 (1 connection)`. */
  detail: string;
  /** Set when something could not be delivered (e.g. no receiver connected). */
  undelivered: boolean;
  /**
   * What arrived, when something did: the lines sent (`lines`), the text sent (`data`), the
   * file's lines (`file`), one list of records per RDD pushed (`push`).
   */
  records?: readonly unknown[];
}

/** A line the user's program printed itself (console), when run as a scenario. */
export interface ProgramOutputEvent extends EventBase {
  type: 'programOutput';
  text: string;
}

/** The user's program threw and did not catch it (the run then ends, as the driver would). */
export interface ProgramFailedEvent extends EventBase {
  type: 'programFailed';
  errorName: string;
  message: string;
  /** Where the program threw (`program.ts:3:7`), when known. */
  where: string | undefined;
  /** The failing line with a caret, when known. */
  frame: string | undefined;
}

/**
 * The timeline's `crash`: the driver process died (nothing in memory survives: contexts, state,
 * received blocks); it is started again at `restartAt` (ms) and the program runs from the top.
 */
export interface DriverCrashedEvent extends EventBase {
  type: 'driverCrashed';
  restartAt: number;
}

/** The driver process started again after a crash: the program runs from the top. */
export interface DriverRestartedEvent extends EventBase {
  type: 'driverRestarted';
}
