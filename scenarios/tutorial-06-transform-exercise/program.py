# Tutorial, chapter 6 (transform), exercise: sort each batch's counts, an RDD operation DStreams lack.
from pyspark import SparkContext
from pyspark.streaming.context import StreamingContext

sc = SparkContext(master="local[*]", appName="TransformSample")
ssc = StreamingContext(sc, 1)

words = ssc.queueStream([["b", "a", "b", "c", "b", "a"], ["c"]])
counts = words.map(lambda w: (w, 1)).reduceByKey(lambda a, b: a + b)
counts.transform(lambda rdd: rdd.sortBy(lambda kv: kv[1], ascending=False)).pprint()

ssc.start()
ssc.awaitTermination()
