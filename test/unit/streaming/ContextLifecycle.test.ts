/**
 * The context's state machine (spark-semantics §1): a refusal is recorded as a `callRefused`
 * event naming the error as it was thrown, whatever was thrown.
 */
import { EventLog } from '../../../src/events/EventLog';
import { IllegalStateError } from '../../../src/errors';
import { ContextLifecycle } from '../../../src/streaming/ContextLifecycle';

const refused = (error: unknown): unknown => {
  const log = new EventLog(() => 5);
  const thrown = new ContextLifecycle(log, 7).refuse('StreamingContext.start()', 'start-failed', error);
  expect(thrown).toBe(error);
  return log.events().find((e) => e.type === 'callRefused');
};

test('a simulator error: its class name and Spark error class', () => {
  expect(refused(new IllegalStateError('StreamingContext has already been stopped', 'CONTEXT_ALREADY_STOPPED'))).toMatchObject({
    contextId: 7,
    call: 'StreamingContext.start()',
    rule: 'start-failed',
    errorName: 'IllegalStateError',
    errorClass: 'CONTEXT_ALREADY_STOPPED',
    message: 'StreamingContext has already been stopped',
  });
});

test("a JavaScript error from user code: its name, and 'UNKNOWN' for the class Spark would not know", () => {
  expect(refused(new TypeError('x is not a function'))).toMatchObject({ errorName: 'TypeError', errorClass: 'UNKNOWN', message: 'x is not a function' });
});

test("something thrown that is not an Error: 'Error', 'UNKNOWN', and its text", () => {
  expect(refused('boom')).toMatchObject({ errorName: 'Error', errorClass: 'UNKNOWN', message: 'boom' });
});

test.each([
  [null, 'null'],
  [undefined, 'undefined'],
])('a program that throws %s: recorded as its text, not a crash of the simulator', (thrown, text) => {
  expect(refused(thrown)).toMatchObject({ errorName: 'Error', errorClass: 'UNKNOWN', message: text });
});

describe('adding to a started or stopped context (Spark: DStream.validateAtInit)', () => {
  const addIn = (state: 'ACTIVE' | 'STOPPED'): { error: unknown; event: unknown } => {
    const log = new EventLog(() => 5);
    const lifecycle = new ContextLifecycle(log, 7);
    lifecycle.state = state;
    let error: unknown;
    try {
      lifecycle.validateAtInit('DStream.map()');
    } catch (e) {
      error = e;
    }
    return { error, event: log.events().find((e) => e.type === 'callRefused') };
  };

  test('while INITIALIZED anything may be added', () => {
    const log = new EventLog(() => 5);
    expect(() => new ContextLifecycle(log, 7).validateAtInit('DStream.map()')).not.toThrow();
    expect(log.events()).toEqual([]);
  });

  test.each([
    ['ACTIVE', 'starting', 'add-after-start', 'ADD_AFTER_START'],
    ['STOPPED', 'stopping', 'add-after-stop', 'ADD_AFTER_STOP'],
  ] as const)('%s: Spark’s message (after %s), the rule %s and the error class %s', (state, when, rule, errorClass) => {
    const { error, event } = addIn(state);
    expect(error).toBeInstanceOf(IllegalStateError);
    expect((error as IllegalStateError).message).toBe(`Adding new inputs, transformations, and output operations after ${when} a context is not supported`);
    expect((error as IllegalStateError).errorClass).toBe(errorClass);
    expect(event).toMatchObject({ call: 'DStream.map()', rule, errorClass });
  });
});

test('starting a stopped context: Spark’s message, the rule start-after-stop, CONTEXT_ALREADY_STOPPED', () => {
  const log = new EventLog(() => 5);
  const lifecycle = new ContextLifecycle(log, 7);
  lifecycle.state = 'STOPPED';
  expect(() => lifecycle.mayStart(undefined)).toThrow(new IllegalStateError('StreamingContext has already been stopped'));
  expect(log.events().find((e) => e.type === 'callRefused')).toMatchObject({ rule: 'start-after-stop', errorClass: 'CONTEXT_ALREADY_STOPPED' });
});

test('starting while another context is active: Spark’s message quoting where that one started, the rule one-active-context, ONLY_ONE_ACTIVE_CONTEXT', () => {
  const log = new EventLog(() => 5);
  const lifecycle = new ContextLifecycle(log, 7);
  const other = { startSite: '\nStreamingContext.start(app, context 3, virtual time 0 ms)', stopFromHorizon: () => undefined };
  let error: unknown;
  try {
    lifecycle.mayStart(other);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(IllegalStateError);
  expect((error as IllegalStateError).message).toBe(
    'Only one StreamingContext may be started in this JVM. Currently running StreamingContext was started at\nStreamingContext.start(app, context 3, virtual time 0 ms)',
  );
  expect((error as IllegalStateError).errorClass).toBe('ONLY_ONE_ACTIVE_CONTEXT');
  expect(log.events().find((e) => e.type === 'callRefused')).toMatchObject({
    call: 'StreamingContext.start()',
    rule: 'one-active-context',
    errorClass: 'ONLY_ONE_ACTIVE_CONTEXT',
  });
  expect(lifecycle.state).toBe('INITIALIZED');
});

test.each([
  ['NO_OUTPUT_OPERATIONS', 'no-output-operations'],
  ['CHECKPOINT_DIRECTORY_NOT_SET', 'checkpoint-directory-required'],
  ['TASK_FAILED', 'start-failed'],
] as const)('a start that fails while validating (%s): Spark’s warning, the context stopped for good, and the refusal %s', (errorClass, rule) => {
  const log = new EventLog(() => 5);
  const lifecycle = new ContextLifecycle(log, 7);
  const cause = new IllegalStateError('why', errorClass);
  expect(lifecycle.startFailed(cause)).toBe(cause);
  expect(lifecycle.state).toBe('STOPPED');
  expect(log.events().map((e) => [e.type, e.type === 'warning' ? e.message : e.type === 'callRefused' ? `${e.call} ${e.rule}` : ''])).toEqual([
    ['warning', 'Error starting the context, marking it as stopped'],
    ['contextStopped', ''],
    ['callRefused', `StreamingContext.start() ${rule}`],
  ]);
});
