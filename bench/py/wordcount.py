"""npm run bench, Python part (c): word count through PySpark lambdas on the engine vs the same
count as a plain loop in this process. Arguments: batches, words per batch. Prints one line:
``engine_ms loop_ms parallelize_ms words``."""
import random
import sys
import time
from operator import add

from pyspark import SparkContext
from pyspark.streaming import StreamingContext

batches_n, words_n = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(7)
batches = [[" ".join("w%d" % rnd.randrange(1000) for _ in range(8)) for _ in range(words_n // 8)]
           for _ in range(batches_n)]

sc = SparkContext(appName="bench")
ssc = StreamingContext(sc, 1)
t0 = time.perf_counter()
rdds = [sc.parallelize(b) for b in batches]
parallelize_ms = (time.perf_counter() - t0) * 1000
total = [0]


def tally(rdd):
    for _, c in rdd.collect():
        total[0] += c


ssc.queueStream(rdds).flatMap(lambda l: l.split(" ")).map(lambda w: (w, 1)).reduceByKey(add).foreachRDD(tally)
t0 = time.perf_counter()
ssc.start()
ssc.awaitTerminationOrTimeout(batches_n)
engine_ms = (time.perf_counter() - t0) * 1000
ssc.stop(True, False)


def plain_loop():
    t = time.perf_counter()
    checksum = 0
    for lines in batches:
        counts = {}
        for line in lines:
            for w in line.split(" "):
                counts[w] = counts.get(w, 0) + 1
        checksum += sum(counts.values())
    return (time.perf_counter() - t) * 1000, checksum


loop_ms, checksum = min(plain_loop() for _ in range(3))
if total[0] != checksum or checksum != batches_n * (words_n // 8) * 8:
    raise SystemExit("word counts differ: engine %d, loop %d" % (total[0], checksum))
print("%.3f %.3f %.3f %d" % (engine_ms, loop_ms, parallelize_ms, checksum))
