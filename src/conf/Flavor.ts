/**
 * Whose Spark the simulation behaves like where PySpark and Scala Spark differ (print format,
 * window and state rules; see docs/flavor.md). Set per SparkContext (`flavor`, or conf
 * `dstreamsim.flavor`), overridable per StreamingContext.
 */
export type Flavor = 'pyspark' | 'scala';
