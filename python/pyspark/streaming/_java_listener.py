"""What a Python ``StreamingListener``'s callbacks receive. In PySpark these are Py4J proxies of
Spark's Java-friendly listener objects (``JavaStreamingListenerWrapper``): every field is read by
calling it (``batchCompleted.batchInfo().numRecords()``), a missing time or delay is ``-1``, maps
iterate over their keys and index by key. Here they are plain Python objects with the same
methods, built from what the engine's wrapper sends."""

__all__ = ["listener_dispatcher"]


class _JavaObject(object):
    """A Java object seen through Py4J: each field is a method returning its value."""

    _java_class = "Object"
    _fields = ()

    def __init__(self, values):
        self._values = values

    def __getattr__(self, name):
        values = self.__dict__.get("_values")
        if values is not None and name in values:
            value = values[name]
            return lambda: value
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    def __repr__(self):
        shown = ", ".join("%s=%r" % (k, self._values[k]) for k in self._fields if k in self._values)
        return "%s(%s)" % (self._java_class, shown)


class JavaTime(_JavaObject):
    """Spark's ``Time``: ``milliseconds()``; prints as ``1000 ms``."""

    _java_class = "Time"
    _fields = ("milliseconds",)

    def __repr__(self):
        return "%d ms" % self._values["milliseconds"]

    __str__ = __repr__


class JavaStreamInputInfo(_JavaObject):
    """Spark: ``JavaStreamInputInfo`` (``inputStreamId``, ``numRecords``, ``metadata``, ``metadataDescription``)."""

    _java_class = "JavaStreamInputInfo"
    _fields = ("inputStreamId", "numRecords", "metadataDescription")


class JavaOutputOperationInfo(_JavaObject):
    """Spark: ``JavaOutputOperationInfo`` (``batchTime``, ``id``, ``name``, ``description``,
    ``startTime``, ``endTime`` (-1 until known), ``failureReason`` (None unless it failed))."""

    _java_class = "JavaOutputOperationInfo"
    _fields = ("batchTime", "id", "name", "startTime", "endTime", "failureReason")


class JavaBatchInfo(_JavaObject):
    """Spark: ``JavaBatchInfo``: ``batchTime``, ``streamIdToInputInfo``, ``submissionTime``,
    ``processingStartTime``, ``processingEndTime``, ``schedulingDelay``, ``processingDelay``,
    ``totalDelay`` (-1 until known), ``numRecords``, ``outputOperationInfos``."""

    _java_class = "JavaBatchInfo"
    _fields = ("batchTime", "numRecords", "submissionTime", "processingStartTime", "processingEndTime",
               "schedulingDelay", "processingDelay", "totalDelay")


class JavaReceiverInfo(_JavaObject):
    """Spark: ``JavaReceiverInfo`` (``streamId``, ``name``, ``active``, ``location``, ``executorId``,
    ``lastErrorMessage``, ``lastError``, ``lastErrorTime``)."""

    _java_class = "JavaReceiverInfo"
    _fields = ("streamId", "name", "active", "lastErrorMessage", "lastErrorTime")


class JavaStreamingListenerEvent(_JavaObject):
    """Spark: ``JavaStreamingListenerBatchCompleted`` and its siblings: ``batchInfo()``,
    ``outputOperationInfo()``, ``receiverInfo()`` or ``time()``."""

    def __init__(self, java_class, values):
        _JavaObject.__init__(self, values)
        self._java_class = java_class
        self._fields = tuple(values)


def _time(ms):
    return JavaTime({"milliseconds": ms})


def _output_op(o):
    return JavaOutputOperationInfo(dict(o, batchTime=_time(o["batchTime"])))


def _batch_info(b):
    inputs = {}
    for i in b["streamIdToInputInfo"]:
        inputs[i["inputStreamId"]] = JavaStreamInputInfo(dict(i, metadata=dict(i["metadata"])))
    ops = {}
    for o in b["outputOperationInfos"]:
        ops[o["id"]] = _output_op(o)
    return JavaBatchInfo(dict(b, batchTime=_time(b["batchTime"]), streamIdToInputInfo=inputs, outputOperationInfos=ops))


_EVENT_CLASSES = {
    "onStreamingStarted": "JavaStreamingListenerStreamingStarted",
    "onReceiverStarted": "JavaStreamingListenerReceiverStarted",
    "onReceiverError": "JavaStreamingListenerReceiverError",
    "onReceiverStopped": "JavaStreamingListenerReceiverStopped",
    "onBatchSubmitted": "JavaStreamingListenerBatchSubmitted",
    "onBatchStarted": "JavaStreamingListenerBatchStarted",
    "onBatchCompleted": "JavaStreamingListenerBatchCompleted",
    "onOutputOperationStarted": "JavaStreamingListenerOutputOperationStarted",
    "onOutputOperationCompleted": "JavaStreamingListenerOutputOperationCompleted",
}

LISTENER_METHODS = tuple(_EVENT_CLASSES)


def _event(method, info):
    if "batchInfo" in info:
        values = {"batchInfo": _batch_info(info["batchInfo"])}
    elif "outputOperationInfo" in info:
        values = {"outputOperationInfo": _output_op(info["outputOperationInfo"])}
    elif "receiverInfo" in info:
        values = {"receiverInfo": JavaReceiverInfo(info["receiverInfo"])}
    else:
        values = {"time": info["time"]}
    return JavaStreamingListenerEvent(_EVENT_CLASSES[method], values)


def overridden_methods(listener):
    """The callbacks ``listener`` defines itself (the engine calls only those)."""
    from pyspark.streaming.listener import StreamingListener

    cls = type(listener)
    return [m for m in LISTENER_METHODS
            if callable(getattr(listener, m, None)) and getattr(cls, m, None) is not getattr(StreamingListener, m)]


def listener_dispatcher(listener):
    """The function the engine calls back with (method name, Java-friendly info)."""

    def dispatch(method, info):
        getattr(listener, method)(_event(method, info))

    return dispatch
