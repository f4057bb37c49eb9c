"""PySpark: ``pyspark.streaming.dstream`` — DStream operations as PySpark defines them: nearly
all are ``transform`` (one engine ``PythonTransformedDStream`` per chain of them, the functions
composed in Python); windows, state and output operations are the engine's own kinds."""
import operator
from itertools import chain

from pyspark import _gateway
from pyspark.rdd import portable_hash
from pyspark.resultiterable import ResultIterable
from pyspark.storagelevel import StorageLevel

__all__ = ["DStream"]


class _JavaDStream:
    """A handle to an engine DStream (PySpark: the py4j ``JavaDStream`` proxy)."""

    def __init__(self, reply):
        self.h = reply["h"]
        self.slideMs = reply["slideMs"]


class DStream:
    """PySpark: ``DStream``."""

    def __init__(self, jdstream, ssc, jrdd_deserializer=None):
        self._jdstream_val = jdstream
        self._ssc = ssc
        self._sc = ssc._sc
        self.is_cached = False
        self.is_checkpointed = False

    @property
    def _jdstream(self):
        return self._jdstream_val

    @property
    def _slideDuration(self):
        return self._jdstream.slideMs / 1000.0

    def context(self):
        """PySpark: ``context()``."""
        return self._ssc

    def count(self):
        return self.mapPartitions(lambda i: [sum(1 for _ in i)]).reduce(operator.add)

    def filter(self, f):
        def func(iterator):
            return filter(f, iterator)
        return self.mapPartitions(func, True)._named("filter")

    def flatMap(self, f, preservesPartitioning=False):
        def func(s, iterator):
            return chain.from_iterable(map(f, iterator))
        return self.mapPartitionsWithIndex(func, preservesPartitioning)._named("flatMap")

    def map(self, f, preservesPartitioning=False):
        def func(iterator):
            return map(f, iterator)
        return self.mapPartitions(func, preservesPartitioning)._named("map")

    def mapPartitions(self, f, preservesPartitioning=False):
        def func(s, iterator):
            return f(iterator)
        return self.mapPartitionsWithIndex(func, preservesPartitioning)._named("mapPartitions")

    def mapPartitionsWithIndex(self, f, preservesPartitioning=False):
        return self.transform(lambda rdd: rdd.mapPartitionsWithIndex(f, preservesPartitioning))._named("mapPartitionsWithIndex")

    def reduce(self, func):
        return self.map(lambda x: (None, x)).reduceByKey(func, 1).map(lambda x: x[1])._named("reduce")

    def reduceByKey(self, func, numPartitions=None):
        if numPartitions is None:
            numPartitions = self._sc.defaultParallelism
        return self.combineByKey(lambda x: x, func, func, numPartitions)._named("reduceByKey")

    def combineByKey(self, createCombiner, mergeValue, mergeCombiners, numPartitions=None):
        if numPartitions is None:
            numPartitions = self._sc.defaultParallelism

        def func(rdd):
            return rdd.combineByKey(createCombiner, mergeValue, mergeCombiners, numPartitions)
        return self.transform(func)._named("combineByKey")

    def partitionBy(self, numPartitions, partitionFunc=portable_hash):
        return self.transform(lambda rdd: rdd.partitionBy(numPartitions, partitionFunc))._named("partitionBy")

    def foreachRDD(self, func):
        """PySpark: ``foreachRDD(func)``; ``func(rdd)`` or ``func(time, rdd)``."""
        if func.__code__.co_argcount == 1:
            old_func = func

            def func(_, rdd):
                return old_func(rdd)
        _gateway.call("ds.foreachRDD", ds=self._jdstream.h, f=_gateway.register(func))

    def pprint(self, num=10):
        """PySpark: ``pprint(num=10)`` — the first ``num`` records of each RDD, each as
        ``print(record)`` prints it, under ``Time: <batch time>``."""
        _gateway.call("ds.pprint", ds=self._jdstream.h, num=int(num))

    def mapValues(self, f):
        def map_values_fn(kv):
            return kv[0], f(kv[1])
        return self.map(map_values_fn, preservesPartitioning=True)._named("mapValues")

    def flatMapValues(self, f):
        def flat_map_fn(kv):
            return ((kv[0], x) for x in f(kv[1]))
        return self.flatMap(flat_map_fn, preservesPartitioning=True)._named("flatMapValues")

    def glom(self):
        def func(iterator):
            yield list(iterator)
        return self.mapPartitions(func)._named("glom")

    def cache(self):
        self.is_cached = True
        self.persist(StorageLevel.MEMORY_ONLY)
        return self

    def persist(self, storageLevel):
        self.is_cached = True
        _gateway.call("ds.persist", ds=self._jdstream.h, level=storageLevel._engine_name())
        return self

    def checkpoint(self, interval):
        self.is_checkpointed = True
        _gateway.call("ds.checkpoint", ds=self._jdstream.h, seconds=interval)
        return self

    def groupByKey(self, numPartitions=None):
        if numPartitions is None:
            numPartitions = self._sc.defaultParallelism
        return self.transform(lambda rdd: rdd.groupByKey(numPartitions))._named("groupByKey")

    def countByValue(self):
        return self.map(lambda x: (x, 1)).reduceByKey(lambda x, y: x + y)._named("countByValue")

    def saveAsTextFiles(self, prefix, suffix=None):
        """PySpark: ``saveAsTextFiles(prefix, suffix=None)``."""
        _gateway.call("ds.saveAsTextFiles", ds=self._jdstream.h, prefix=prefix, suffix=suffix)

    def transform(self, func):
        """PySpark: ``transform(func)``; ``func(rdd)`` or ``func(time, rdd)``."""
        if func.__code__.co_argcount == 1:
            oldfunc = func

            def func(t, rdd):
                return oldfunc(rdd)
        assert func.__code__.co_argcount == 2, "func should take one or two arguments"
        return TransformedDStream(self, func)

    def transformWith(self, func, other, keepSerializer=False):
        """PySpark: ``transformWith(func, other)``; ``func(a, b)`` or ``func(time, a, b)``."""
        if func.__code__.co_argcount == 2:
            oldfunc = func

            def func(t, a, b):
                return oldfunc(a, b)
        assert func.__code__.co_argcount == 3, "func should take two or three arguments"
        reply = _gateway.call("ds.transform", parents=[self._jdstream.h, other._jdstream.h], f=_gateway.register(func), name="transformWith")
        return DStream(_JavaDStream(reply), self._ssc)

    def repartition(self, numPartitions):
        return self.transform(lambda rdd: rdd.repartition(numPartitions))._named("repartition")

    def union(self, other):
        if self._slideDuration != other._slideDuration:
            raise ValueError("the two DStream should have same slide duration")
        return self.transformWith(lambda a, b: a.union(b), other, True)

    def cogroup(self, other, numPartitions=None):
        if numPartitions is None:
            numPartitions = self._sc.defaultParallelism
        return self.transformWith(lambda a, b: a.cogroup(b, numPartitions), other)

    def join(self, other, numPartitions=None):
        if numPartitions is None:
            numPartitions = self._sc.defaultParallelism
        return self.transformWith(lambda a, b: a.join(b, numPartitions), other)

    def leftOuterJoin(self, other, numPartitions=None):
        if numPartitions is None:
            numPartitions = self._sc.defaultParallelism
        return self.transformWith(lambda a, b: a.leftOuterJoin(b, numPartitions), other)

    def rightOuterJoin(self, other, numPartitions=None):
        if numPartitions is None:
            numPartitions = self._sc.defaultParallelism
        return self.transformWith(lambda a, b: a.rightOuterJoin(b, numPartitions), other)

    def fullOuterJoin(self, other, numPartitions=None):
        if numPartitions is None:
            numPartitions = self._sc.defaultParallelism
        return self.transformWith(lambda a, b: a.fullOuterJoin(b, numPartitions), other)

    def _validate_window_param(self, window, slide):
        duration = self._jdstream.slideMs
        if int(window * 1000) % duration != 0:
            raise ValueError(
                "windowDuration must be multiple of the parent dstream's slide (batch) duration (%d ms)" % duration)
        if slide and int(slide * 1000) % duration != 0:
            raise ValueError(
                "slideDuration must be multiple of the parent dstream's slide (batch) duration (%d ms)" % duration)

    def window(self, windowDuration, slideDuration=None):
        """PySpark: ``window(windowDuration, slideDuration=None)`` (seconds)."""
        self._validate_window_param(windowDuration, slideDuration)
        reply = _gateway.call("ds.window", ds=self._jdstream.h, w=windowDuration, s=slideDuration)
        return DStream(_JavaDStream(reply), self._ssc)

    def reduceByWindow(self, reduceFunc, invReduceFunc, windowDuration, slideDuration):
        keyed = self.map(lambda x: (1, x))
        reduced = keyed.reduceByKeyAndWindow(reduceFunc, invReduceFunc, windowDuration, slideDuration, 1)
        return reduced.map(lambda kv: kv[1])

    def countByWindow(self, windowDuration, slideDuration):
        return self.map(lambda x: 1).reduceByWindow(operator.add, operator.sub, windowDuration, slideDuration)

    def countByValueAndWindow(self, windowDuration, slideDuration, numPartitions=None):
        keyed = self.map(lambda x: (x, 1))
        counted = keyed.reduceByKeyAndWindow(operator.add, operator.sub, windowDuration, slideDuration, numPartitions)
        return counted.filter(lambda kv: kv[1] > 0)

    def groupByKeyAndWindow(self, windowDuration, slideDuration, numPartitions=None):
        ls = self.mapValues(lambda x: [x])
        grouped = ls.reduceByKeyAndWindow(
            lambda a, b: a.extend(b) or a, lambda a, b: a[len(b):], windowDuration, slideDuration, numPartitions)
        return grouped.mapValues(ResultIterable)

    def reduceByKeyAndWindow(self, func, invFunc, windowDuration, slideDuration=None, numPartitions=None, filterFunc=None):
        """PySpark: ``reduceByKeyAndWindow(func, invFunc, windowDuration, slideDuration=None,
        numPartitions=None, filterFunc=None)``."""
        self._validate_window_param(windowDuration, slideDuration)
        if numPartitions is None:
            numPartitions = self._sc.defaultParallelism

        reduced = self.reduceByKey(func, numPartitions)

        if invFunc:
            def reduceFunc(t, a, b):
                b = b.reduceByKey(func, numPartitions)
                r = a.union(b).reduceByKey(func, numPartitions) if a else b
                if filterFunc:
                    r = r.filter(filterFunc)
                return r

            def invReduceFunc(t, a, b):
                b = b.reduceByKey(func, numPartitions)
                joined = a.leftOuterJoin(b, numPartitions)
                return joined.mapValues(lambda kv: invFunc(kv[0], kv[1]) if kv[1] is not None else kv[0])

            if slideDuration is None:
                slideDuration = self._slideDuration
            reply = _gateway.call(
                "ds.reducedWindowed", ds=reduced._jdstream.h,
                f=_gateway.register(reduceFunc), inv=_gateway.register(invReduceFunc),
                wMs=int(windowDuration * 1000), sMs=int(slideDuration * 1000))
            return DStream(_JavaDStream(reply), self._ssc)
        else:
            return reduced.window(windowDuration, slideDuration).reduceByKey(func, numPartitions)

    def updateStateByKey(self, updateFunc, numPartitions=None, initialRDD=None):
        """PySpark: ``updateStateByKey(updateFunc, numPartitions=None, initialRDD=None)``."""
        from pyspark.rdd import RDD

        if numPartitions is None:
            numPartitions = self._sc.defaultParallelism

        if initialRDD and not isinstance(initialRDD, RDD):
            initialRDD = self._sc.parallelize(initialRDD)

        def reduceFunc(t, a, b):
            if a is None:
                g = b.groupByKey(numPartitions).mapValues(lambda vs: (list(vs), None))
            else:
                g = a.cogroup(b.partitionBy(numPartitions), numPartitions)
                g = g.mapValues(lambda ab: (list(ab[1]), list(ab[0])[0] if len(ab[0]) else None))
            state = g.mapValues(lambda vs_s: updateFunc(vs_s[0], vs_s[1]))
            return state.filter(lambda k_v: k_v[1] is not None)

        reply = _gateway.call(
            "ds.updateStateByKey", ds=self._jdstream.h, f=_gateway.register(reduceFunc), n=numPartitions,
            initial=initialRDD._jrdd.h if initialRDD else None)
        return DStream(_JavaDStream(reply), self._ssc)

    def _named(self, name):
        if isinstance(self, TransformedDStream) and self._jdstream_val is None:
            self._name = name
        return self


class TransformedDStream(DStream):
    """PySpark: ``TransformedDStream`` — consecutive transforms compose into one function, made an
    engine ``PythonTransformedDStream`` only when something uses it."""

    def __init__(self, prev, func):
        self._ssc = prev._ssc
        self._sc = self._ssc._sc
        self.is_cached = False
        self.is_checkpointed = False
        self._jdstream_val = None
        self._name = "transform"
        if isinstance(prev, TransformedDStream) and not prev.is_cached and not prev.is_checkpointed:
            prev_func = prev.func
            self.func = lambda t, rdd: func(t, prev_func(t, rdd))
            self.prev = prev.prev
        else:
            self.prev = prev
            self.func = func

    @property
    def _jdstream(self):
        if self._jdstream_val is not None:
            return self._jdstream_val
        reply = _gateway.call("ds.transform", parents=[self.prev._jdstream.h], f=_gateway.register(self.func), name=self._name)
        self._jdstream_val = _JavaDStream(reply)
        return self._jdstream_val

    @property
    def _slideDuration(self):
        return self.prev._slideDuration
