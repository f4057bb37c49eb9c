"""PySpark: ``pyspark.resultiterable.ResultIterable`` (the values of ``groupByKey``)."""
from collections.abc import Iterable

__all__ = ["ResultIterable"]


class ResultIterable(Iterable):
    """PySpark: ``ResultIterable`` — a wrapper of the grouped values."""

    def __init__(self, data):
        self.data = data
        self.index = 0
        self.maxindex = len(data)

    def __iter__(self):
        return iter(self.data)

    def __len__(self):
        return len(self.data)
