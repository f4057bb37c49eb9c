/**
 * The load order of the dstream module. Every file in src/dstream imports its siblings from
 * here, so the base class is defined before any kind extends it (the "internal module" pattern).
 * Not part of the public API.
 */
export * from './DStream';
export * from './InputDStream';
export * from './MappedDStream';
export * from './FlatMappedDStream';
export * from './FilteredDStream';
export * from './MapPartitionedDStream';
export * from './GlommedDStream';
export * from './MapValuedDStream';
export * from './FlatMapValuedDStream';
export * from './ShuffledDStream';
export * from './TransformedDStream';
export * from './UnionDStream';
export * from './ForEachDStream';
export * from './QueueInputDStream';
export * from './LiveQueue';
export * from './ReceiverInputDStream';
export * from './SocketInputDStream';
export * from './PluggableInputDStream';
export * from './FileInputDStream';
export * from './WindowedDStream';
export * from './ReducedWindowedDStream';
export * from './PythonReducedWindowedDStream';
export * from './StateDStream';
export * from './PythonStateDStream';
export * from './MapWithStateDStream';
export * from './Printer';
export * from './SaveAsTextFiles';
export * from './WindowFunctions';
export * from './PairDStreamFunctions';
