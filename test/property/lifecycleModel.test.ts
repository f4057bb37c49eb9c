/**
 * Model-based lifecycle tests: random sequences of StreamingContext calls on one shared
 * SparkContext (plain and stateful streams, checkpoint directories), checked call by call
 * against a small model of Spark's rules (§1, §3.2): outcomes,
 * refusals (the rule recorded in the event log), states, getActive.
 */
import { SparkConf, SparkContext, StreamingContext } from 'dstream-sim';
import { fc } from 'dstream-sim/property';
import { withIsolatedJvm } from '../../src/env/Jvm';
import type { SimEvent } from '../../src/events/SimEvent';
import * as M from './lifecycle/model';

interface Real {
  sc: SparkContext;
  contexts: StreamingContext[];
  events: () => readonly SimEvent[];
}

type Cmd = fc.AsyncCommand<M.Model, Real>;

/** The refusals the runs met, to show the sequences reach every rule the model has. */
const refusalsSeen = new Set<string>();

/** Run `call`; compare its outcome with the model's, then every context's state and getActive. */
async function expectOutcome(m: M.Model, r: Real, predicted: M.Outcome, call: () => unknown | Promise<unknown>): Promise<unknown> {
  const before = r.events().length;
  let returned: unknown;
  let thrown: unknown;
  try {
    returned = await call();
  } catch (e) {
    thrown = e;
  }
  if ('refused' in predicted) {
    refusalsSeen.add(predicted.refused);
    expect(thrown).toBeInstanceOf(Error);
    const refusal = r.events().slice(before).find((e) => e.type === 'callRefused');
    expect(refusal && refusal.type === 'callRefused' ? refusal.rule : undefined).toBe(predicted.refused);
  } else {
    expect(thrown).toBeUndefined();
  }
  expect(r.contexts.map((c) => c.getState())).toEqual(m.contexts.map((c) => c.state));
  const active = StreamingContext.getActive();
  expect(active === undefined ? undefined : r.contexts.indexOf(active)).toBe(m.active);
  expect(r.sc.isStopped).toBe(m.sparkContextStopped);
  return returned;
}

const usable = (m: M.Model): boolean => !m.sparkContextStopped;

class Create implements Cmd {
  check = usable;
  async run(m: M.Model, r: Real): Promise<void> {
    const predicted = M.create(m);
    await expectOutcome(m, r, predicted, () => r.contexts.push(new StreamingContext(r.sc, 1)));
  }
  toString = (): string => 'create';
}

class AddStream implements Cmd {
  constructor(readonly i: number) {}
  check = (m: M.Model): boolean => usable(m) && this.i < m.contexts.length;
  async run(m: M.Model, r: Real): Promise<void> {
    await expectOutcome(m, r, M.addStream(m, this.i), () => r.contexts[this.i]!.queueStream([[1, 2]], true).pprint());
  }
  toString = (): string => `addStream(${this.i})`;
}

class AddStatefulStream implements Cmd {
  constructor(readonly i: number) {}
  check = (m: M.Model): boolean => usable(m) && this.i < m.contexts.length;
  async run(m: M.Model, r: Real): Promise<void> {
    await expectOutcome(m, r, M.addStream(m, this.i, true), () =>
      r.contexts[this.i]!.queueStream([['a', 'b']], true)
        .map((w): [string, number] => [w, 1])
        .updateStateByKey((vs: number[], s: number | undefined) => (s ?? 0) + vs.length)
        .pprint(),
    );
  }
  toString = (): string => `addStatefulStream(${this.i})`;
}

class Checkpoint implements Cmd {
  constructor(readonly i: number) {}
  check = (m: M.Model): boolean => usable(m) && this.i < m.contexts.length;
  async run(m: M.Model, r: Real): Promise<void> {
    await expectOutcome(m, r, M.checkpoint(m), () => r.contexts[this.i]!.checkpoint('checkpoints'));
  }
  toString = (): string => `checkpoint(${this.i})`;
}

class Start implements Cmd {
  constructor(readonly i: number) {}
  check = (m: M.Model): boolean => usable(m) && this.i < m.contexts.length;
  async run(m: M.Model, r: Real): Promise<void> {
    await expectOutcome(m, r, M.start(m, this.i), () => r.contexts[this.i]!.start());
  }
  toString = (): string => `start(${this.i})`;
}

class Stop implements Cmd {
  constructor(
    readonly i: number,
    readonly stopSparkContext: boolean,
    readonly graceful: boolean,
  ) {}
  // Stopping the SparkContext under another, active StreamingContext is outside the model.
  check = (m: M.Model): boolean => this.i < m.contexts.length && !(this.stopSparkContext && m.active !== undefined && m.active !== this.i);
  async run(m: M.Model, r: Real): Promise<void> {
    await expectOutcome(m, r, M.stop(m, this.i, this.stopSparkContext), () => r.contexts[this.i]!.stop(this.stopSparkContext, this.graceful));
  }
  toString = (): string => `stop(${this.i}, stopSparkContext=${this.stopSparkContext}, graceful=${this.graceful})`;
}

class AwaitTerminationOrTimeout implements Cmd {
  constructor(
    readonly i: number,
    readonly seconds: number,
  ) {}
  check = (m: M.Model): boolean => this.i < m.contexts.length;
  async run(m: M.Model, r: Real): Promise<void> {
    const predicted = M.awaitTerminationOrTimeout(m, this.i);
    const got = await expectOutcome(m, r, predicted, () => r.contexts[this.i]!.awaitTerminationOrTimeout(this.seconds));
    expect(got).toBe('ok' in predicted ? predicted.returns : undefined);
  }
  toString = (): string => `awaitTerminationOrTimeout(${this.i}, ${this.seconds})`;
}

class GetActiveOrCreate implements Cmd {
  check = usable;
  async run(m: M.Model, r: Real): Promise<void> {
    const predicted = M.getActiveOrCreate(m);
    const got = await expectOutcome(m, r, predicted, () =>
      StreamingContext.getActiveOrCreate(() => {
        const ssc = new StreamingContext(r.sc, 1);
        r.contexts.push(ssc);
        return ssc;
      }),
    );
    expect(r.contexts.indexOf(got as StreamingContext)).toBe('ok' in predicted ? predicted.returns : -1);
  }
  toString = (): string => 'getActiveOrCreate';
}

const index = fc.integer({ min: 0, max: 2 });
const commands = fc.commands(
  [
    fc.constant(new Create()),
    index.map((i) => new AddStream(i)),
    index.map((i) => new AddStatefulStream(i)),
    index.map((i) => new Checkpoint(i)),
    index.map((i) => new Start(i)),
    fc.tuple(index, fc.boolean(), fc.boolean()).map(([i, sc, g]) => new Stop(i, sc, g)),
    fc.tuple(index, fc.constantFrom(0, 0.5, 2)).map(([i, s]) => new AwaitTerminationOrTimeout(i, s)),
    fc.constant(new GetActiveOrCreate()),
  ],
  { maxCommands: 12 },
);

test.each(['pyspark', 'scala'] as const)('%s: lifecycle calls follow the model of Spark’s rules (seeded, 600 runs)', async (flavor) => {
  await fc.assert(
    fc.asyncProperty(commands, (cmds) =>
      withIsolatedJvm({}, async (jvm) => {
        const sc = new SparkContext({ conf: new SparkConf().setMaster('local[2]').setAppName('model'), flavor });
        await fc.asyncModelRun(() => ({ model: M.newModel(), real: { sc, contexts: [], events: () => jvm.log.events() } }), cmds);
        StreamingContext.getActive()?.stop(false);
      }),
    ),
    { seed: flavor === 'scala' ? 2024 : 1016, numRuns: 600 },
  );
});

test('the runs reach every refusal the model knows', () => {
  expect([...refusalsSeen].sort()).toEqual(
    ['add-after-start', 'add-after-stop', 'checkpoint-directory-required', 'no-output-operations', 'one-active-context', 'start-after-stop'],
  );
});
