/**
 * The StreamingContext's lifecycle rules (spark-semantics §1), one id each. A refused call records
 * its rule in a `callRefused` event; the stepper's `why`, the transcript and docs/lifecycle.md
 * (checked against this table by a test) explain it with the text here.
 */
export type LifecycleRule =
  | 'start-twice'
  | 'start-after-stop'
  | 'one-active-context'
  | 'add-after-start'
  | 'add-after-stop'
  | 'no-output-operations'
  | 'checkpoint-directory-required'
  | 'start-failed'
  | 'persist-after-start'
  | 'checkpoint-after-start'
  | 'remember-once'
  | 'queue-stream-empty'
  | 'stop-in-listener';

/** Why each lifecycle rule exists and what to do about it. */
export const LIFECYCLE_RULES: Readonly<Record<LifecycleRule, string>> = {
  'start-twice': 'start() on a started context does nothing but warn.',
  'start-after-stop': 'A StreamingContext starts once; after stop() it can never be started again. Make a new one.',
  'one-active-context':
    'Only one StreamingContext may be active per JVM. Stop the running one first (stop(false) keeps the SparkContext).',
  'add-after-start': 'The DStream graph is fixed at start(): define every input, transformation and output before it.',
  'add-after-stop': 'A stopped context takes no new streams. Make a new StreamingContext.',
  'no-output-operations':
    'Nothing would run: register an output operation (pprint, foreachRDD, saveAsTextFiles) before start().',
  'checkpoint-directory-required':
    'Stateful and inverse-window operations need a checkpoint directory: ssc.checkpoint(dir) before start().',
  'start-failed': 'start() failed while validating the graph; the context is now stopped.',
  'persist-after-start': 'Storage levels are fixed at start().',
  'checkpoint-after-start': 'Checkpoint intervals are fixed at start().',
  'remember-once': 'ssc.remember() can be set once.',
  'queue-stream-empty': 'PySpark reads rdds[0]: an empty list without a default fails.',
  'stop-in-listener':
    'A StreamingListener runs on the listener bus, which stop() must shut down: stop the context from the driver (or a foreachRDD job) instead.',
};

/** The explanation of a rule id as recorded in an event (unknown ids explain nothing). */
export function explainRule(rule: string): string {
  return (LIFECYCLE_RULES as Readonly<Record<string, string>>)[rule] ?? '';
}
