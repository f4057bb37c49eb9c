/**
 * The error classes dstream-sim throws. Each mirrors the JVM (or Python) exception Spark raises
 * for the same condition and carries Spark's message verbatim (see docs/errors.md), so a test can
 * match both the class and the text.
 */

/** Base class of every error dstream-sim raises on purpose. `errorClass` is a stable code. */
export class DStreamSimError extends Error {
  /** A stable, machine-readable code for the condition, e.g. `CONTEXT_ALREADY_STOPPED`. */
  readonly errorClass: string;
  /** The class Spark (JVM or Python) raises for the same condition. */
  readonly sparkClass: string;
  /**
   * Thrown while a task reads or computes a partition (not by a driver-side check): a job that
   * meets it fails as Spark's failed task does (`Job aborted due to stage failure: …`).
   */
  readonly inTask: boolean;

  constructor(message: string, errorClass: string, sparkClass: string, options?: { cause?: unknown; inTask?: boolean }) {
    super(message, options);
    this.errorClass = errorClass;
    this.sparkClass = sparkClass;
    this.inTask = options?.inTask ?? false;
    this.name = new.target.name;
  }

  /** Spark's `toString()`: `<class>: <message>`, or the class alone without a message (Java's `Throwable.toString`). */
  override toString(): string {
    return this.message === '' ? this.sparkClass : `${this.sparkClass}: ${this.message}`;
  }
}

/** Spark: `java.lang.IllegalStateException`. A call made in a state that does not allow it. */
export class IllegalStateError extends DStreamSimError {
  constructor(message: string, errorClass = 'ILLEGAL_STATE', options?: { cause?: unknown }) {
    super(message, errorClass, 'java.lang.IllegalStateException', options);
  }
}

/**
 * Spark: `java.lang.IllegalArgumentException`. Scala `require(cond, msg)` failures; the message
 * starts with `requirement failed: ` exactly as in Spark.
 */
export class IllegalArgumentError extends DStreamSimError {
  constructor(message: string, errorClass = 'ILLEGAL_ARGUMENT', options?: { cause?: unknown }) {
    super(message, errorClass, 'java.lang.IllegalArgumentException', options);
  }
}

/** Spark: `org.apache.spark.SparkException`. */
export class SparkError extends DStreamSimError {
  constructor(message: string, errorClass = 'SPARK_EXCEPTION', options?: { cause?: unknown }) {
    super(message, errorClass, 'org.apache.spark.SparkException', options);
  }
}

/**
 * Spark: the `SparkException("Failed to read checkpoint from directory <dir>")` of
 * `CheckpointReader.read`: checkpoint files exist and none of them could be read. `files` says
 * which were tried and why each failed (newest first); the cause is the last error.
 */
export class CheckpointReadError extends SparkError {
  constructor(
    readonly directory: string,
    readonly files: readonly { file: string; reason: string }[],
    cause?: unknown,
  ) {
    super(`Failed to read checkpoint from directory ${directory}`, 'CHECKPOINT_READ_FAILED', { cause });
  }
}

/** Spark: `java.io.IOException` (a checkpoint directory that cannot be created or written). */
export class IOError extends DStreamSimError {
  constructor(message: string, errorClass = 'IO_EXCEPTION', options?: { cause?: unknown }) {
    super(message, errorClass, 'java.io.IOException', options);
  }
}

/** Spark: `java.lang.UnsupportedOperationException`. */
export class UnsupportedOperationError extends DStreamSimError {
  constructor(message: string, errorClass = 'UNSUPPORTED_OPERATION', options?: { cause?: unknown }) {
    super(message, errorClass, 'java.lang.UnsupportedOperationException', options);
  }
}

/** Spark: `java.util.NoSuchElementException` (e.g. `State.get()` on an unset state). */
export class NoSuchElementError extends DStreamSimError {
  constructor(message: string, errorClass = 'NO_SUCH_ELEMENT', options?: { cause?: unknown }) {
    super(message, errorClass, 'java.util.NoSuchElementException', options);
  }
}

/** Spark: `java.lang.ArithmeticException` (`/ by zero`: a duration that is a multiple of a zero duration). */
export class ArithmeticError extends DStreamSimError {
  constructor(message: string, errorClass = 'ARITHMETIC', options?: { cause?: unknown }) {
    super(message, errorClass, 'java.lang.ArithmeticException', options);
  }
}

/** Spark: plain `java.lang.Exception` (thrown by `WindowedDStream` and a few internals). */
export class JavaException extends DStreamSimError {
  constructor(message: string, errorClass = 'EXCEPTION', options?: { cause?: unknown; inTask?: boolean }) {
    super(message, errorClass, 'java.lang.Exception', options);
  }
}

/**
 * Spark: `java.io.EOFException`, as Hadoop's `readFully` throws it (without a message) when a file
 * ends inside a record: `binaryRecordsStream` on a file whose length is not a multiple of the
 * record length. Thrown inside a task, so the batch's job fails with it.
 */
export class EndOfFileError extends DStreamSimError {
  constructor(message = '', errorClass = 'END_OF_FILE', options?: { cause?: unknown }) {
    super(message, errorClass, 'java.io.EOFException', { ...options, inTask: true });
  }
}

/** PySpark: Python `ValueError`, raised by PySpark's own argument checks. */
export class ValueError extends DStreamSimError {
  constructor(message: string, errorClass = 'VALUE_ERROR', options?: { cause?: unknown }) {
    super(message, errorClass, 'ValueError', options);
  }
}

/** PySpark: Python `IndexError` (e.g. `queueStream([])` without a default). */
export class IndexError extends DStreamSimError {
  constructor(message: string, errorClass = 'INDEX_ERROR', options?: { cause?: unknown }) {
    super(message, errorClass, 'IndexError', options);
  }
}

/**
 * A misuse of the simulator itself (not something Spark would raise): the message names the call
 * and says what to do instead.
 */
export class SimulationError extends DStreamSimError {
  constructor(message: string, errorClass = 'SIMULATION', options?: { cause?: unknown }) {
    super(message, errorClass, 'dstream-sim', options);
  }
}

/** Scala `require(cond, msg)`: throws `IllegalArgumentError("requirement failed: " + msg)`. */
export function requireThat(cond: boolean, message: string, errorClass?: string): asserts cond {
  if (!cond) throw new IllegalArgumentError(`requirement failed: ${message}`, errorClass);
}
