# The study notes' updateStateByKey() example (the twin of notes-update-state-by-key).
from pyspark import SparkContext
from pyspark.streaming.context import StreamingContext

sc = SparkContext(master="local[*]", appName="StateSample")
ssc = StreamingContext(sc, 3)

t1 = sc.parallelize(["a", "b", "c"])
t2 = sc.parallelize(["b", "c"])
t3 = sc.parallelize(["a", "a", "a"])
ds = ssc.queueStream([t1, t2, t3], True)

# checkpoint 설정
ssc.checkpoint('.')

def updateFunc(newValues, currentValue):
    return sum(newValues) + (currentValue or 0)

ds.map(lambda v: (v, 1)).updateStateByKey(updateFunc).pprint()

ssc.start()
ssc.awaitTermination()
