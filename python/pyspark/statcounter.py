"""PySpark: ``pyspark.statcounter.StatCounter`` — count, mean, variance (Welford's running
update, merged as Spark's ``StatCounter.merge``), min and max in one pass. As in PySpark, min and
max go through numpy's ``maximum``/``minimum`` (and ``sqrt``) when numpy is importable, else the
builtins."""
import copy
import math

_OPS = []


def _ops():
    """numpy's ``maximum``, ``minimum`` and ``sqrt`` (PySpark's choice), else the builtins — looked
    up at the first StatCounter, not at import: importing numpy costs ~0.1 s of every run's start-up."""
    if not _OPS:
        try:
            from numpy import maximum, minimum, sqrt
        except ImportError:  # PySpark's own fallback
            maximum, minimum, sqrt = max, min, math.sqrt
        _OPS.extend((maximum, minimum, sqrt))
    return _OPS

__all__ = ["StatCounter"]


class StatCounter:
    """PySpark: ``StatCounter(values=None)``."""

    def __init__(self, values=None):
        self.n = 0
        self.mu = 0.0
        self.m2 = 0.0
        self.maxValue = float("-inf")
        self.minValue = float("inf")
        for v in values if values is not None else ():
            self.merge(v)

    def merge(self, value):
        """Add one value."""
        delta = value - self.mu
        self.n += 1
        self.mu += delta / self.n
        self.m2 += delta * (value - self.mu)
        maximum, minimum, _ = _ops()
        self.maxValue = maximum(self.maxValue, value)
        self.minValue = minimum(self.minValue, value)
        return self

    def mergeStats(self, other):
        """Add another counter's statistics (Spark's ``merge(StatCounter)``)."""
        if not isinstance(other, StatCounter):
            raise TypeError("Can only merge StatCounter but got %s" % type(other))
        if other is self:
            return self.mergeStats(other.copy())
        if self.n == 0:
            self.n, self.mu, self.m2 = other.n, other.mu, other.m2
            self.maxValue, self.minValue = other.maxValue, other.minValue
        elif other.n != 0:
            total = self.n + other.n
            delta = other.mu - self.mu
            if other.n * 10 < self.n:
                self.mu = self.mu + (delta * other.n) / total
            elif self.n * 10 < other.n:
                self.mu = other.mu - (delta * self.n) / total
            else:
                self.mu = (self.mu * self.n + other.mu * other.n) / total
            maximum, minimum, _ = _ops()
            self.maxValue = maximum(self.maxValue, other.maxValue)
            self.minValue = minimum(self.minValue, other.minValue)
            self.m2 += other.m2 + (delta * delta * self.n * other.n) / total
            self.n = total
        return self

    def copy(self):
        return copy.deepcopy(self)

    def count(self):
        return int(self.n)

    def mean(self):
        return self.mu

    def sum(self):
        return self.n * self.mu

    def min(self):
        return self.minValue

    def max(self):
        return self.maxValue

    def variance(self):
        return float("nan") if self.n == 0 else self.m2 / self.n

    def sampleVariance(self):
        return float("nan") if self.n <= 1 else self.m2 / (self.n - 1)

    def stdev(self):
        return _ops()[2](self.variance())

    def sampleStdev(self):
        return _ops()[2](self.sampleVariance())

    def asDict(self, sample=False):
        """The statistics as a dict (``stdev``/``variance`` are the sample ones unless ``sample``
        is true, as PySpark has it)."""
        return {
            "count": self.count(),
            "mean": self.mean(),
            "sum": self.sum(),
            "min": self.min(),
            "max": self.max(),
            "stdev": self.stdev() if sample else self.sampleStdev(),
            "variance": self.variance() if sample else self.sampleVariance(),
        }

    def __repr__(self):
        return "(count: %s, mean: %s, stdev: %s, max: %s, min: %s)" % (
            self.count(), self.mean(), self.stdev(), self.max(), self.min())
