# Tutorial, chapter 8 (windows), exercise: a window that slides by two batches, and countByWindow.
from pyspark import SparkContext
from pyspark.streaming.context import StreamingContext

sc = SparkContext(master="local[*]", appName="WindowSample")
ssc = StreamingContext(sc, 3)
ssc.checkpoint("checkpoint")

input = [sc.parallelize([i]) for i in range(1, 100)]
ds7 = ssc.queueStream(input)

ds7.window(6, 6).pprint()
ds7.countByWindow(9, 3).pprint()

ssc.start()
ssc.awaitTermination()
