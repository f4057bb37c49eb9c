"""PySpark: ``pyspark.broadcast.Broadcast`` — here the value itself, kept in the one process."""

__all__ = ["Broadcast"]


class Broadcast:
    """PySpark: ``Broadcast`` (``sc.broadcast(value)``): ``value``, ``unpersist``, ``destroy``."""

    def __init__(self, sc=None, value=None):
        self._value = value

    @property
    def value(self):
        return self._value

    def unpersist(self, blocking=False):
        pass

    def destroy(self, blocking=False):
        pass
