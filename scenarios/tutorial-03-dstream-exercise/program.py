# Tutorial, chapter 3 (DStream), exercise: glom() shows each batch's RDD partition by partition.
from pyspark import SparkContext
from pyspark.streaming.context import StreamingContext

sc = SparkContext(master="local[*]", appName="DStreamSample")
ssc = StreamingContext(sc, 1)

rdd1 = sc.parallelize([1, 2, 3, 4, 5, 6], 2)
rdd2 = sc.parallelize([7], 1)
ds = ssc.queueStream([rdd1, rdd2], True)
ds.glom().pprint()

ssc.start()
ssc.awaitTermination()
