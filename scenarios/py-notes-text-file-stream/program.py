# The study notes' textFileStream example (the twin of notes-text-file-stream).
from pyspark import SparkContext
from pyspark.streaming.context import StreamingContext

sc = SparkContext(master="local[2]", appName="FileSample")
ssc = StreamingContext(sc, 3)

ds = ssc.textFileStream("input")
ds.pprint()

ssc.start()
ssc.awaitTermination()
