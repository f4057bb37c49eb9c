# Tutorial, chapter 2 (StreamingContext), exercise: rules 2, 5 and 6 in one program.
from pyspark import SparkContext
from pyspark.streaming.context import StreamingContext

sc = SparkContext(master="local[2]", appName="Rules")
ssc = StreamingContext(sc, 1)
ssc.queueStream([["first context"]]).pprint()
ssc.start()
ssc.awaitTerminationOrTimeout(1)

# rule 5: stop() would stop the SparkContext too; keep it
ssc.stop(stopSparkContext=False)

# rule 2: a stopped StreamingContext never starts again
try:
    ssc.start()
except Exception as e:
    print(type(e).__name__)

# rule 6: one SparkContext, another StreamingContext (one active at a time)
ssc2 = StreamingContext(sc, 1)
ssc2.queueStream([["second context"]]).pprint()
ssc2.start()
ssc2.awaitTermination()
