# Tutorial, chapter 1 (micro-batches), exercise: a 2-second batch over a queue of three RDDs.
from pyspark import SparkContext
from pyspark.streaming.context import StreamingContext

sc = SparkContext(master="local[*]", appName="MicroBatches")
ssc = StreamingContext(sc, 2)

ds = ssc.queueStream([["a", "b"], ["c"], ["d", "e", "f"]], True)
ds.count().pprint()

ssc.start()
ssc.awaitTermination()
