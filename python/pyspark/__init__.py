"""dstream-sim's ``pyspark``: the PySpark API a streaming program imports, run against the
simulator's engine (see docs/python.md). Mirrors ``pyspark/__init__.py``."""
from pyspark.conf import SparkConf
from pyspark.storagelevel import StorageLevel
from pyspark.rdd import RDD
from pyspark.context import SparkContext
from pyspark.accumulators import Accumulator, AccumulatorParam
from pyspark.broadcast import Broadcast
from pyspark import storagelevel

__version__ = "3.5.0"

__all__ = ["SparkConf", "SparkContext", "RDD", "StorageLevel", "Accumulator", "AccumulatorParam", "Broadcast", "storagelevel"]
