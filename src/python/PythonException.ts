import { DStreamSimError } from '../errors';

/** What Python reports about an exception raised in the user's code. */
export interface PythonErrorInfo {
  /** The exception's class name, e.g. `ZeroDivisionError`. */
  type: string;
  /** `str(exception)`. */
  message: string;
  /** The innermost frame in the user's program, `program.py:7`. */
  where?: string;
  /** The traceback, user frames only (`Traceback (most recent call last): …`). */
  traceback?: string;
}

/**
 * Spark: `org.apache.spark.api.python.PythonException` — an exception raised by Python code that
 * the engine called (a function of `map`, `transform`, `foreachRDD`, `updateStateByKey` …). It
 * fails that batch's job and is reported to `awaitTermination`; the transcript shows Python's
 * traceback at the user's file and line.
 */
export class PythonException extends DStreamSimError {
  constructor(readonly info: PythonErrorInfo) {
    super(`${info.type}: ${info.message}`, 'PYTHON_EXCEPTION', 'org.apache.spark.api.python.PythonException');
  }
}
