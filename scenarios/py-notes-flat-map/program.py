# The study notes' flatmap(func) example, exactly as the notes write it: `flatmap` is a typo for
# flatMap, and PySpark fails with AttributeError at this line (the twin of notes-flat-map).
from pyspark import SparkConf, SparkContext
from pyspark.streaming.context import StreamingContext

conf = SparkConf()
sc = SparkContext(master="local[*]",appName="Streaming",conf=conf)
ssc = StreamingContext(sc,1)

rdd2 = ssc.sparkContext.parallelize(["1,2,3,4,5"])

q2 = [rdd2]

ds2 = ssc.queueStream(q2,True)

ds2.flatmap(lambda v:v.split(",")).pprint()

ssc.start()
ssc.awaitTermination()
