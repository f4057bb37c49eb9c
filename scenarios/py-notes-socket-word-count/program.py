# The study notes' socketTextStream example as a word count (the twin of notes-socket-word-count).
from operator import add

from pyspark import SparkConf, SparkContext, storagelevel
from pyspark.streaming.context import StreamingContext

conf = SparkConf()
conf.set("spark.driver.host","127.0.0.1")

sc = SparkContext(master="local[2]",appName="SocketSample",conf=conf)
ssc = StreamingContext(sc,3)

ds = ssc.socketTextStream("localhost",9000)
ds.flatMap(lambda l: l.split(" ")).map(lambda w: (w, 1)).reduceByKey(add).pprint()

ssc.start()
ssc.awaitTermination()
