import type { ContextCreatedEvent, ContextStartedEvent, ContextStoppedEvent, SparkContextStoppedEvent, CallRefusedEvent, WarningEvent } from './lifecycleEvents';
import type { InputDeliveredEvent, RddGeneratedEvent, WindowComputedEvent, StateChangedEvent } from './inspectionEvents';
import type { BatchSubmittedEvent, BatchStartedEvent, OutputOperationStartedEvent, OutputOperationCompletedEvent, BatchCompletedEvent, OutputWrittenEvent, ErrorReportedEvent } from './batchEvents';
import type { ReceiverStartedEvent, ReceiverErrorEvent, ReceiverStoppedEvent, ReceiverRateUpdatedEvent } from './receiverEvents';
import type { TimelineEventApplied, ProgramOutputEvent, ProgramFailedEvent, DriverCrashedEvent, DriverRestartedEvent } from './runEvents';
import type { CheckpointWrittenEvent, ContextRecoveredEvent, BatchesRescheduledEvent } from './checkpointEvents';

export type { EventBase } from './EventBase';
export type { StreamGraph, StreamGraphNode } from './StreamGraph';
export type { ContextCreatedEvent, ContextStartedEvent, ContextStoppedEvent, SparkContextStoppedEvent, CallRefusedEvent, WarningEvent } from './lifecycleEvents';
export type { InputDeliveredEvent, RddGeneratedEvent, WindowComputedEvent, StateChangedEvent } from './inspectionEvents';
export type { StreamInputInfo, BatchSubmittedEvent, BatchStartedEvent, OutputOperationStartedEvent, OutputOperationCompletedEvent, BatchCompletedEvent, OutputWrittenEvent, ErrorReportedEvent } from './batchEvents';
export type { ReceiverStartedEvent, ReceiverErrorEvent, ReceiverStoppedEvent, ReceiverRateUpdatedEvent } from './receiverEvents';
export type { TimelineEventApplied, ProgramOutputEvent, ProgramFailedEvent, DriverCrashedEvent, DriverRestartedEvent } from './runEvents';
export type { CheckpointWrittenEvent, ContextRecoveredEvent, BatchesRescheduledEvent } from './checkpointEvents';

/**
 * The engine's event log: one closed, typed union of everything that happens in a simulation, in
 * the order it happened. The CLI, golden transcripts, inspection and (later) visualizations read
 * this log and nothing else. Adding a member is a reviewed design change (see docs/event-log.md).
 *
 * Every event has `seq` (its position in the log, from 0) and `at` (the virtual clock, in ms, when
 * it was recorded). Batch events also carry `batchTime` (ms), which is the scheduled batch time
 * that Spark passes to every function.
 */
export type SimEvent =
  | ContextCreatedEvent
  | ContextStartedEvent
  | ContextStoppedEvent
  | SparkContextStoppedEvent
  | CallRefusedEvent
  | WarningEvent
  | InputDeliveredEvent
  | RddGeneratedEvent
  | BatchSubmittedEvent
  | BatchStartedEvent
  | OutputOperationStartedEvent
  | OutputOperationCompletedEvent
  | BatchCompletedEvent
  | OutputWrittenEvent
  | ErrorReportedEvent
  | WindowComputedEvent
  | StateChangedEvent
  | ReceiverStartedEvent
  | ReceiverErrorEvent
  | ReceiverStoppedEvent
  | ReceiverRateUpdatedEvent
  | TimelineEventApplied
  | ProgramOutputEvent
  | ProgramFailedEvent
  | CheckpointWrittenEvent
  | ContextRecoveredEvent
  | BatchesRescheduledEvent
  | DriverCrashedEvent
  | DriverRestartedEvent;

/** An event before it gets its `seq` and `at`. */
export type SimEventInput = SimEvent extends infer E
  ? E extends SimEvent
    ? Omit<E, 'seq' | 'at'>
    : never
  : never;
