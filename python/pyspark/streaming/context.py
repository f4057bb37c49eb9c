"""PySpark: ``pyspark.streaming.context.StreamingContext`` on dstream-sim's engine."""
from pyspark import _gateway
from pyspark.context import SparkContext
from pyspark.rdd import RDD
from pyspark.storagelevel import StorageLevel
from pyspark.streaming.dstream import DStream, _JavaDStream

__all__ = ["StreamingContext"]


class StreamingContext:
    """PySpark: ``StreamingContext(sparkContext, batchDuration=None, jssc=None)``. Lifecycle
    refusals of the engine (e.g. starting a stopped context) raise ``Py4JJavaError`` with Spark's
    message, as they do in PySpark."""

    _activeContext = None

    def __init__(self, sparkContext, batchDuration=None, jssc=None):
        self._sc = sparkContext
        self._jvm = None
        self._listeners = []
        if jssc is not None:
            self._jssc = jssc
        else:
            reply = _gateway.call("ssc.new", sc=sparkContext._jsc, batch=batchDuration)
            self._jssc = reply["h"]
            self._batchMs = reply["batchMs"]

    @classmethod
    def getOrCreate(cls, checkpointPath, setupFunc):
        """PySpark: ``getOrCreate(checkpointPath, setupFunc)``. Without a checkpoint in the path:
        ``setupFunc()``, then ``ssc.checkpoint(checkpointPath)``. With one, PySpark rebuilds the
        context from it and re-registers the pickled functions without calling ``setupFunc``; here
        the functions are rebuilt by running ``setupFunc`` in rebuild mode (what it prints is not
        shown) and the checkpoint's state and pending batches are put onto the graph it built.
        Unreadable checkpoint files raise Spark's "Failed to read checkpoint from directory"."""
        if not _gateway.call("ssc.checkpointPresent", dir=checkpointPath):
            ssc = setupFunc()
            ssc.checkpoint(checkpointPath)
            return ssc
        _gateway.call("ssc.rebuild", begin=True)
        try:
            ssc = setupFunc()
        finally:
            _gateway.call("ssc.rebuild", begin=False)
        _gateway.call("ssc.recover", ssc=ssc._jssc, dir=checkpointPath)
        return ssc

    @classmethod
    def getActive(cls):
        """PySpark: ``getActive()``."""
        active = cls._activeContext
        if active is not None:
            h = _gateway.call("ssc.getActive")
            if h is None:
                cls._activeContext = None
            elif h != active._jssc:
                cls._activeContext = None
                raise Exception(
                    "JVM's active JavaStreamingContext is not the JavaStreamingContext "
                    "backing the action Python StreamingContext. This is unexpected.")
        return cls._activeContext

    @classmethod
    def getActiveOrCreate(cls, checkpointPath, setupFunc):
        """PySpark: ``getActiveOrCreate(checkpointPath, setupFunc)``."""
        if setupFunc is None:
            raise TypeError("setupFunc cannot be None")
        activeContext = cls.getActive()
        if activeContext is not None:
            return activeContext
        elif checkpointPath is not None:
            return cls.getOrCreate(checkpointPath, setupFunc)
        else:
            return setupFunc()

    @property
    def sparkContext(self):
        return self._sc

    def start(self):
        """PySpark: ``start()``."""
        _gateway.call("ssc.start", ssc=self._jssc)
        StreamingContext._activeContext = self

    def awaitTermination(self, timeout=None):
        """PySpark: ``awaitTermination(timeout=None)`` — virtual time passes while it waits."""
        if timeout is None:
            _gateway.call("ssc.awaitTermination", ssc=self._jssc, timeout=None)
        else:
            _gateway.call("ssc.awaitTerminationOrTimeout", ssc=self._jssc, timeout=int(timeout * 1000) / 1000)

    def awaitTerminationOrTimeout(self, timeout):
        """PySpark: ``awaitTerminationOrTimeout(timeout)``."""
        return _gateway.call("ssc.awaitTerminationOrTimeout", ssc=self._jssc, timeout=int(timeout * 1000) / 1000)

    def stop(self, stopSparkContext=True, stopGraceFully=False):
        """PySpark: ``stop(stopSparkContext=True, stopGraceFully=False)``."""
        _gateway.call("ssc.stop", ssc=self._jssc, stopSc=bool(stopSparkContext), graceful=bool(stopGraceFully))
        StreamingContext._activeContext = None
        if stopSparkContext:
            self._sc.stop()

    def remember(self, duration):
        """PySpark: ``remember(duration)`` (seconds)."""
        _gateway.call("ssc.remember", ssc=self._jssc, seconds=duration)

    def checkpoint(self, directory):
        """PySpark: ``checkpoint(directory)``."""
        _gateway.call("ssc.checkpoint", ssc=self._jssc, dir=directory)

    def socketTextStream(self, hostname, port, storageLevel=StorageLevel.MEMORY_AND_DISK_2):
        """PySpark: ``socketTextStream(hostname, port, storageLevel)`` (served by the timeline)."""
        return DStream(_JavaDStream(_gateway.call("ssc.socketTextStream", ssc=self._jssc, host=hostname, port=int(port))), self)

    def textFileStream(self, directory):
        """PySpark: ``textFileStream(directory)``; the directory may be a Hadoop glob (``logs/*/``)."""
        return DStream(_JavaDStream(_gateway.call("ssc.textFileStream", ssc=self._jssc, dir=directory)), self)

    def binaryRecordsStream(self, directory, recordLength):
        """PySpark: ``binaryRecordsStream(directory, recordLength)``: each new file cut into
        ``bytes`` records of ``recordLength`` bytes (PySpark's ``NoOpSerializer``)."""
        return DStream(_JavaDStream(_gateway.call("ssc.binaryRecordsStream", ssc=self._jssc, dir=directory,
                                                  recordLength=recordLength)), self)

    def queueStream(self, rdds, oneAtATime=True, default=None):
        """PySpark: ``queueStream(rdds, oneAtATime=True, default=None)``: lists become RDDs
        (``parallelize``); the list is copied, so later changes to it are not seen."""
        if default and not isinstance(default, RDD):
            default = self._sc.parallelize(default)
        if not rdds and default:
            rdds = [rdds]
        if rdds and not isinstance(rdds[0], RDD):
            rdds = [self._sc.parallelize(input) for input in rdds]
        handles = [r._jrdd.h for r in rdds]
        rdds[0]  # PySpark reads rdds[0]: an empty list without a default raises IndexError here
        reply = _gateway.call("ssc.queueStream", ssc=self._jssc, rdds=handles, oneAtATime=bool(oneAtATime),
                              default=default._jrdd.h if default else None)
        return DStream(_JavaDStream(reply), self)

    def transform(self, dstreams, transformFunc):
        """PySpark: ``transform(dstreams, transformFunc)``."""
        reply = _gateway.call(
            "ssc.transform", ssc=self._jssc, dstreams=[d._jdstream.h for d in dstreams],
            f=_gateway.register(lambda t, *rdds: transformFunc(rdds)))
        return DStream(_JavaDStream(reply), self)

    def union(self, *dstreams):
        """PySpark: ``union(*dstreams)``."""
        if not dstreams:
            raise ValueError("should have at least one DStream to union")
        if len(dstreams) == 1:
            return dstreams[0]
        if len(set(s._slideDuration for s in dstreams)) > 1:
            raise ValueError("All DStreams should have same slide duration")
        reply = _gateway.call("ssc.union", ssc=self._jssc, dstreams=[d._jdstream.h for d in dstreams])
        return DStream(_JavaDStream(reply), self)

    def addStreamingListener(self, streamingListener):
        """PySpark: ``addStreamingListener``: the engine calls the listener's ``on…`` methods with
        Spark's Java-friendly events (``batchCompleted.batchInfo().numRecords()``), in virtual time."""
        from pyspark.streaming._java_listener import listener_dispatcher, overridden_methods

        self._listeners.append(streamingListener)
        _gateway.call("ssc.addStreamingListener", ssc=self._jssc,
                      f=_gateway.register(listener_dispatcher(streamingListener)),
                      methods=overridden_methods(streamingListener))
