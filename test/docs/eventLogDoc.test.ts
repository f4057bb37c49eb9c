/** docs/event-log.md and docs/lifecycle.md cannot drift from the code they describe. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LIFECYCLE_RULES, type SimEvent } from 'dstream-sim';

const doc = (name: string): string => fs.readFileSync(path.join(__dirname, '..', '..', 'docs', name), 'utf8');

/** Every event type; the compiler refuses this table when the union gains or loses a member. */
const EVERY_EVENT_TYPE = {
  contextCreated: true,
  contextStarted: true,
  contextStopped: true,
  sparkContextStopped: true,
  callRefused: true,
  warning: true,
  inputDelivered: true,
  rddGenerated: true,
  batchSubmitted: true,
  batchStarted: true,
  outputOperationStarted: true,
  outputOperationCompleted: true,
  batchCompleted: true,
  outputWritten: true,
  errorReported: true,
  windowComputed: true,
  stateChanged: true,
  receiverStarted: true,
  receiverError: true,
  receiverStopped: true,
  receiverRateUpdated: true,
  timelineEvent: true,
  programOutput: true,
  programFailed: true,
  checkpointWritten: true,
  contextRecovered: true,
  batchesRescheduled: true,
  driverCrashed: true,
  driverRestarted: true,
} as const satisfies Record<SimEvent['type'], true>;

test('docs/event-log.md has a row for every event type', () => {
  const table = doc('event-log.md')
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .flatMap((l) => [...l.split('|')[1]!.matchAll(/`(\w+)`/g)].map((m) => m[1]!));
  expect([...new Set(table)].sort()).toEqual(Object.keys(EVERY_EVENT_TYPE).sort());
});

test('docs/lifecycle.md lists exactly the lifecycle rules the code records, each with its explanation', () => {
  const rows = doc('lifecycle.md')
    .split('\n')
    .filter((l) => /^\| `[a-z-]+`/.test(l));
  const ids = rows.map((l) => /^\| `([a-z-]+)`/.exec(l)![1]!);
  expect(ids.sort()).toEqual(Object.keys(LIFECYCLE_RULES).sort());
  for (const [rule, why] of Object.entries(LIFECYCLE_RULES)) {
    const row = rows.find((l) => l.startsWith(`| \`${rule}\``))!;
    expect(row).toContain(why);
  }
});
