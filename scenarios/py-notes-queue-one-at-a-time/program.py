# queueStream(rdds, True): one queued RDD per batch (the twin of notes-queue-one-at-a-time).
from pyspark import SparkContext
from pyspark.streaming import StreamingContext

sc = SparkContext(master="local[*]", appName="Streaming")
ssc = StreamingContext(sc, 1)
queue = [sc.parallelize(["a", "b"]), sc.parallelize(["c"]), sc.parallelize(["d", "e"])]
ssc.queueStream(queue, True).pprint()
ssc.start()
ssc.awaitTermination()
