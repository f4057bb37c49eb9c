import fc from 'fast-check';
import type { DStream } from '../../dstream/DStream';
import { runStreams } from '../../testing/runStreams';
import { renderTranscript } from '../../scenario/transcript';
import type { BatchSlots } from '../BatchesArbitrary';
import type { LawRunOptions } from './harness';
import { LawViolation } from './LawViolation';

/** What {@link determinismLaw} checks. */
export interface DeterminismLawSpec<T, U> extends LawRunOptions {
  input: fc.Arbitrary<BatchSlots<T>>;
  pipeline: (ds: DStream<T>) => DStream<U>;
}

/**
 * Law: **the same input gives the same transcript.** The pipeline runs twice on each input, each
 * time in its own simulated JVM; the two event logs, rendered as golden transcripts, must be
 * identical (a pipeline that reads the wall clock, unseeded randomness or state shared between
 * runs breaks it). For scenarios, `dstream-sim check` runs the same law on whole programs.
 */
export function determinismLaw<T, U>(spec: DeterminismLawSpec<T, U>): fc.IAsyncPropertyWithHooks<[BatchSlots<T>]> {
  return fc.asyncProperty(spec.input, async (input) => {
    const once = async (): Promise<string> => {
      const r = await runStreams<U>(
        [input],
        (s) => {
          const out = spec.pipeline(s[0] as DStream<T>);
          out.pprint();
          return out;
        },
        input.length,
        { ...spec, inspect: { inputs: true } },
      );
      return renderTranscript(r.events, []);
    };
    const a = await once();
    const b = await once();
    if (a !== b) {
      const la = a.split('\n');
      const lb = b.split('\n');
      const i = la.findIndex((l, k) => l !== lb[k]);
      throw new LawViolation('determinism law', undefined, `two runs differ at transcript line ${i + 1}: '${la[i] ?? ''}' vs '${lb[i] ?? ''}'`);
    }
  });
}
