# The study notes' pprint() example (the twin of notes-pprint).
from pyspark import SparkConf, SparkContext
from pyspark.streaming.context import StreamingContext

conf = SparkConf()
sc = SparkContext(master="local[*]",appName="Streaming",conf=conf)
ssc = StreamingContext(sc,1)

rdd1 = ssc.sparkContext.parallelize(["a","b","c","c","c"])

q1 = [rdd1]


ds1 = ssc.queueStream(q1,True)

ds1.pprint()

ssc.start()
ssc.awaitTermination()
