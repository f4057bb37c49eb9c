# The study notes' map(func) example, as PySpark code (the twin of scenarios/notes-map).
from pyspark import SparkConf, SparkContext
from pyspark.streaming.context import StreamingContext

conf = SparkConf()
sc = SparkContext(master="local[*]",appName="Streaming",conf=conf)
ssc = StreamingContext(sc,1)

rdd1 = ssc.sparkContext.parallelize(["a", "b", "c", "c", "c"])
q1 = [rdd1]

ds1 = ssc.queueStream(q1, True)

ds1.map(lambda v:(v,1)).pprint()

ssc.start()
ssc.awaitTermination()
