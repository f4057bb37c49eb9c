/**
 * What a program sees as the module `dstream-sim` when the runner runs it: the engine's public
 * API, the harness and timelines. The package's entry (src/index.ts) adds the scenario tools.
 */

// Spark core
export { SparkConf } from './conf/SparkConf';
export { SparkContext } from './core/SparkContext';
export type { SparkContextOptions, Flavor } from './core/SparkContext';
export { RDD } from './rdd/RDD';
export type { Pair, PartitionSpec } from './rdd/RDD';
export { HashPartitioner } from './rdd/Partitioner';
export type { Partitioner } from './rdd/Partitioner';
export { StorageLevel } from './rdd/StorageLevel';
export { StatCounter } from './rdd/StatCounter';
export type { Histogram } from './rdd/DoubleRDDFunctions';
export { InvalidInputError } from './core/textFiles';

// Streaming
export { StreamingContext } from './streaming/StreamingContext';
export type { StreamingContextOptions, InspectionOptions } from './streaming/StreamingContext';
export { StreamingContextState } from './streaming/StreamingContextState';
export { StateSpec } from './streaming/StateSpec';
export type { SimpleMappingFunction, TimedMappingFunction } from './streaming/StateSpec';
export { State } from './streaming/State';
export type { DStream, RDDFunction } from './dstream/DStream';
export type { QueueInputDStream, QueueItem } from './dstream/QueueInputDStream';
export type { MapWithStateDStream } from './dstream/MapWithStateDStream';
export type { UpdateFunction } from './dstream/StateDStream';
export type { SocketInputDStream } from './dstream/SocketInputDStream';
export type { FileInputDStream } from './dstream/FileInputDStream';
export { bytesToLines } from './receiver/SocketReceiver';
export { Receiver } from './receiver/UserReceiver';
export type { StreamConverter } from './receiver/SocketReceiver';
export { timelineQueue } from './dstream/LiveQueue';
export type { LiveQueue } from './dstream/LiveQueue';

// Timelines: scripted socket lines, files and queue pushes
export { timeline, TimelineBuilder, validateTimeline, TimelineError } from './timeline/Timeline';
export type { Timeline, TimelineEvent, TimelineSource, TimelineLocation } from './timeline/Timeline';
export { loadTimeline, parseTimeline } from './timeline/loadTimeline';

// Time
export { Time } from './time/Time';
export { Duration } from './time/Duration';
export { Interval } from './time/Interval';
export type { Seconds, TimeLike } from './time/convert';

// The simulated JVM, its clock and its event log
export { withIsolatedJvm, currentJvm } from './env/Jvm';
export type { Jvm, JvmOptions } from './env/Jvm';
export type { DirectoryCalls } from './util/directoryCalls';
export type { Clock, TimerHandle } from './util/Clock';
export type { ManualClock } from './util/ManualClock';
export type { EventLog, EventSubscriber } from './events/EventLog';
export type { StreamingListener } from './scheduler/StreamingListener';
export type { CostModel, JobCostInput } from './env/CostModel';
export type {
  BatchInfo,
  OutputOperationInfo,
  ReceiverInfo,
  StreamInputInfo,
  StreamingListenerBatchEvent,
  StreamingListenerOutputOperationEvent,
  StreamingListenerReceiverEvent,
  StreamingListenerStreamingStarted,
} from './scheduler/BatchInfo';
export type {
  SimEvent,
  EventBase,
  ContextCreatedEvent,
  ContextStartedEvent,
  ContextStoppedEvent,
  SparkContextStoppedEvent,
  CallRefusedEvent,
  WarningEvent,
  InputDeliveredEvent,
  RddGeneratedEvent,
  BatchSubmittedEvent,
  BatchStartedEvent,
  OutputOperationStartedEvent,
  OutputOperationCompletedEvent,
  BatchCompletedEvent,
  OutputWrittenEvent,
  ErrorReportedEvent,
  WindowComputedEvent,
  StateChangedEvent,
  ReceiverStartedEvent,
  ReceiverErrorEvent,
  ReceiverStoppedEvent,
  TimelineEventApplied,
  ProgramOutputEvent,
  ProgramFailedEvent,
  CheckpointWrittenEvent,
  ContextRecoveredEvent,
  BatchesRescheduledEvent,
  DriverCrashedEvent,
  DriverRestartedEvent,
  StreamGraph,
  StreamGraphNode,
} from './events/SimEvent';
export type { SimEventInput } from './events/SimEvent';
export type { InspectionDefaults } from './events/InspectionDefaults';
export { LIFECYCLE_RULES } from './events/LifecycleRules';
export type { LifecycleRule } from './events/LifecycleRules';

// Errors
export {
  DStreamSimError,
  IllegalStateError,
  IllegalArgumentError,
  ArithmeticError,
  SparkError,
  UnsupportedOperationError,
  NoSuchElementError,
  JavaException,
  ValueError,
  IndexError,
  SimulationError,
  CheckpointReadError,
  IOError,
} from './errors';
export { FileAlreadyExistsError } from './rdd/saveAsTextFile';

// The harness (also at dstream-sim/testing)
export {
  runOperation,
  runOperation2,
  runStreams,
  testOperation,
  verifyOutput,
  OutputMismatchError,
} from './testing/index';
export type {
  RunOptions,
  RunResult,
  TestOperationOptions,
  VerifyOptions,
  CollectedBatch,
} from './testing/index';
