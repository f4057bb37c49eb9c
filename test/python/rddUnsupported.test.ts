/**
 * Every PySpark `RDD` and `SparkContext` name exists in a .py program: what dstream-sim does not
 * offer raises `NotImplementedError` naming the method and why, never `AttributeError`; a name
 * PySpark does not have (a misspelling) still raises PySpark's `AttributeError`. The name lists are
 * PySpark 3.5's public `RDD` and `SparkContext` API (rdd.py, context.py).
 */
import { runScenario } from 'dstream-sim';
import { makePyScenario, PREAMBLE } from './pyScenario';

jest.setTimeout(30_000);

const RDD_NAMES = `aggregate aggregateByKey barrier cache cartesian checkpoint cleanShuffleDependencies coalesce cogroup
collect collectAsMap collectWithJobGroup combineByKey context count countApprox countApproxDistinct countByKey
countByValue distinct filter first flatMap flatMapValues fold foldByKey foreach foreachPartition fullOuterJoin
getCheckpointFile getNumPartitions getResourceProfile getStorageLevel glom groupBy groupByKey groupWith histogram id
intersection isCheckpointed isEmpty isLocallyCheckpointed join keyBy keys leftOuterJoin localCheckpoint lookup map
mapPartitions mapPartitionsWithIndex mapPartitionsWithSplit mapValues max mean meanApprox min name partitionBy persist
pipe randomSplit reduce reduceByKey reduceByKeyLocally repartition repartitionAndSortWithinPartitions rightOuterJoin
sample sampleByKey sampleStdev sampleVariance saveAsHadoopDataset saveAsHadoopFile saveAsNewAPIHadoopDataset
saveAsNewAPIHadoopFile saveAsPickleFile saveAsSequenceFile saveAsTextFile setName sortBy sortByKey stats stdev subtract
subtractByKey sum sumApprox take takeOrdered takeSample toDF toDebugString toLocalIterator top treeAggregate treeReduce
union unpersist values variance withResources zip zipWithIndex zipWithUniqueId`;

const CONTEXT_NAMES = `accumulator addArchive addFile addJobTag addPyFile applicationId binaryFiles binaryRecords broadcast
cancelAllJobs cancelJobGroup cancelJobsWithTag clearJobTags defaultMinPartitions defaultParallelism dump_profiles emptyRDD
getCheckpointDir getConf getJobTags getLocalProperty getOrCreate hadoopFile hadoopRDD listArchives listFiles
newAPIHadoopFile newAPIHadoopRDD parallelize pickleFile range removeJobTag resources runJob sequenceFile
setCheckpointDir setInterruptOnCancel setJobDescription setJobGroup setLocalProperty setLogLevel setSystemProperty
show_profiles sparkUser startTime statusTracker stop textFile union version wholeTextFiles`;

test("every PySpark RDD and SparkContext method exists; the ones not offered say so by name", async () => {
  const r = await runScenario(
    makePyScenario(
      'unsupported',
      `${PREAMBLE}from pyspark import RDD, SparkContext
rdd_names = """${RDD_NAMES}""".split()
sc_names = """${CONTEXT_NAMES}""".split()
print([n for n in rdd_names if not hasattr(RDD, n)], [n for n in sc_names if not hasattr(SparkContext, n)])
rdd = sc.parallelize([(1, 2)])
for call in (lambda: rdd.saveAsSequenceFile("/tmp/x"), lambda: rdd.pipe("cat"), lambda: rdd.toDF(),
             lambda: rdd.countApproxDistinct(), lambda: rdd.toDebugString(), lambda: rdd.barrier(),
             lambda: sc.sequenceFile("/tmp/x"), lambda: sc.addFile("/tmp/x"), lambda: sc.hadoopFile("/tmp/x", "f", "k", "v"),
             lambda: sc.pickleFile("/tmp/x"), lambda: sc.binaryFiles("/tmp/x"), lambda: sc.uiWebUrl,
             lambda: SparkContext.setSystemProperty("k", "v")):
    try:
        call()
    except NotImplementedError as e:
        print("NotImplementedError:", e)
for name in ("mapp", "flatmap"):
    try:
        getattr(rdd, name)
    except AttributeError as e:
        print("AttributeError:", e)
try:
    sc.paralelize([1])
except AttributeError as e:
    print("AttributeError:", e)
sc.setLocalProperty("k", "v")
sc.setJobGroup("g", "d")
print(sc.getLocalProperty("k"), sc.getLocalProperty("spark.jobGroup.id"), sc.getLocalProperty("nope"), sc.resources)
rdd.saveAsHadoopFile("/tmp/x", "org.apache.hadoop.mapred.TextOutputFormat")
`,
      'until: 1\n',
    ),
  );
  expect(r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []))).toEqual([
    '[] []',
    'NotImplementedError: RDD.saveAsSequenceFile is not supported by dstream-sim (it writes a Hadoop SequenceFile; use saveAsTextFile)',
    'NotImplementedError: RDD.pipe is not supported by dstream-sim (it runs an external command on each partition; use mapPartitions with a Python function)',
    'NotImplementedError: RDD.toDF is not supported by dstream-sim (Spark SQL (DataFrames) is not simulated)',
    "NotImplementedError: RDD.countApproxDistinct is not supported by dstream-sim (Spark's HyperLogLog++ estimate is not reproduced; use distinct().count())",
    "NotImplementedError: RDD.toDebugString is not supported by dstream-sim (the engine's lineage is not Spark's RDD classes and call sites)",
    'NotImplementedError: RDD.barrier is not supported by dstream-sim (barrier execution mode needs a cluster scheduler)',
    'NotImplementedError: SparkContext.sequenceFile is not supported by dstream-sim (it reads a Hadoop SequenceFile; use textFile)',
    'NotImplementedError: SparkContext.addFile is not supported by dstream-sim (files are not shipped to executors (one process runs everything); open the path directly)',
    'NotImplementedError: SparkContext.hadoopFile is not supported by dstream-sim (it reads through a Hadoop InputFormat; use textFile or wholeTextFiles)',
    'NotImplementedError: SparkContext.pickleFile is not supported by dstream-sim (it reads a Hadoop SequenceFile of pickles; use textFile)',
    'NotImplementedError: SparkContext.binaryFiles is not supported by dstream-sim (binary input is not simulated; use wholeTextFiles)',
    'NotImplementedError: SparkContext.uiWebUrl is not supported by dstream-sim (the simulator has no Spark UI)',
    'NotImplementedError: SparkContext.setSystemProperty is not supported by dstream-sim (JVM system properties are not simulated; use SparkConf)',
    "AttributeError: 'RDD' object has no attribute 'mapp'",
    "AttributeError: 'RDD' object has no attribute 'flatmap'",
    "AttributeError: 'SparkContext' object has no attribute 'paralelize'",
    'v g None {}',
  ]);
  // Uncaught, it ends the program at the user's line, as any Python exception does.
  expect(r.transcript).toContain(
    '[0 ms] program failed: NotImplementedError: RDD.saveAsHadoopFile is not supported by dstream-sim (it writes a Hadoop OutputFormat; use saveAsTextFile)\n  at program.py:46\n',
  );
});
