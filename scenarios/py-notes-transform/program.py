# transform(func): a join with a static RDD inside each batch (the twin of notes-transform).
from pyspark import SparkContext
from pyspark.streaming import StreamingContext

sc = SparkContext(master="local[*]", appName="Streaming")
ssc = StreamingContext(sc, 1)
categories = sc.parallelize([("spark", "engine"), ("kafka", "source")])
words = ssc.queueStream([["spark", "flink", "kafka"], ["spark"]])
words.map(lambda w: (w, 1)).transform(lambda rdd: rdd.join(categories)).pprint()
ssc.start()
ssc.awaitTermination()
