"""PySpark: ``pyspark.storagelevel.StorageLevel``."""

__all__ = ["StorageLevel"]


class StorageLevel:
    """PySpark: ``StorageLevel(useDisk, useMemory, useOffHeap, deserialized, replication=1)``."""

    def __init__(self, useDisk, useMemory, useOffHeap, deserialized, replication=1):
        self.useDisk = useDisk
        self.useMemory = useMemory
        self.useOffHeap = useOffHeap
        self.deserialized = deserialized
        self.replication = replication

    def __repr__(self):
        return "StorageLevel(%s, %s, %s, %s, %s)" % (
            self.useDisk, self.useMemory, self.useOffHeap, self.deserialized, self.replication)

    def __str__(self):
        result = ""
        result += "Disk " if self.useDisk else ""
        result += "Memory " if self.useMemory else ""
        result += "OffHeap " if self.useOffHeap else ""
        result += "Deserialized " if self.deserialized else "Serialized "
        result += "%sx Replicated" % self.replication
        return result

    def __eq__(self, other):
        return isinstance(other, StorageLevel) and repr(self) == repr(other)

    def __hash__(self):
        return hash(repr(self))

    def _engine_name(self):
        """The engine's name of this level (the simulator only tells persisted from not)."""
        for name in ("DISK_ONLY", "MEMORY_ONLY", "MEMORY_AND_DISK", "MEMORY_AND_DISK_2"):
            if getattr(StorageLevel, name) == self:
                return name
        return "NONE" if not (self.useDisk or self.useMemory or self.useOffHeap) else "MEMORY_AND_DISK"


StorageLevel.DISK_ONLY = StorageLevel(True, False, False, False)
StorageLevel.DISK_ONLY_2 = StorageLevel(True, False, False, False, 2)
StorageLevel.DISK_ONLY_3 = StorageLevel(True, False, False, False, 3)
StorageLevel.MEMORY_ONLY = StorageLevel(False, True, False, False)
StorageLevel.MEMORY_ONLY_2 = StorageLevel(False, True, False, False, 2)
StorageLevel.MEMORY_AND_DISK = StorageLevel(True, True, False, False)
StorageLevel.MEMORY_AND_DISK_2 = StorageLevel(True, True, False, False, 2)
StorageLevel.OFF_HEAP = StorageLevel(True, True, True, False, 1)
StorageLevel.MEMORY_AND_DISK_DESER = StorageLevel(True, True, False, True)
