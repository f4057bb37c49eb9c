# Tutorial, chapter 5 (basic operations), exercise: the notes' flatmap example, fixed, as a count.
from pyspark import SparkConf, SparkContext
from pyspark.streaming.context import StreamingContext

conf = SparkConf()
sc = SparkContext(master="local[*]", appName="Streaming", conf=conf)
ssc = StreamingContext(sc, 1)

rdd2 = ssc.sparkContext.parallelize(["1,2,3,4,5", "3,4,5"])
q2 = [rdd2]
ds2 = ssc.queueStream(q2, True)

numbers = ds2.flatMap(lambda v: v.split(","))
numbers.pprint()
numbers.map(lambda v: (v, 1)).reduceByKey(lambda a, b: a + b).pprint()

ssc.start()
ssc.awaitTermination()
