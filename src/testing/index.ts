/**
 * dstream-sim/testing: the port of Spark's TestSuiteBase (the harness), exported as well from the
 * package's main entry.
 */
export { runOperation, runOperation2, runStreams } from './runStreams';
export type { RunOptions, RunResult } from './runStreams';
export { testOperation } from './testOperation';
export type { TestOperationOptions } from './testOperation';
export { verifyOutput, OutputMismatchError } from './verifyOutput';
export type { VerifyOptions } from './verifyOutput';
export type { CollectedBatch } from './TestOutputStream';
