/**
 * dstream-sim/property: property-based testing for streaming programs (docs/property-testing.md).
 * Arbitraries of batches and whole timelines that shrink in time, laws a user points at their own
 * pipeline, and the timeline printer for counterexamples. `fc` is the fast-check the arbitraries
 * are made with, so a test needs no second copy.
 */
export { default as fc } from 'fast-check';
export { BatchesArbitrary } from './BatchesArbitrary';
export type { BatchSlots, BatchesShape } from './BatchesArbitrary';
export { batches, keyedRecords, keyedBatches } from './arbitraries';
export type { BatchesOptions, KeyedOptions } from './arbitraries';
export { arrival, arrivalOffset, arrivals, timelines, toTimeline } from './timelines';
export type { Arrival, TimelineTemplate, TimelinesOptions } from './timelines';
export { printTimeline } from './printTimeline';
export { asMultiset, sameMultiset } from './multiset';
export { LawViolation } from './laws/LawViolation';
export { windowLaw } from './laws/windowLaw';
export type { WindowLawSpec } from './laws/windowLaw';
export { inverseWindowLaw } from './laws/inverseWindowLaw';
export type { InverseWindowLawSpec } from './laws/inverseWindowLaw';
export { foldLaw } from './laws/foldLaw';
export type { FoldLawSpec } from './laws/foldLaw';
export { modelLaw } from './laws/modelLaw';
export type { ModelLawSpec } from './laws/modelLaw';
export { partitionLaw } from './laws/partitionLaw';
export type { PartitionLawSpec } from './laws/partitionLaw';
export { determinismLaw } from './laws/determinismLaw';
export type { DeterminismLawSpec } from './laws/determinismLaw';
export { checkLaw, batchesToTimeline } from './laws/checkLaw';
export type { CheckLawOptions } from './laws/checkLaw';
export type { LawRunOptions } from './laws/harness';
export { checkScenario } from './checkScenario';
export type { CheckScenarioOptions, CheckScenarioResult, CheckProgress } from './checkScenario';
export { saveScenario } from './saveScenario';
export { loadPropertyFile } from './loadPropertyFile';
export { toScenarioRun } from './scenarioRun';
export type { ScenarioRun, ScenarioProperty, BatchOutput } from './scenarioRun';
export { orderLaw } from './laws/orderLaw';
export type { OrderLawSpec } from './laws/orderLaw';
