# The study notes' window example (the twin of notes-window).
from pyspark import SparkContext
from pyspark.streaming.context import StreamingContext

sc = SparkContext(master="local[*]", appName="WindowSample")
ssc = StreamingContext(sc, 3)

sc = ssc.sparkContext
input = [sc.parallelize([i]) for i in range(1,100)]
ds7 = ssc.queueStream(input)

ds7.window(9, 3).pprint()
ds7.reduceByWindow(lambda a, b: a + b, None, 9, 3).pprint()

ssc.start()
ssc.awaitTermination()
