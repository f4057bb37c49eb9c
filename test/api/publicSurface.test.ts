/** The public API is what src/index.ts names; a stray export fails here. */
import * as api from '../../src/index';

test('public value exports', () => {
  expect(Object.keys(api).sort()).toEqual(
    [
      'ArithmeticError',
      'DStreamSimError',
      'CheckpointReadError',
      'IOError',
      'Duration',
      'FileAlreadyExistsError',
      'HashPartitioner',
      'IllegalArgumentError',
      'IllegalStateError',
      'IndexError',
      'Interval',
      'InvalidInputError',
      'JavaException',
      'NoSuchElementError',
      'OutputMismatchError',
      'RDD',
    'Receiver',
      'SimulationError',
      'SparkConf',
      'SparkContext',
      'SparkError',
      'StatCounter',
      'State',
      'StateSpec',
      'StorageLevel',
      'StreamingContext',
      'StreamingContextState',
      'Time',
      'UnsupportedOperationError',
      'ValueError',
      'currentJvm',
      'runOperation',
      'runOperation2',
      'runStreams',
      'testOperation',
      'verifyOutput',
      'withIsolatedJvm',
      'bytesToLines',
      'timelineQueue',
      'timeline',
      'TimelineBuilder',
      'validateTimeline',
      'TimelineError',
      'loadTimeline',
      'parseTimeline',
      'TimelineDriver',
      'dstreamMatchers',
      'runScenario',
      'loadScenario',
      'findScenarios',
      'renderTranscript',
      'compareGolden',
      'checkGolden',
      'LIFECYCLE_RULES',
    ].sort(),
  );
});

test('error classes carry Spark’s class name and a stable code', () => {
  const e = new api.IllegalStateError('x', 'SOME_CODE');
  expect(e).toBeInstanceOf(api.DStreamSimError);
  expect(e.name).toBe('IllegalStateError');
  expect(e.sparkClass).toBe('java.lang.IllegalStateException');
  expect(String(e)).toBe('java.lang.IllegalStateException: x');
  expect(e.errorClass).toBe('SOME_CODE');
});
