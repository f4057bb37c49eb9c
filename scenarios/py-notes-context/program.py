# The study notes' StreamingContext example (the twin of notes-context).
from pyspark import SparkContext, SparkConf, storagelevel
from pyspark.streaming.context import StreamingContext

conf = SparkConf()
conf.set("spark.drvier.host",'127.0.0.1')
sc = SparkContext(master="local",appName="StreamingSample",conf=conf)
ssc = StreamingContext(sc,3)

ssc.queueStream([["first batch"]]).pprint()
ssc.start()
ssc.awaitTermination()
