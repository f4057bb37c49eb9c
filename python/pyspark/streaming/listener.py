"""PySpark: ``pyspark.streaming.listener.StreamingListener`` (the callbacks a listener may define)."""

__all__ = ["StreamingListener"]


class StreamingListener:
    """PySpark: ``StreamingListener`` — subclass it and override the ``on…`` methods."""

    def __init__(self):
        pass

    def onStreamingStarted(self, streamingStarted):
        pass

    def onReceiverStarted(self, receiverStarted):
        pass

    def onReceiverError(self, receiverError):
        pass

    def onReceiverStopped(self, receiverStopped):
        pass

    def onBatchSubmitted(self, batchSubmitted):
        pass

    def onBatchStarted(self, batchStarted):
        pass

    def onBatchCompleted(self, batchCompleted):
        pass

    def onOutputOperationStarted(self, outputOperationStarted):
        pass

    def onOutputOperationCompleted(self, outputOperationCompleted):
        pass

    class Java:
        implements = ["org.apache.spark.streaming.api.java.PythonStreamingListener"]
