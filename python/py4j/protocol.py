"""py4j.protocol: ``Py4JJavaError``, what PySpark raises when a call into the JVM throws."""


class Py4JError(Exception):
    """py4j: the base of py4j's errors."""


class Py4JJavaError(Py4JError):
    """py4j: ``Py4JJavaError`` — the JVM threw while a Python call ran (lifecycle refusals such as
    ``java.lang.IllegalStateException: StreamingContext has already been stopped``, and failed
    jobs reported to ``awaitTermination``). ``str()`` is py4j's text without the Java stack."""

    def __init__(self, command, java_exception_text):
        super().__init__(command, java_exception_text)
        self.errmsg = "An error occurred while calling %s." % command
        self.java_exception = java_exception_text

    def __str__(self):
        return "%s\n: %s" % (self.errmsg, self.java_exception)
