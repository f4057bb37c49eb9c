"""npm run bench, Python part (c): word count through PySpark lambdas on the engine vs the same
count as a plain loop in this process, and vs the same lambdas chained as PySpark's worker chains
them but without the engine (the pipeline's own floor). Arguments: batches, records (lines) per
batch, words per line. Prints one line: ``engine_ms loop_ms pipeline_ms parallelize_ms words``."""
import random
import sys
import time
from itertools import chain
from operator import add

from pyspark import SparkContext
from pyspark.streaming import StreamingContext

batches_n, lines_n, per_line = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(7)
vocabulary = ["w%d" % i for i in range(1000)]


def lines_of_batch():
    words = rnd.choices(vocabulary, k=lines_n * per_line)
    return [" ".join(words[i:i + per_line]) for i in range(0, len(words), per_line)]


batches = [lines_of_batch() for _ in range(batches_n)]

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


def pipeline_alone():
    """The job's lambdas chained as PySpark's worker chains them (flatMap → map → combine by key
    in a dict), over the whole batch at once, without the engine."""
    t = time.perf_counter()
    checksum = 0
    for lines in batches:
        pairs = map(lambda w: (w, 1), chain.from_iterable(map(lambda l: l.split(" "), lines)))
        d = {}
        get = d.get
        for k, v in pairs:
            c = get(k)
            d[k] = v if c is None else add(c, v)
        checksum += sum(d.values())
    return (time.perf_counter() - t) * 1000, checksum


loop_ms, checksum = min(plain_loop() for _ in range(3))
pipeline_ms, checksum2 = min(pipeline_alone() for _ in range(3))
words = batches_n * lines_n * per_line
if total[0] != checksum or checksum != words or checksum2 != words:
    raise SystemExit("word counts differ: engine %d, loop %d, pipeline %d" % (total[0], checksum, checksum2))
print("%.3f %.3f %.3f %.3f %d" % (engine_ms, loop_ms, pipeline_ms, parallelize_ms, checksum))
