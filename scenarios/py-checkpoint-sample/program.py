# The wikibook's checkpoint_sample (the twin of checkpoint-sample): getOrCreate(checkpointDir,
# createContext) with a word count kept by updateStateByKey over a socket.
from pyspark import SparkContext
from pyspark.streaming.context import StreamingContext

checkpointDir = "./checkpoints"


def updateFunc(newValues, currentValue):
    return sum(newValues) + (currentValue or 0)


def createContext():
    print("Creating a new StreamingContext")
    sc = SparkContext(master="local[2]", appName="CheckpointSample")
    ssc = StreamingContext(sc, 3)
    ssc.checkpoint(checkpointDir)
    ds = ssc.socketTextStream("localhost", 9000)
    ds.flatMap(lambda line: line.split(" ")) \
        .map(lambda w: (w, 1)) \
        .updateStateByKey(updateFunc) \
        .pprint()
    return ssc


ssc = StreamingContext.getOrCreate(checkpointDir, createContext)
ssc.start()
ssc.awaitTermination()
