import { UnsupportedOperationError } from '../../src/index';
import { inJvm, makeContexts } from '../__helpers__/sim';

/** Scala-only DStream output methods dstream-sim does not offer fail clearly, naming themselves. */
test('saveAsObjectFiles / saveAsHadoopFiles / saveAsNewAPIHadoopFiles throw "not supported by dstream-sim"', () =>
  inJvm(() => {
    const { ssc } = makeContexts('scala');
    const ds = ssc.queueStream([[1]]);
    expect(() => ds.saveAsObjectFiles('out')).toThrow(UnsupportedOperationError);
    expect(() => ds.saveAsObjectFiles('out')).toThrow('DStream.saveAsObjectFiles is not supported by dstream-sim');
    expect(() => ds.saveAsHadoopFiles('out', 'txt')).toThrow('DStream.saveAsHadoopFiles is not supported by dstream-sim');
    expect(() => ds.saveAsNewAPIHadoopFiles('out', 'txt')).toThrow('DStream.saveAsNewAPIHadoopFiles is not supported by dstream-sim');
  }));

test('each says why and what to use instead, with a stable error class', () =>
  inJvm(() => {
    const { ssc } = makeContexts('scala');
    const ds = ssc.queueStream([[1]]);
    const hadoop = 'it writes through a Hadoop OutputFormat; use saveAsTextFiles';
    const cases: [() => unknown, string][] = [
      [() => ds.saveAsObjectFiles('out'), 'DStream.saveAsObjectFiles is not supported by dstream-sim: serialized SequenceFiles are not simulated; use saveAsTextFiles'],
      [() => ds.saveAsHadoopFiles('out', 'txt'), `DStream.saveAsHadoopFiles is not supported by dstream-sim: ${hadoop}`],
      [() => ds.saveAsNewAPIHadoopFiles('out', 'txt'), `DStream.saveAsNewAPIHadoopFiles is not supported by dstream-sim: ${hadoop}`],
    ];
    for (const [call, message] of cases) {
      expect(call).toThrow(new UnsupportedOperationError(message));
      expect(call).toThrow(expect.objectContaining({ errorClass: 'NOT_SUPPORTED_BY_SIMULATOR' }));
    }
  }));
