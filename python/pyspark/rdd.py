"""PySpark: ``pyspark.rdd`` — RDDs whose operations run in this Python process, as in PySpark:
transformations pipeline into one function per stage (``PipelinedRDD``), the engine computes a
partition by calling it back with the whole partition, and shuffles go through
``partitionBy(portable_hash)`` exactly as rdd.py does (combine locally with a dict, move the
buckets, merge)."""
import bisect
import math
import operator
import random
import sys
from collections import defaultdict
from functools import reduce
from itertools import chain

from pyspark import _gateway
from pyspark.resultiterable import ResultIterable

__all__ = ["RDD", "portable_hash"]


def portable_hash(x):
    """PySpark: ``portable_hash`` — ``hash`` (fixed by PYTHONHASHSEED=0), tuples combined."""
    if x is None:
        return 0
    if isinstance(x, tuple):
        h = 0x345678
        for i in x:
            h ^= portable_hash(i)
            h *= 1000003
            h &= sys.maxsize
        h ^= len(x)
        if h == -1:
            h = -2
        return int(h)
    return hash(x)


def _records(iterator):
    return iterator


class Partitioner:
    """PySpark: ``Partitioner(numPartitions, partitionFunc)``."""

    def __init__(self, numPartitions, partitionFunc):
        self.numPartitions = numPartitions
        self.partitionFunc = partitionFunc

    def __eq__(self, other):
        return (isinstance(other, Partitioner) and self.numPartitions == other.numPartitions
                and self.partitionFunc == other.partitionFunc)

    def __call__(self, k):
        return self.partitionFunc(k) % self.numPartitions


class JavaRDD:
    """A handle to an engine RDD (PySpark: the py4j ``JavaRDD`` proxy). It keeps its parents'
    handles (``deps``) and pins the Python function its engine RDD calls (``fid``), so a live
    Python RDD can always be computed."""

    def __init__(self, h, n, deps=(), fid=None):
        self.h = h
        self.n = n
        self.deps = tuple(deps)
        self.fid = fid
        if fid is not None:
            _gateway.pin(fid)

    def __del__(self):
        try:
            _gateway.release(self.h)
            if self.fid is not None:
                _gateway.unpin(self.fid)
        except Exception:  # interpreter shutdown
            pass


class RDD:
    """PySpark: ``RDD``."""

    def __init__(self, jrdd, ctx, jrdd_deserializer=None):
        self._jrdd_val = jrdd
        self.is_cached = False
        self.is_checkpointed = False
        self.has_resource_profile = False
        self.ctx = ctx
        self.partitioner = None

    @property
    def _jrdd(self):
        return self._jrdd_val

    @property
    def context(self):
        return self.ctx

    def __repr__(self):
        return _gateway.call("rdd.toString", rdd=self._jrdd.h)

    def getNumPartitions(self):
        return self._jrdd.n

    def id(self):
        return self._jrdd.h

    # --- persistence ---

    def cache(self):
        from pyspark.storagelevel import StorageLevel
        return self.persist(StorageLevel.MEMORY_ONLY)

    def persist(self, storageLevel=None):
        from pyspark.storagelevel import StorageLevel
        level = storageLevel or StorageLevel.MEMORY_ONLY
        self.is_cached = True
        _gateway.call("rdd.persist", rdd=self._jrdd.h, level=level._engine_name())
        return self

    def unpersist(self, blocking=False):
        self.is_cached = False
        _gateway.call("rdd.unpersist", rdd=self._jrdd.h)
        return self

    def checkpoint(self):
        self.is_checkpointed = True
        _gateway.call("rdd.checkpoint", rdd=self._jrdd.h)

    def isCheckpointed(self):
        return _gateway.call("rdd.isCheckpointed", rdd=self._jrdd.h)

    # --- narrow transformations ---

    def map(self, f, preservesPartitioning=False):
        def func(_, iterator):
            return map(f, iterator)
        return self.mapPartitionsWithIndex(func, preservesPartitioning)

    def flatMap(self, f, preservesPartitioning=False):
        def func(s, iterator):
            return chain.from_iterable(map(f, iterator))
        return self.mapPartitionsWithIndex(func, preservesPartitioning)

    def mapPartitions(self, f, preservesPartitioning=False):
        def func(s, iterator):
            return f(iterator)
        return self.mapPartitionsWithIndex(func, preservesPartitioning)

    def mapPartitionsWithIndex(self, f, preservesPartitioning=False):
        return PipelinedRDD(self, f, preservesPartitioning)

    def mapPartitionsWithSplit(self, f, preservesPartitioning=False):
        return self.mapPartitionsWithIndex(f, preservesPartitioning)

    def filter(self, f):
        def func(iterator):
            return filter(f, iterator)
        return self.mapPartitions(func, True)

    def glom(self):
        def func(iterator):
            yield list(iterator)
        return self.mapPartitions(func)

    def keyBy(self, f):
        return self.map(lambda x: (f(x), x))

    def keys(self):
        return self.map(lambda x: x[0])

    def values(self):
        return self.map(lambda x: x[1])

    def mapValues(self, f):
        def map_values_fn(kv):
            return kv[0], f(kv[1])
        return self.map(map_values_fn, preservesPartitioning=True)

    def flatMapValues(self, f):
        def flat_map_fn(kv):
            return ((kv[0], x) for x in f(kv[1]))
        return self.flatMap(flat_map_fn, preservesPartitioning=True)

    def union(self, other):
        reply = _gateway.call("sc.union", sc=self.ctx._jsc, rdds=[self._jrdd.h, other._jrdd.h])
        rdd = RDD(JavaRDD(reply["h"], reply["n"], (self._jrdd, other._jrdd)), self.ctx)
        if self.partitioner == other.partitioner and self.getNumPartitions() == rdd.getNumPartitions():
            rdd.partitioner = self.partitioner
        return rdd

    def __add__(self, other):
        if not isinstance(other, RDD):
            raise TypeError
        return self.union(other)

    def repartition(self, numPartitions):
        """PySpark: ``repartition(numPartitions)`` = ``coalesce(numPartitions, shuffle=True)``."""
        return self.coalesce(numPartitions, shuffle=True)

    def coalesce(self, numPartitions, shuffle=False):
        """PySpark: ``coalesce(numPartitions, shuffle=False)`` (the JVM moves the records)."""
        if not shuffle:
            reply = _gateway.call("rdd.coalesce", rdd=self._jrdd.h, n=int(numPartitions), shuffle=False)
            return RDD(JavaRDD(reply["h"], reply["n"], (self._jrdd,)), self.ctx)
        # PySpark reserializes in batches of min(10, batchSize) records, and the JVM's shuffle
        # moves those batches (not single records) to their new partitions.
        batchSize = min(10, self.ctx._batchSize or 1024)

        def batches(iterator):
            batch = []
            for x in iterator:
                batch.append(x)
                if len(batch) == batchSize:
                    yield batch
                    batch = []
            if batch:
                yield batch

        batched = self.mapPartitions(batches)
        reply = _gateway.call("rdd.coalesce", rdd=batched._jrdd.h, n=int(numPartitions), shuffle=True)
        return RDD(JavaRDD(reply["h"], reply["n"], (batched._jrdd,)), self.ctx).flatMap(lambda b: b)

    def distinct(self, numPartitions=None):
        return self.map(lambda x: (x, None)).reduceByKey(lambda x, _: x, numPartitions).map(lambda x: x[0])

    # --- shuffles ---

    def _defaultReducePartitions(self):
        if self.ctx._conf.contains("spark.default.parallelism"):
            return self.ctx.defaultParallelism
        return self.getNumPartitions()

    def partitionBy(self, numPartitions, partitionFunc=portable_hash):
        if numPartitions is None:
            numPartitions = self._defaultReducePartitions()
        partitioner = Partitioner(numPartitions, partitionFunc)
        if self.partitioner == partitioner:
            return self

        def add_shuffle_key(split, iterator):
            for k, v in iterator:
                yield partitionFunc(k) % numPartitions, (k, v)

        keyed = self.mapPartitionsWithIndex(add_shuffle_key, preservesPartitioning=True)
        fid = _gateway.register(keyed.func, keyed=True)
        reply = _gateway.call("rdd.shuffle", rdd=keyed._prev_jrdd.h, f=fid, n=numPartitions)
        # The engine's shuffled partitions hold pickled batches (one per map partition and
        # bucket), as PySpark's do; the narrow step after it reads them record by record, and the
        # engine sees single records only through that step.
        batches = RDD(JavaRDD(reply["h"], reply["n"], (keyed._prev_jrdd,), fid), self.ctx)
        batches.partitioner = partitioner
        return batches.mapPartitions(_records, preservesPartitioning=True)

    def combineByKey(self, createCombiner, mergeValue, mergeCombiners, numPartitions=None, partitionFunc=portable_hash):
        if numPartitions is None:
            numPartitions = self._defaultReducePartitions()

        def combineLocally(iterator):
            d = {}
            for k, v in iterator:
                d[k] = mergeValue(d[k], v) if k in d else createCombiner(v)
            return iter(d.items())

        locally_combined = self.mapPartitions(combineLocally, preservesPartitioning=True)
        shuffled = locally_combined.partitionBy(numPartitions, partitionFunc)

        def _mergeCombiners(iterator):
            d = {}
            for k, v in iterator:
                d[k] = mergeCombiners(d[k], v) if k in d else v
            return iter(d.items())

        return shuffled.mapPartitions(_mergeCombiners, preservesPartitioning=True)

    def reduceByKey(self, func, numPartitions=None, partitionFunc=portable_hash):
        return self.combineByKey(lambda x: x, func, func, numPartitions, partitionFunc)

    def aggregateByKey(self, zeroValue, seqFunc, combFunc, numPartitions=None, partitionFunc=portable_hash):
        import copy

        def createZero():
            return copy.deepcopy(zeroValue)

        return self.combineByKey(
            lambda v: seqFunc(createZero(), v), seqFunc, combFunc, numPartitions, partitionFunc)

    def foldByKey(self, zeroValue, func, numPartitions=None, partitionFunc=portable_hash):
        import copy

        def createZero():
            return copy.deepcopy(zeroValue)

        return self.combineByKey(lambda v: func(createZero(), v), func, func, numPartitions, partitionFunc)

    def groupByKey(self, numPartitions=None, partitionFunc=portable_hash):
        def createCombiner(x):
            return [x]

        def mergeValue(xs, x):
            xs.append(x)
            return xs

        def mergeCombiners(a, b):
            a.extend(b)
            return a

        def combine(iterator):
            d = {}
            for k, v in iterator:
                d[k] = mergeValue(d[k], v) if k in d else createCombiner(v)
            return iter(d.items())

        locally_combined = self.mapPartitions(combine, preservesPartitioning=True)
        shuffled = locally_combined.partitionBy(numPartitions, partitionFunc)

        def groupByKey(it):
            d = {}
            for k, v in it:
                d[k] = mergeCombiners(d[k], v) if k in d else v
            return iter(d.items())

        return shuffled.mapPartitions(groupByKey, True).mapValues(ResultIterable)

    def cogroup(self, other, numPartitions=None):
        return _python_cogroup((self, other), numPartitions)

    def groupWith(self, other, *others):
        return _python_cogroup((self, other) + others, numPartitions=None)

    def join(self, other, numPartitions=None):
        return _do_python_join(self, other, numPartitions, lambda seq: _pair_sides(seq, False, False))

    def leftOuterJoin(self, other, numPartitions=None):
        return _do_python_join(self, other, numPartitions, lambda seq: _pair_sides(seq, False, True))

    def rightOuterJoin(self, other, numPartitions=None):
        return _do_python_join(self, other, numPartitions, lambda seq: _pair_sides(seq, True, False))

    def fullOuterJoin(self, other, numPartitions=None):
        return _do_python_join(self, other, numPartitions, lambda seq: _pair_sides(seq, True, True))

    # --- sampling and sorting ---

    def sample(self, withReplacement, fraction, seed=None):
        """PySpark: ``sample(withReplacement, fraction, seed=None)`` (``rddsampler.RDDSampler``):
        partition p draws from ``random.Random(seed ^ p)``. Without a seed PySpark draws one at
        random; here it is the RDD's id, so runs repeat."""
        if not fraction >= 0:
            raise ValueError("Fraction must be nonnegative.")
        if seed is None:
            seed = self.id()
        return self.mapPartitionsWithIndex(_Sampler(withReplacement, fraction, seed).func, True)

    def sortByKey(self, ascending=True, numPartitions=None, keyfunc=lambda x: x):
        """PySpark: ``sortByKey(ascending=True, numPartitions=None, keyfunc=lambda x: x)``: one
        partition is coalesced and sorted; otherwise a sample (fraction ``20 * numPartitions /
        count``, seed 1) gives the range bounds, ``partitionBy`` moves each pair to the range of
        its key (``bisect_left``) and each partition is sorted (stably, as ExternalSorter does)."""
        if numPartitions is None:
            numPartitions = self._defaultReducePartitions()

        def sortPartition(iterator):
            return iter(sorted(iterator, key=lambda kv: keyfunc(kv[0]), reverse=(not ascending)))

        if numPartitions == 1:
            rdd = self.coalesce(1) if self.getNumPartitions() > 1 else self
            return rdd.mapPartitions(sortPartition, True)

        rddSize = self.count()
        if not rddSize:
            return self  # an empty RDD stays as it is, as in PySpark
        maxSampleSize = numPartitions * 20.0  # Spark's RangePartitioner constant
        fraction = min(maxSampleSize / max(rddSize, 1), 1.0)
        samples = sorted(self.sample(False, fraction, 1).map(lambda kv: kv[0]).collect(), key=keyfunc)
        # numPartitions ranges, the last one open-ended: numPartitions - 1 bounds.
        bounds = [samples[int(len(samples) * (i + 1) / numPartitions)] for i in range(0, numPartitions - 1)]

        def rangePartitioner(k):
            p = bisect.bisect_left(bounds, keyfunc(k))
            return p if ascending else numPartitions - 1 - p

        return self.partitionBy(numPartitions, rangePartitioner).mapPartitions(sortPartition, True)

    def sortBy(self, keyfunc, ascending=True, numPartitions=None):
        """PySpark: ``sortBy(keyfunc, ascending=True, numPartitions=None)`` =
        ``keyBy(keyfunc).sortByKey(ascending, numPartitions).values()``."""
        return self.keyBy(keyfunc).sortByKey(ascending, numPartitions).values()

    # --- actions ---

    def collect(self):
        return [_gateway.decode(w) for w in _gateway.call("rdd.collect", rdd=self._jrdd.h)]

    def take(self, num):
        return [_gateway.decode(w) for w in _gateway.call("rdd.take", rdd=self._jrdd.h, n=int(num))]

    def first(self):
        rs = self.take(1)
        if rs:
            return rs[0]
        raise ValueError("RDD is empty")

    def isEmpty(self):
        return self.getNumPartitions() == 0 or len(self.take(1)) == 0

    def count(self):
        return self.mapPartitions(lambda i: [sum(1 for _ in i)]).sum()

    def sum(self):
        return self.mapPartitions(lambda x: [sum(x)]).fold(0, operator.add)

    def fold(self, zeroValue, op):
        def func(iterator):
            acc = zeroValue
            for obj in iterator:
                acc = op(acc, obj)
            yield acc
        vals = self.mapPartitions(func).collect()
        return reduce(op, vals, zeroValue)

    def reduce(self, f):
        def func(iterator):
            iterator = iter(iterator)
            try:
                initial = next(iterator)
            except StopIteration:
                return
            yield reduce(f, iterator, initial)
        vals = self.mapPartitions(func).collect()
        if vals:
            return reduce(f, vals)
        raise ValueError("Can not reduce() empty RDD")

    def max(self, key=None):
        return self.reduce(max) if key is None else self.reduce(lambda a, b: max(a, b, key=key))

    def min(self, key=None):
        return self.reduce(min) if key is None else self.reduce(lambda a, b: min(a, b, key=key))

    def countByValue(self):
        def countPartition(iterator):
            counts = defaultdict(int)
            for obj in iterator:
                counts[obj] += 1
            yield counts

        def mergeMaps(m1, m2):
            for k, v in m2.items():
                m1[k] += v
            return m1
        return self.mapPartitions(countPartition).reduce(mergeMaps)

    def countByKey(self):
        return self.map(lambda x: x[0]).countByValue()

    def collectAsMap(self):
        return dict(self.collect())

    def foreach(self, f):
        def processPartition(iterator):
            for x in iterator:
                f(x)
            return iter([])
        self.mapPartitions(processPartition).count()

    def foreachPartition(self, f):
        def func(it):
            r = f(it)
            try:
                return iter(r)
            except TypeError:
                return iter([])
        self.mapPartitions(func).count()


def _pair_sides(seq, keep_right_alone, keep_left_alone):
    """PySpark's join.py dispatch: the (1, v) and (2, w) tagged values of a key, paired up;
    a missing side is None where the join keeps the other side's values alone."""
    vbuf, wbuf = [], []
    for n, v in seq:
        if n == 1:
            vbuf.append(v)
        elif n == 2:
            wbuf.append(v)
    if keep_right_alone and not vbuf:
        vbuf.append(None)
    if keep_left_alone and not wbuf:
        wbuf.append(None)
    return ((v, w) for v in vbuf for w in wbuf)


def _do_python_join(rdd, other, numPartitions, dispatch):
    vs = rdd.mapValues(lambda v: (1, v))
    ws = other.mapValues(lambda v: (2, v))
    return vs.union(ws).groupByKey(numPartitions).flatMapValues(lambda x: dispatch(x.__iter__()))


def _python_cogroup(rdds, numPartitions):
    def make_mapper(i):
        return lambda v: (i, v)
    vrdds = [rdd.mapValues(make_mapper(i)) for i, rdd in enumerate(rdds)]
    union_vrdds = reduce(lambda acc, other: acc.union(other), vrdds)
    rdd_len = len(vrdds)

    def dispatch(seq):
        bufs = [[] for _ in range(rdd_len)]
        for n, v in seq:
            bufs[n].append(v)
        return tuple(ResultIterable(vs) for vs in bufs)

    return union_vrdds.groupByKey(numPartitions).mapValues(dispatch)


class _Sampler:
    """PySpark: ``rddsampler.RDDSampler``: per partition ``random.Random(seed ^ split)`` mixed by
    ten ``randint(0, 1)`` draws; Bernoulli(fraction) without replacement, Poisson(fraction)
    copies with it."""

    def __init__(self, withReplacement, fraction, seed):
        self._withReplacement = withReplacement
        self._fraction = fraction
        self._seed = seed

    def _poisson(self, rand, mean):
        if mean < 20.0:
            limit = math.exp(-mean)
            p = rand.random()
            k = 0
            while p > limit:
                k += 1
                p *= rand.random()
            return k
        p = rand.expovariate(mean)
        k = 0
        while p < 1.0:
            k += 1
            p += rand.expovariate(mean)
        return k

    def func(self, split, iterator):
        rand = random.Random(self._seed ^ split)
        for _ in range(10):
            rand.randint(0, 1)
        if self._withReplacement:
            for obj in iterator:
                for _ in range(self._poisson(rand, self._fraction)):
                    yield obj
        else:
            for obj in iterator:
                if rand.random() < self._fraction:
                    yield obj


class PipelinedRDD(RDD):
    """PySpark: ``PipelinedRDD`` — consecutive narrow transformations composed into one function;
    the engine RDD (``rdd.pipe``, PySpark's ``PythonRDD``) is made when first needed."""

    def __init__(self, prev, func, preservesPartitioning=False):
        if not isinstance(prev, PipelinedRDD) or not prev._is_pipelinable():
            self.func = func
            self.preservesPartitioning = preservesPartitioning
            self._prev_jrdd = prev._jrdd
        else:
            prev_func = prev.func

            def pipeline_func(split, iterator):
                return func(split, prev_func(split, iterator))

            self.func = pipeline_func
            self.preservesPartitioning = prev.preservesPartitioning and preservesPartitioning
            self._prev_jrdd = prev._prev_jrdd
        self.is_cached = False
        self.is_checkpointed = False
        self.has_resource_profile = False
        self.ctx = prev.ctx
        self.prev = prev
        self._jrdd_val = None
        self.partitioner = prev.partitioner if self.preservesPartitioning else None

    def getNumPartitions(self):
        return self._prev_jrdd.n

    @property
    def _jrdd(self):
        if self._jrdd_val is None:
            fid = _gateway.register(self.func)
            reply = _gateway.call("rdd.pipe", rdd=self._prev_jrdd.h, f=fid, pp=self.preservesPartitioning)
            self._jrdd_val = JavaRDD(reply["h"], reply["n"], (self._prev_jrdd,), fid)
        return self._jrdd_val

    def _is_pipelinable(self):
        return not (self.is_cached or self.is_checkpointed or self.has_resource_profile)
