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
