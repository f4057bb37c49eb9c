"""PySpark: ``pyspark.context.SparkContext``, on the simulator's engine."""
import inspect
import os
import threading

from pyspark import _gateway
from pyspark.accumulators import (
    Accumulator, COMPLEX_ACCUMULATOR_PARAM, FLOAT_ACCUMULATOR_PARAM, INT_ACCUMULATOR_PARAM)
from pyspark.broadcast import Broadcast
from pyspark.conf import SparkConf
from pyspark.rdd import RDD, JavaRDD, _not_supported

__all__ = ["SparkContext"]


def _first_user_frame():
    for f in inspect.stack()[2:]:
        if not os.path.abspath(f.filename).startswith(_gateway._PKG_ROOT + os.sep):
            return f
    return None


class SparkContext:
    """PySpark: ``SparkContext(master=None, appName=None, …, conf=None)``. Without a master (as
    under spark-submit) it runs on ``local[*]``."""

    _active_spark_context = None
    _lock = threading.RLock()
    _next_accum_id = 0

    def __init__(self, master=None, appName=None, sparkHome=None, pyFiles=None, environment=None,
                 batchSize=0, serializer=None, conf=None, gateway=None, jsc=None, profiler_cls=None,
                 udf_profiler_cls=None, memory_profiler_cls=None):
        with SparkContext._lock:
            active = SparkContext._active_spark_context
            if active is not None:
                raise ValueError(
                    "Cannot run multiple SparkContexts at once; existing SparkContext(app=%s, master=%s)"
                    " created by %s at %s:%s "
                    % (active.appName, active.master, active._callsite[0], active._callsite[1], active._callsite[2]))
            frame = _first_user_frame()
            self._callsite = (frame.function, frame.filename, frame.lineno) if frame else ("__init__", "?", 0)
            self._conf = SparkConf()
            if conf is not None:
                for k, v in conf.getAll():
                    self._conf.set(k, v)
            if master:
                self._conf.setMaster(master)
            if appName:
                self._conf.setAppName(appName)
            if sparkHome:
                self._conf.setSparkHome(sparkHome)
            for k, v in (environment or {}).items():
                self._conf.setExecutorEnv(k, v)
            self._batchSize = batchSize
            reply = _gateway.call("sc.new", conf=self._conf.getAll())
            self._jsc = reply["h"]
            self._defaultParallelism = reply["defaultParallelism"]
            self.appName = reply["appName"]
            self.master = reply["master"]
            self._conf.setIfMissing("spark.master", self.master)
            self._conf.setIfMissing("spark.app.name", self.appName)
            self.environment = environment or {}
            self.pythonExec = "python3"
            SparkContext._active_spark_context = self

    def __repr__(self):
        return "<SparkContext master=%s appName=%s>" % (self.master, self.appName)

    def __enter__(self):
        return self

    def __exit__(self, type, value, trace):
        self.stop()

    @classmethod
    def getOrCreate(cls, conf=None):
        """PySpark: ``SparkContext.getOrCreate(conf=None)``."""
        with SparkContext._lock:
            if SparkContext._active_spark_context is None:
                SparkContext(conf=conf or SparkConf())
            return SparkContext._active_spark_context

    @property
    def version(self):
        return "3.5.0"

    @property
    def defaultParallelism(self):
        return self._defaultParallelism

    @property
    def defaultMinPartitions(self):
        return min(self.defaultParallelism, 2)

    @property
    def startTime(self):
        return 0

    @property
    def applicationId(self):
        return "local-0"

    def getConf(self):
        conf = SparkConf()
        conf.setAll(self._conf.getAll())
        return conf

    def setLogLevel(self, logLevel):
        """PySpark: ``setLogLevel`` (the simulator logs nothing, so it only accepts the call)."""

    def setCheckpointDir(self, dirName):
        _gateway.call("sc.setCheckpointDir", sc=self._jsc, dir=dirName)

    def stop(self):
        """PySpark: ``stop()``."""
        if self._jsc is not None:
            _gateway.call("sc.stop", sc=self._jsc)
        with SparkContext._lock:
            if SparkContext._active_spark_context is self:
                SparkContext._active_spark_context = None

    def _checkStopped(self):
        pass

    def parallelize(self, c, numSlices=None):
        """PySpark: ``parallelize(c, numSlices=None)``, batched and sliced as PySpark does."""
        numSlices = int(numSlices) if numSlices is not None else self.defaultParallelism
        if isinstance(c, range):
            size = len(c)
            if size == 0:
                return self.parallelize([], numSlices)
            step = c[1] - c[0] if size > 1 else 1
            start0 = c[0]

            def getStart(split):
                return start0 + int((split * size / numSlices)) * step

            def f(split, iterator):
                return range(getStart(split), getStart(split + 1), step)

            return self.parallelize([], numSlices).mapPartitionsWithIndex(f)
        if "__len__" not in dir(c):
            c = list(c)
        c = list(c)
        batchSize = max(1, min(len(c) // numSlices, self._batchSize or 1024))
        batches = [c[i:i + batchSize] for i in range(0, len(c), batchSize)]
        parts = []
        n = len(batches)
        for i in range(numSlices):
            start = (i * n) // numSlices
            end = ((i + 1) * n) // numSlices
            parts.append([x for b in batches[start:end] for x in b])
        # Records nothing can change stay here too: a function piped over this RDD reads them
        # here instead of the engine sending them back (same records, one transfer fewer).
        hold = all(_gateway.immutable(x) for x in c)
        reply = _gateway.call("sc.parallelizePartitions", sc=self._jsc, parts=[[_gateway.encode(x) for x in p] for p in parts], hold=hold)
        if hold:
            _gateway.hold(reply["c"], parts)
        rdd = RDD(JavaRDD(reply["h"], reply["n"]), self)
        rdd._batch = batchSize  # BatchedSerializer(batchSize): what cartesian pairs up
        rdd._jrdd.remember_batching(batchSize)
        return rdd

    def range(self, start, end=None, step=1, numSlices=None):
        """PySpark: ``range(start, end=None, step=1, numSlices=None)``."""
        if end is None:
            end = start
            start = 0
        return self.parallelize(range(start, end, step), numSlices)

    def textFile(self, name, minPartitions=None, use_unicode=True):
        """PySpark: ``textFile(name, minPartitions=None, use_unicode=True)``: the lines of a file,
        a directory's files or a comma-separated list of paths (relative ones to the run's
        directory), in Hadoop's splits; ``use_unicode=False`` gives UTF-8 ``bytes``."""
        minPartitions = minPartitions or min(self.defaultParallelism, 2)
        reply = _gateway.call("sc.textFile", sc=self._jsc, path=str(name), minPartitions=int(minPartitions))
        rdd = RDD(JavaRDD(reply["h"], reply["n"]), self)
        return rdd if use_unicode else rdd.map(lambda s: s.encode("utf-8"))

    def wholeTextFiles(self, path, minPartitions=None, use_unicode=True):
        """PySpark: ``wholeTextFiles(path, minPartitions=None, use_unicode=True)``: one
        ``(file:<absolute path>, content)`` pair per file."""
        minPartitions = minPartitions or self.defaultMinPartitions
        reply = _gateway.call("sc.wholeTextFiles", sc=self._jsc, path=str(path), minPartitions=int(minPartitions))
        rdd = RDD(JavaRDD(reply["h"], reply["n"]), self)
        if use_unicode:
            return rdd.map(tuple)
        return rdd.map(lambda kv: (kv[0].encode("utf-8"), kv[1].encode("utf-8")))

    def emptyRDD(self):
        reply = _gateway.call("sc.emptyRDD", sc=self._jsc)
        return RDD(JavaRDD(reply["h"], reply["n"]), self)

    def union(self, rdds):
        """PySpark: ``union(rdds)``."""
        reply = _gateway.call("sc.union", sc=self._jsc, rdds=[r._jrdd.h for r in rdds])
        rdd = RDD(JavaRDD(reply["h"], reply["n"], [r._jrdd for r in rdds]), self)
        batches = set(r._batch if r._batched_rdd is None else None for r in rdds)
        rdd._batch = batches.pop() if len(batches) == 1 and None not in batches else "auto"
        rdd._jrdd.remember_batching(rdd._batch)
        first = rdds[0].partitioner if rdds else None
        if first is not None and all(r.partitioner == first for r in rdds) and rdd.getNumPartitions() == first.numPartitions:
            rdd.partitioner = first
        return rdd

    def accumulator(self, value, accum_param=None):
        """PySpark: ``accumulator(value, accum_param=None)`` (driver-side here)."""
        if accum_param is None:
            if isinstance(value, int):
                accum_param = INT_ACCUMULATOR_PARAM
            elif isinstance(value, float):
                accum_param = FLOAT_ACCUMULATOR_PARAM
            elif isinstance(value, complex):
                accum_param = COMPLEX_ACCUMULATOR_PARAM
            else:
                raise TypeError("No default accumulator param for type %s" % type(value))
        SparkContext._next_accum_id += 1
        return Accumulator(SparkContext._next_accum_id - 1, value, accum_param)

    def broadcast(self, value):
        """PySpark: ``broadcast(value)``."""
        return Broadcast(self, value)

    def runJob(self, rdd, partitionFunc, partitions=None, allowLocal=False):
        """PySpark: ``runJob(rdd, partitionFunc, partitions=None, allowLocal=False)``:
        ``partitionFunc`` over the given partitions only (all by default), their results in
        partition order."""
        if partitions is None:
            partitions = range(rdd.getNumPartitions())
        mapped = rdd.mapPartitions(partitionFunc)
        parts = _gateway.call("rdd.collectPartitions", rdd=mapped._jrdd.h, parts=[int(p) for p in partitions])
        return [_gateway.decode(w) for part in parts for w in part]

    # Driver-side bookkeeping PySpark offers; nothing here runs concurrently, so it only records.

    def setLocalProperty(self, key, value):
        self._local_properties()[key] = value

    def getLocalProperty(self, key):
        return self._local_properties().get(key)

    def _local_properties(self):
        if not hasattr(self, "_props"):
            self._props = {}
        return self._props

    def setJobGroup(self, groupId, description, interruptOnCancel=False):
        self.setLocalProperty("spark.jobGroup.id", groupId)
        self.setLocalProperty("spark.job.description", description)

    def setJobDescription(self, value):
        self.setLocalProperty("spark.job.description", value)

    def setInterruptOnCancel(self, interruptOnCancel):
        pass

    @property
    def resources(self):
        """PySpark: ``resources``: local mode has none."""
        return {}


_HADOOP_INPUT = "it reads through a Hadoop InputFormat; use textFile or wholeTextFiles"
_UNSUPPORTED_CONTEXT_METHODS = {
    "addFile": "files are not shipped to executors (one process runs everything); open the path directly",
    "addPyFile": "modules are not shipped to executors (one process runs everything); import them directly",
    "addArchive": "archives are not shipped to executors (one process runs everything)",
    "listFiles": "files are not shipped to executors (one process runs everything)",
    "listArchives": "archives are not shipped to executors (one process runs everything)",
    "hadoopFile": _HADOOP_INPUT,
    "hadoopRDD": _HADOOP_INPUT,
    "newAPIHadoopFile": _HADOOP_INPUT,
    "newAPIHadoopRDD": _HADOOP_INPUT,
    "sequenceFile": "it reads a Hadoop SequenceFile; use textFile",
    "pickleFile": "it reads a Hadoop SequenceFile of pickles; use textFile",
    "binaryFiles": "binary input is not simulated; use wholeTextFiles",
    "binaryRecords": "binary input is not simulated; use textFile",
    "statusTracker": "the simulator has no Spark UI or status store; use a StreamingListener",
    "cancelJobGroup": "jobs run to completion at one virtual instant; nothing can be cancelled",
    "cancelJobsWithTag": "jobs run to completion at one virtual instant; nothing can be cancelled",
    "cancelAllJobs": "jobs run to completion at one virtual instant; nothing can be cancelled",
    "addJobTag": "job tags are not simulated",
    "removeJobTag": "job tags are not simulated",
    "getJobTags": "job tags are not simulated",
    "clearJobTags": "job tags are not simulated",
    "show_profiles": "Python profiling is not simulated",
    "dump_profiles": "Python profiling is not simulated",
    "sparkUser": "the simulator has no Hadoop user",
    "getCheckpointDir": "Spark names a random subdirectory of the checkpoint directory; the simulator keeps checkpoints in memory",
}

for _name, _reason in _UNSUPPORTED_CONTEXT_METHODS.items():
    setattr(SparkContext, _name, _not_supported("SparkContext", _name, _reason))


def _ui_web_url(self):
    from pyspark.rdd import _refuse
    _refuse("SparkContext", "uiWebUrl", "the simulator has no Spark UI")


SparkContext.uiWebUrl = property(_ui_web_url)
SparkContext.setSystemProperty = classmethod(_not_supported("SparkContext", "setSystemProperty", "JVM system properties are not simulated; use SparkConf"))
