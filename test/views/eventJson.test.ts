/** Events as JSON lines (`run --events json`, step's `events`): readable and the same every run. */
import type { SimEvent } from 'dstream-sim';
import { eventToJson } from '../../src/views/eventJson';

const event = (records: unknown[]): SimEvent =>
  ({ type: 'rddGenerated', contextId: 0, batchTime: 1000, streamId: 1, streamName: 'map [1]', records, numPartitions: 1, seq: 3, at: 1000 }) as unknown as SimEvent;

test('an event is one line of JSON, its fields in order', () => {
  const line = eventToJson(event([['a', 1], null]));
  expect(line).toBe('{"type":"rddGenerated","contextId":0,"batchTime":1000,"streamId":1,"streamName":"map [1]","records":[["a",1],null],"numPartitions":1,"seq":3,"at":1000}');
  expect(line).not.toContain('\n');
});

test('values JSON cannot hold are written readably', () => {
  class Boom extends Error {
    override name = 'Boom';
  }
  const cyclic: Record<string, unknown> = { k: 1 };
  cyclic['self'] = cyclic;
  function double(): void {}
  const records = [new Error('x'), new Boom('y'), new Map([['a', 1]]), new Set([2]), 10n, NaN, -Infinity, undefined, double, cyclic, { u: undefined }];
  expect(JSON.parse(eventToJson(event(records))).records).toEqual([
    'Error: x',
    'Boom: y',
    [['a', 1]],
    [2],
    '10',
    'NaN',
    '-Infinity',
    null,
    '[Function double]',
    { k: 1, self: '[Circular]' },
    {},
  ]);
});

test('a value seen twice (not a cycle) is written twice', () => {
  const shared = { n: 1 };
  expect(JSON.parse(eventToJson(event([shared, shared]))).records).toEqual([{ n: 1 }, { n: 1 }]);
});
