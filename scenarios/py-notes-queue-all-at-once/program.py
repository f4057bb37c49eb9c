# queueStream(rdds, False): every queued RDD in the first batch (the twin of notes-queue-all-at-once).
from pyspark import SparkContext
from pyspark.streaming import StreamingContext

sc = SparkContext(master="local[*]", appName="Streaming")
ssc = StreamingContext(sc, 1)
queue = [sc.parallelize(["a", "b"]), sc.parallelize(["c"]), sc.parallelize(["d", "e"])]
ssc.queueStream(queue, False).pprint()
ssc.start()
ssc.awaitTermination()
