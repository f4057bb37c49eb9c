"""PySpark: ``pyspark.rdd`` — RDDs whose operations run in this Python process, as in PySpark:
transformations pipeline into one function per stage (``PipelinedRDD``), the engine computes a
partition by calling it back with the whole partition, and shuffles go through
``partitionBy(portable_hash)`` exactly as rdd.py does (combine locally with a dict, move the
buckets, merge)."""
import bisect
import copy
import heapq
import math
import operator
import pickle
import random
import sys
import weakref
from collections import defaultdict
from functools import reduce
from itertools import chain, islice, product

from pyspark import _gateway
from pyspark.resultiterable import ResultIterable
from pyspark.statcounter import StatCounter

__all__ = ["RDD", "portable_hash", "BoundedFloat"]


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


_MISSING = object()


def _records(iterator):
    return iterator


class BoundedFloat(float):
    """PySpark: ``BoundedFloat`` — the result of ``sumApprox``/``meanApprox``: a float with its
    ``confidence``, ``low`` and ``high`` bounds."""

    def __new__(cls, mean, confidence, low, high):
        obj = float.__new__(cls, mean)
        obj.confidence = confidence
        obj.low = low
        obj.high = high
        return obj


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


_BATCHING = weakref.WeakValueDictionary()  # engine handle -> the JavaRDD that knows its batching


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

    def remember_batching(self, batch):
        """How PySpark would batch this engine RDD's records (see ``RDD._batch``): an RDD the
        engine hands back later (a queue's RDD in a ``transform``) is batched the same way."""
        self.batch = batch
        _BATCHING[self.h] = self

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
        # How PySpark's serializer would batch this RDD's records on the JVM side (only
        # ``cartesian`` can see it): an int n (``BatchedSerializer(n)``: ``parallelize``),
        # "auto" (``AutoBatchedSerializer``: a Python function's output) or 1 (one by one).
        known = _BATCHING.get(jrdd.h) if jrdd is not None else None
        self._batch = known.batch if known is not None else 1
        self._batched_rdd = None

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
        self._storage_level = level
        _gateway.call("rdd.persist", rdd=self._jrdd.h, level=level._engine_name())
        return self

    def unpersist(self, blocking=False):
        self.is_cached = False
        self._storage_level = None
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
        # PySpark reserializes both sides (an identity map: auto-batched) unless they match.
        rdd._batch = self._batch if self._batch == other._batch and self._batched_rdd is None and other._batched_rdd is None else "auto"
        rdd._jrdd.remember_batching(rdd._batch)
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
            rdd = RDD(JavaRDD(reply["h"], reply["n"], (self._jrdd,)), self.ctx)
            rdd._batch = self._batch if self._batched_rdd is None else 1
            rdd._jrdd.remember_batching(rdd._batch)
            return rdd
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
            # PySpark's ExternalMerger.mergeValues, with one dict lookup per record (and
            # ``operator.add`` as the ``+`` it is, without a call per record).
            d = {}
            get = d.get
            if mergeValue is operator.add:
                for k, v in iterator:
                    c = get(k, _MISSING)
                    d[k] = createCombiner(v) if c is _MISSING else c + v
            else:
                for k, v in iterator:
                    c = get(k, _MISSING)
                    d[k] = createCombiner(v) if c is _MISSING else mergeValue(c, v)
            return iter(d.items())

        locally_combined = self.mapPartitions(combineLocally, preservesPartitioning=True)
        shuffled = locally_combined.partitionBy(numPartitions, partitionFunc)

        def _mergeCombiners(iterator):
            d = {}
            get = d.get
            for k, v in iterator:
                c = get(k, _MISSING)
                d[k] = v if c is _MISSING else mergeCombiners(c, v)
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
        """PySpark: ``fold(zeroValue, op)``: each partition folds from its own copy of
        ``zeroValue`` (PySpark's tasks unpickle their own), the driver from the original."""
        return self.aggregate(zeroValue, op, op)

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

    # --- set operations, products and zips ---

    def subtractByKey(self, other, numPartitions=None):
        """PySpark: ``subtractByKey(other, numPartitions=None)``: ``cogroup``, keep the keys only
        this side has, then its values."""
        def filter_func(pair):
            key, (val1, val2) = pair
            return val1 and not val2
        return self.cogroup(other, numPartitions).filter(filter_func).flatMapValues(lambda x: x[0])

    def subtract(self, other, numPartitions=None):
        """PySpark: ``subtract(other, numPartitions=None)`` = ``(x, True)`` pairs through
        ``subtractByKey``, then the keys."""
        rdd = other.map(lambda x: (x, True))
        return self.map(lambda x: (x, True)).subtractByKey(rdd, numPartitions).keys()

    def intersection(self, other):
        """PySpark: ``intersection(other)``: ``cogroup`` of ``(v, None)`` pairs, keys both sides have."""
        return (self.map(lambda v: (v, None))
                .cogroup(other.map(lambda v: (v, None)))
                .filter(lambda k_vs: all(k_vs[1]))
                .keys())

    def _as_batches(self):
        """This RDD as the JVM holds it under PySpark: an RDD of record batches (see ``_batch``)."""
        if self._batched_rdd is not None:
            return self._batched_rdd
        n = self._batch
        if n == "auto":
            return self.mapPartitions(_auto_batches)
        if n == 1:
            return self.map(lambda x: [x])

        def chunks(iterator):
            iterator = iter(iterator)
            while True:
                batch = list(islice(iterator, n))
                if not batch:
                    return
                yield batch
        return self.mapPartitions(chunks)

    def cartesian(self, other):
        """PySpark: ``cartesian(other)``: the JVM's ``CartesianRDD`` (partition ``i * m + j``
        pairs partition i with partition j of ``other``) over the two sides' serialized batches,
        each pair of batches expanded as ``itertools.product`` (``CartesianDeserializer``), so the
        order is PySpark's."""
        left, right = self._as_batches(), other._as_batches()
        reply = _gateway.call("rdd.cartesian", rdd=left._jrdd.h, other=right._jrdd.h)
        pairs = RDD(JavaRDD(reply["h"], reply["n"], (left._jrdd, right._jrdd)), self.ctx)
        batches = pairs.map(lambda ab: list(product(_gateway.decode(ab[0]), _gateway.decode(ab[1]))))
        rdd = batches.flatMap(lambda b: b)
        rdd._batched_rdd = batches
        return rdd

    def zip(self, other):
        """PySpark: ``zip(other)``: record i of partition p with record i of partition p of
        ``other`` (the JVM's ``zip``): different partition counts raise ``ValueError`` at once,
        different partition sizes fail the job."""
        if self.getNumPartitions() != other.getNumPartitions():
            raise ValueError("Can only zip with RDD which has the same number of partitions")
        reply = _gateway.call("rdd.zip", rdd=self._jrdd.h, other=other._jrdd.h)
        pairs = RDD(JavaRDD(reply["h"], reply["n"], (self._jrdd, other._jrdd)), self.ctx)
        return pairs.map(lambda ab: (_gateway.decode(ab[0]), _gateway.decode(ab[1])))

    def zipWithIndex(self):
        """PySpark: ``zipWithIndex()``: a job counts the partitions (when there are several), then
        each record gets its partition's start plus its position."""
        starts = [0]
        if self.getNumPartitions() > 1:
            nums = self.mapPartitions(lambda it: [sum(1 for _ in it)]).collect()
            for i in range(len(nums) - 1):
                starts.append(starts[-1] + nums[i])

        def func(k, it):
            for i, v in enumerate(it, starts[k]):
                yield v, i
        return self.mapPartitionsWithIndex(func)

    def zipWithUniqueId(self):
        """PySpark: ``zipWithUniqueId()``: record i of partition k gets ``i * n + k``."""
        n = self.getNumPartitions()

        def func(k, it):
            for i, v in enumerate(it):
                yield v, i * n + k
        return self.mapPartitionsWithIndex(func)

    def groupBy(self, f, numPartitions=None, partitionFunc=portable_hash):
        """PySpark: ``groupBy(f, numPartitions=None, partitionFunc=portable_hash)``."""
        return self.map(lambda x: (f(x), x)).groupByKey(numPartitions, partitionFunc)

    def repartitionAndSortWithinPartitions(self, numPartitions=None, partitionFunc=portable_hash,
                                           ascending=True, keyfunc=lambda x: x):
        """PySpark: ``repartitionAndSortWithinPartitions``: ``partitionBy``, then each partition
        sorted (stably) by ``keyfunc(key)``."""
        if numPartitions is None:
            numPartitions = self._defaultReducePartitions()

        def sortPartition(iterator):
            return iter(sorted(iterator, key=lambda kv: keyfunc(kv[0]), reverse=(not ascending)))
        return self.partitionBy(numPartitions, partitionFunc).mapPartitions(sortPartition, True)

    # --- sampling ---

    def randomSplit(self, weights, seed=None):
        """PySpark: ``randomSplit(weights, seed=None)``: split i keeps the records whose draw from
        ``random.Random(seed ^ partition)`` falls in ``[cw[i], cw[i+1])`` of the normalized
        cumulative weights. Without a seed PySpark draws one at random; here it is the RDD's id,
        so runs repeat."""
        if not all(w >= 0 for w in weights):
            raise ValueError("Weights must be nonnegative")
        s = float(sum(weights))
        if not s > 0:
            raise ValueError("Sum of weights must be positive")
        cweights = [0.0]
        for w in weights:
            cweights.append(cweights[-1] + w / s)
        if seed is None:
            seed = self.id()
        return [self.mapPartitionsWithIndex(_RangeSampler(lb, ub, seed).func, True)
                for lb, ub in zip(cweights, cweights[1:])]

    def takeSample(self, withReplacement, num, seed=None):
        """PySpark: ``takeSample(withReplacement, num, seed=None)``: a sample large enough with
        99.99% probability (``_computeFractionForSampleSize``), retried with new seeds from
        ``random.Random(seed)`` until it is, then shuffled by that generator and cut to ``num``.
        Without a seed PySpark's is random; here it is the RDD's id, so runs repeat."""
        numStDev = 10.0
        maxSampleSize = sys.maxsize - int(numStDev * math.sqrt(sys.maxsize))
        if num < 0:
            raise ValueError("Sample size cannot be negative.")
        elif num > maxSampleSize:
            raise ValueError("Sample size cannot be greater than %d." % maxSampleSize)
        if num == 0 or self.getNumPartitions() == 0:
            return []
        initialCount = self.count()
        if initialCount == 0:
            return []
        if seed is None:
            seed = self.id()
        rand = random.Random(seed)
        if (not withReplacement) and num >= initialCount:
            samples = self.collect()
            rand.shuffle(samples)
            return samples
        fraction = RDD._computeFractionForSampleSize(num, initialCount, withReplacement)
        samples = self.sample(withReplacement, fraction, seed).collect()
        while len(samples) < num:
            seed = rand.randint(0, sys.maxsize)
            samples = self.sample(withReplacement, fraction, seed).collect()
        rand.shuffle(samples)
        return samples[0:num]

    @staticmethod
    def _computeFractionForSampleSize(sampleSizeLowerBound, total, withReplacement):
        """PySpark's (and Spark's ``SamplingUtils``) sampling rate for a sample of at least
        ``sampleSizeLowerBound`` records 99.99% of the time."""
        fraction = float(sampleSizeLowerBound) / total
        if withReplacement:
            numStDev = 5 if sampleSizeLowerBound >= 12 else 9
            return fraction + numStDev * math.sqrt(fraction / total)
        delta = 0.00005
        gamma = -math.log(delta) / total
        return min(1, fraction + gamma + math.sqrt(gamma * gamma + 2 * gamma * fraction))

    def sampleByKey(self, withReplacement, fractions, seed=None):
        """PySpark: ``sampleByKey(withReplacement, fractions, seed=None)`` (``RDDStratifiedSampler``:
        ``sample``'s generator, the fraction of each record's key)."""
        for fraction in fractions.values():
            assert fraction >= 0.0, "Negative fraction value: %s" % fraction
        if seed is None:
            seed = self.id()
        return self.mapPartitionsWithIndex(_Sampler(withReplacement, fractions, seed).stratified, True)

    # --- aggregations and statistics ---

    def aggregate(self, zeroValue, seqOp, combOp):
        """PySpark: ``aggregate(zeroValue, seqOp, combOp)``: ``seqOp`` over each partition from
        its own copy of ``zeroValue`` (PySpark's tasks unpickle their own), ``combOp`` over the
        partitions' results on the driver."""
        def func(iterator):
            acc = copy.deepcopy(zeroValue)
            for obj in iterator:
                acc = seqOp(acc, obj)
            yield acc
        vals = self.mapPartitions(func).collect()
        return reduce(combOp, vals, zeroValue)

    def treeAggregate(self, zeroValue, seqOp, combOp, depth=2):
        """PySpark: ``treeAggregate(zeroValue, seqOp, combOp, depth=2)``: partial aggregates
        combined through ``reduceByKey`` levels of ``scale`` partitions, then ``reduce``."""
        if depth < 1:
            raise ValueError("Depth cannot be smaller than 1 but got %d." % depth)
        if self.getNumPartitions() == 0:
            return zeroValue

        def aggregatePartition(iterator):
            acc = copy.deepcopy(zeroValue)
            for obj in iterator:
                acc = seqOp(acc, obj)
            yield acc

        partiallyAggregated = self.mapPartitions(aggregatePartition)
        numPartitions = partiallyAggregated.getNumPartitions()
        scale = max(int(math.ceil(pow(numPartitions, 1.0 / depth))), 2)
        while numPartitions > scale + numPartitions / scale:
            numPartitions /= scale
            curNumPartitions = int(numPartitions)

            def mapPartition(i, iterator, cur=curNumPartitions):
                for obj in iterator:
                    yield (i % cur, obj)

            partiallyAggregated = (partiallyAggregated.mapPartitionsWithIndex(mapPartition)
                                   .reduceByKey(combOp, curNumPartitions).values())
        return partiallyAggregated.reduce(combOp)

    def treeReduce(self, f, depth=2):
        """PySpark: ``treeReduce(f, depth=2)`` = ``treeAggregate`` with a "no value yet" marker."""
        if depth < 1:
            raise ValueError("Depth cannot be smaller than 1 but got %d." % depth)
        zeroValue = None, True

        def op(x, y):
            if x[1]:
                return y
            elif y[1]:
                return x
            return f(x[0], y[0]), False

        reduced = self.map(lambda x: (x, False)).treeAggregate(zeroValue, op, op, depth)
        if reduced[1]:
            raise ValueError("Cannot reduce empty RDD.")
        return reduced[0]

    def reduceByKeyLocally(self, func):
        """PySpark: ``reduceByKeyLocally(func)``: a dict per partition, merged on the driver."""
        def reducePartition(iterator):
            m = {}
            for k, v in iterator:
                m[k] = func(m[k], v) if k in m else v
            yield m

        def mergeMaps(m1, m2):
            for k, v in m2.items():
                m1[k] = func(m1[k], v) if k in m1 else v
            return m1
        return self.mapPartitions(reducePartition).reduce(mergeMaps)

    def lookup(self, key):
        """PySpark: ``lookup(key)``: the values of ``key``; with a known partitioner only the
        key's partition is computed."""
        values = self.filter(lambda kv: kv[0] == key).values()
        if self.partitioner is not None:
            return self.ctx.runJob(values, lambda x: x, [self.partitioner(key)])
        return values.collect()

    def top(self, num, key=None):
        """PySpark: ``top(num, key=None)``: ``heapq.nlargest`` per partition, merged."""
        def topIterator(iterator):
            yield heapq.nlargest(num, iterator, key=key)

        def merge(a, b):
            return heapq.nlargest(num, a + b, key=key)
        return self.mapPartitions(topIterator).reduce(merge)

    def takeOrdered(self, num, key=None):
        """PySpark: ``takeOrdered(num, key=None)``: ``heapq.nsmallest`` per partition, merged."""
        if num < 0:
            raise ValueError("top N cannot be negative.")
        if num == 0 or self.getNumPartitions() == 0:
            return []

        def merge(a, b):
            return heapq.nsmallest(num, a + b, key)
        return self.mapPartitions(lambda it: [heapq.nsmallest(num, it, key)]).reduce(merge)

    def stats(self):
        """PySpark: ``stats()``: a ``StatCounter`` per partition, merged."""
        return self.mapPartitions(lambda i: [StatCounter(i)]).reduce(lambda a, b: a.mergeStats(b))

    def mean(self):
        return self.stats().mean()

    def variance(self):
        return self.stats().variance()

    def stdev(self):
        return self.stats().stdev()

    def sampleStdev(self):
        return self.stats().sampleStdev()

    def sampleVariance(self):
        return self.stats().sampleVariance()

    def histogram(self, buckets):
        """PySpark: ``histogram(buckets)``: a number of even buckets between the min and max, or
        the given sorted bucket bounds (the last bucket closed); None and NaN are left out."""
        if isinstance(buckets, int):
            if buckets < 1:
                raise ValueError("number of buckets must be >= 1")

            def comparable(x):
                if x is None:
                    return False
                if type(x) is float and math.isnan(x):
                    return False
                return True

            filtered = self.filter(comparable)

            def minmax(a, b):
                return min(a[0], b[0]), max(a[1], b[1])

            try:
                minv, maxv = filtered.map(lambda x: (x, x)).reduce(minmax)
            except TypeError as e:  # as PySpark: reduce's ValueError on no records passes through
                if " empty " in str(e):
                    raise ValueError("can not generate buckets from empty RDD")
                raise
            if minv == maxv or buckets == 1:
                return [minv, maxv], [filtered.count()]
            try:
                inc = (maxv - minv) / buckets
            except TypeError:
                raise TypeError("Can not generate buckets with non-number in RDD")
            if math.isinf(inc):
                raise ValueError("Can not generate buckets with infinite value")
            inc = int(inc)  # integers where they can be
            if inc * buckets != maxv - minv:
                inc = (maxv - minv) * 1.0 / buckets
            buckets = [i * inc + minv for i in range(buckets)]
            buckets.append(maxv)
            even = True
        elif isinstance(buckets, (list, tuple)):
            if len(buckets) < 2:
                raise ValueError("buckets should have more than one value")
            if any(i is None or isinstance(i, float) and math.isnan(i) for i in buckets):
                raise ValueError("can not have None or NaN in buckets")
            if sorted(buckets) != list(buckets):
                raise ValueError("buckets should be sorted")
            if len(set(buckets)) != len(buckets):
                raise ValueError("buckets should not contain duplicated values")
            minv = buckets[0]
            maxv = buckets[-1]
            even = False
            inc = None
            try:
                steps = [buckets[i + 1] - buckets[i] for i in range(len(buckets) - 1)]
            except TypeError:
                pass  # the bounds do not subtract (strings)
            else:
                if max(steps) - min(steps) < 1e-10:
                    even = True
                    inc = (maxv - minv) / (len(buckets) - 1)
        else:
            raise TypeError("buckets should be a list or tuple or number(int or long)")

        def histogram(iterator):
            counters = [0] * len(buckets)
            for i in iterator:
                if i is None or (isinstance(i, float) and math.isnan(i)) or i > maxv or i < minv:
                    continue
                t = int((i - minv) / inc) if even else bisect.bisect_right(buckets, i) - 1
                counters[t] += 1
            last = counters.pop()  # the last bucket is closed: its bound's count joins it
            counters[-1] += last
            return [counters]

        def mergeCounters(a, b):
            return [i + j for i, j in zip(a, b)]

        return buckets, self.mapPartitions(histogram).reduce(mergeCounters)

    def countApprox(self, timeout, confidence=0.95):
        """PySpark: ``countApprox(timeout, confidence=0.95)``: every task finishes at once on the
        virtual clock, so the count is exact."""
        drdd = self.mapPartitions(lambda it: [float(sum(1 for _ in it))])
        return int(drdd.sumApprox(timeout, confidence))

    def sumApprox(self, timeout, confidence=0.95):
        """PySpark: ``sumApprox``: complete, so Spark's final value (confidence 1.0, low = high = sum)."""
        r = float(self.mapPartitions(lambda it: [float(sum(it))]).fold(0.0, operator.add))
        return BoundedFloat(r, 1.0, r, r)

    def meanApprox(self, timeout, confidence=0.95):
        """PySpark: ``meanApprox``: complete, so Spark's final value (confidence 1.0, low = high = mean)."""
        r = float(self.map(float).stats().mean())
        return BoundedFloat(r, 1.0, r, r)

    # --- more actions ---

    def toLocalIterator(self, prefetchPartitions=False):
        """PySpark: ``toLocalIterator(prefetchPartitions=False)``: one job per partition, run as
        the iterator reaches it."""
        for p in range(self.getNumPartitions()):
            for x in self.ctx.runJob(self, lambda it: it, [p]):
                yield x

    def saveAsTextFile(self, path, compressionCodecClass=None):
        """PySpark: ``saveAsTextFile(path)``: ``str`` of each record (bytes as UTF-8), one
        ``part-NNNNN`` file per partition, written by the engine."""
        if compressionCodecClass:
            _refuse("RDD", "saveAsTextFile(path, compressionCodecClass)", "compressed output is not simulated; leave out compressionCodecClass")

        def func(iterator):
            for x in iterator:
                if isinstance(x, bytes):
                    yield x.decode("utf-8")
                elif isinstance(x, str):
                    yield x
                else:
                    yield str(x)
        strings = self.mapPartitions(func)
        _gateway.call("rdd.saveAsTextFile", rdd=strings._jrdd.h, path=str(path))

    # --- names, storage, checkpoints ---

    def name(self):
        """PySpark: ``name()``: the name ``setName`` gave, else None."""
        n = _gateway.call("rdd.name", rdd=self._jrdd.h)
        return n if n else None

    def setName(self, name):
        _gateway.call("rdd.setName", rdd=self._jrdd.h, name=str(name))
        return self

    def getStorageLevel(self):
        """PySpark: ``getStorageLevel()``."""
        from pyspark.storagelevel import StorageLevel
        return getattr(self, "_storage_level", None) or StorageLevel(False, False, False, False, 1)

    def localCheckpoint(self):
        """PySpark: ``localCheckpoint()`` (kept in memory, as every checkpoint here)."""
        _gateway.call("rdd.localCheckpoint", rdd=self._jrdd.h)

    def isLocallyCheckpointed(self):
        return _gateway.call("rdd.isLocallyCheckpointed", rdd=self._jrdd.h)


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

    def _rand(self, split):
        rand = random.Random(self._seed ^ split)
        for _ in range(10):
            rand.randint(0, 1)
        return rand

    def func(self, split, iterator):
        rand = self._rand(split)
        if self._withReplacement:
            for obj in iterator:
                for _ in range(self._poisson(rand, self._fraction)):
                    yield obj
        else:
            for obj in iterator:
                if rand.random() < self._fraction:
                    yield obj

    def stratified(self, split, iterator):
        """PySpark: ``RDDStratifiedSampler.func``: the fraction is that of the record's key."""
        rand = self._rand(split)
        fractions = self._fraction
        if self._withReplacement:
            for key, val in iterator:
                for _ in range(self._poisson(rand, fractions[key])):
                    yield key, val
        else:
            for key, val in iterator:
                if rand.random() < fractions[key]:
                    yield key, val


class _RangeSampler(_Sampler):
    """PySpark: ``rddsampler.RDDRangeSampler`` (``randomSplit``): a record stays when its draw
    falls in ``[lowerBound, upperBound)``."""

    def __init__(self, lowerBound, upperBound, seed):
        _Sampler.__init__(self, False, None, seed)
        self._lowerBound = lowerBound
        self._upperBound = upperBound

    def func(self, split, iterator):
        rand = self._rand(split)
        for obj in iterator:
            if self._lowerBound <= rand.random() < self._upperBound:
                yield obj


def _auto_batches(iterator):
    """PySpark's ``AutoBatchedSerializer``: batches of 1, 2, 4, … records, doubled while a pickled
    batch is under 64 KiB (halved over 640 KiB)."""
    batch, best = 1, 1 << 16
    iterator = iter(iterator)
    while True:
        vs = list(islice(iterator, batch))
        if not vs:
            return
        yield vs
        size = len(pickle.dumps(vs, pickle.HIGHEST_PROTOCOL))
        if size < best:
            batch *= 2
        elif size > best * 10 and batch > 1:
            batch //= 2


def _refuse(owner, name, reason):
    raise NotImplementedError("%s.%s is not supported by dstream-sim (%s)" % (owner, name, reason))


def _not_supported(owner, name, reason):
    """A PySpark method dstream-sim does not offer: calling it raises ``NotImplementedError``
    naming it and why (a misspelt name still raises ``AttributeError``)."""
    def stub(self, *args, **kwargs):
        _refuse(owner, name, reason)
    stub.__name__ = name
    stub.__qualname__ = "%s.%s" % (owner, name)
    stub.__doc__ = "PySpark: ``%s.%s`` — not supported by dstream-sim: %s." % (owner, name, reason)
    return stub


_HADOOP = "it writes a Hadoop OutputFormat; use saveAsTextFile"
_UNSUPPORTED_RDD_METHODS = {
    "pipe": "it runs an external command on each partition; use mapPartitions with a Python function",
    "saveAsHadoopFile": _HADOOP,
    "saveAsHadoopDataset": _HADOOP,
    "saveAsNewAPIHadoopFile": _HADOOP,
    "saveAsNewAPIHadoopDataset": _HADOOP,
    "saveAsSequenceFile": "it writes a Hadoop SequenceFile; use saveAsTextFile",
    "saveAsPickleFile": "it writes a Hadoop SequenceFile of pickles; use saveAsTextFile",
    "toDF": "Spark SQL (DataFrames) is not simulated",
    "barrier": "barrier execution mode needs a cluster scheduler",
    "withResources": "resource profiles need a cluster manager",
    "getResourceProfile": "resource profiles need a cluster manager",
    "countApproxDistinct": "Spark's HyperLogLog++ estimate is not reproduced; use distinct().count()",
    "collectWithJobGroup": "job groups are not simulated; use collect",
    "cleanShuffleDependencies": "shuffle files are not simulated",
    "getCheckpointFile": "checkpoints are kept in memory, no checkpoint file is written",
    "toDebugString": "the engine's lineage is not Spark's RDD classes and call sites",
}

for _name, _reason in _UNSUPPORTED_RDD_METHODS.items():
    setattr(RDD, _name, _not_supported("RDD", _name, _reason))


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
        self._batch = "auto"
        self._batched_rdd = None

    def getNumPartitions(self):
        return self._prev_jrdd.n

    @property
    def _jrdd(self):
        if self._jrdd_val is None:
            fid = _gateway.register(self.func)
            reply = _gateway.call("rdd.pipe", rdd=self._prev_jrdd.h, f=fid, pp=self.preservesPartitioning)
            self._jrdd_val = JavaRDD(reply["h"], reply["n"], (self._prev_jrdd,), fid)
            self._jrdd_val.remember_batching("auto")
        return self._jrdd_val

    def _is_pipelinable(self):
        return not (self.is_cached or self.is_checkpointed or self.has_resource_profile)
