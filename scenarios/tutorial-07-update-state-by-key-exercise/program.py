# Tutorial, chapter 7 (updateStateByKey), exercise: returning None removes a key from the state.
from pyspark import SparkContext
from pyspark.streaming.context import StreamingContext

sc = SparkContext(master="local[*]", appName="StateSample")
ssc = StreamingContext(sc, 3)

ds = ssc.queueStream([["a", "b"], ["a"], []], True)
ssc.checkpoint("checkpoint")

def updateFunc(newValues, currentValue):
    if not newValues:
        return None
    return sum(newValues) + (currentValue or 0)

ds.map(lambda v: (v, 1)).updateStateByKey(updateFunc).pprint()

ssc.start()
ssc.awaitTermination()
