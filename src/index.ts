/**
 * dstream-sim: a deterministic, virtual-clock simulator of Apache Spark Streaming (DStreams).
 * This file is the public API; everything not named here (or in ./api) is internal.
 */

export * from './api';

// Timelines, driven outside a program
export { TimelineDriver } from './timeline/TimelineDriver';

// Jest matchers
export { dstreamMatchers } from './jest/matchers';
export type { BatchesSource } from './jest/matchers';

// Scenarios and golden transcripts
export { runScenario } from './scenario/runScenario';
export type { KeptEvents, ScenarioResult, RunScenarioOptions } from './scenario/runScenario';
export { loadScenario, findScenarios } from './scenario/Scenario';
export type { Scenario } from './scenario/Scenario';
export { renderTranscript } from './scenario/transcript';
export { compareGolden } from './scenario/goldenDiff';
export type { GoldenMismatch } from './scenario/goldenDiff';
export { checkGolden } from './scenario/golden';
export type { GoldenOutcome, GoldenCheckOptions } from './scenario/golden';
