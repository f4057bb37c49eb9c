"""The part of py4j a PySpark program sees (dstream-sim has no Java gateway)."""
