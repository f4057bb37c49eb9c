"""PySpark: ``pyspark.conf.SparkConf`` (key/value pairs, kept in Python until the context is made)."""


class SparkConf:
    """PySpark: ``SparkConf``."""

    def __init__(self, loadDefaults=True, _jvm=None, _jconf=None):
        self._conf = {}

    def set(self, key, value):
        self._conf[key] = str(value)
        return self

    def setIfMissing(self, key, value):
        if self.get(key) is None:
            self.set(key, value)
        return self

    def setMaster(self, value):
        return self.set("spark.master", value)

    def setAppName(self, value):
        return self.set("spark.app.name", value)

    def setSparkHome(self, value):
        return self.set("spark.home", value)

    def setExecutorEnv(self, key=None, value=None, pairs=None):
        if key is not None:
            self.set("spark.executorEnv." + key, value)
        for k, v in pairs or []:
            self.set("spark.executorEnv." + k, v)
        return self

    def setAll(self, pairs):
        for k, v in pairs:
            self.set(k, v)
        return self

    def get(self, key, defaultValue=None):
        return self._conf.get(key, defaultValue)

    def getAll(self):
        return list(self._conf.items())

    def contains(self, key):
        return key in self._conf

    def toDebugString(self):
        return "\n".join("%s=%s" % kv for kv in self._conf.items())
