# The study notes' count() and countByValue() example (the twin of notes-count-count-by-value).
from pyspark import SparkConf, SparkContext
from pyspark.streaming.context import StreamingContext

conf = SparkConf()
sc = SparkContext(master="local[*]",appName="Streaming",conf=conf)
ssc = StreamingContext(sc,1)

rdd1 = ssc.sparkContext.parallelize(["a", "b", "c", "c", "c"])
q1 = [rdd1]
ds1 = ssc.queueStream(q1, True)

# Dstream에 포함된 요소의 개수
ds1.count().pprint()
# Dstream에 포함된 요소(요소,해당요소의 개수)
ds1.countByValue().pprint()

ssc.start()
ssc.awaitTermination()
