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
