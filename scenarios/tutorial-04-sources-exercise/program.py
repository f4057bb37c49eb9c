# Tutorial, chapter 4 (data sources), exercise: which batch does a line typed into nc land in?
from pyspark import SparkConf, SparkContext
from pyspark.streaming.context import StreamingContext

conf = SparkConf()
sc = SparkContext(master="local[2]", appName="SocketSample", conf=conf)
ssc = StreamingContext(sc, 3)

ds = ssc.socketTextStream("localhost", 9000)
ds.pprint()

ssc.start()
ssc.awaitTermination()
