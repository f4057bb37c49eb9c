import { JavaException, requireThat, ValueError } from '../errors';
import type { Duration } from '../time/Duration';

/** Who checks the window: each side of Spark words the rule its own way. */
export type WindowChecker = 'WindowedDStream' | 'ReducedWindowedDStream' | 'pyspark';

/**
 * The one check that a window and its slide are multiples of the parent's slide, with the message
 * each checker raises: Scala's `WindowedDStream` (an `Exception`), `ReducedWindowedDStream` (a
 * `require`), and PySpark's `_validate_window_param` (a `ValueError`, before any JVM object is
 * made — it guards `window` and both `reduceByKeyAndWindow` paths).
 */
export function requireAlignedWindow(checker: WindowChecker, window: Duration, slide: Duration | undefined, parentSlide: Duration): void {
  const parts: ['window' | 'slide', Duration | undefined][] = [
    ['window', window],
    ['slide', slide],
  ];
  for (const [what, d] of parts) {
    if (d === undefined || d.isMultipleOf(parentSlide)) continue;
    const code = what === 'window' ? 'WINDOW_NOT_MULTIPLE_OF_SLIDE' : 'SLIDE_NOT_MULTIPLE_OF_SLIDE';
    switch (checker) {
      case 'WindowedDStream':
        throw new JavaException(
          `The ${what} duration of windowed DStream (${d}) must be a multiple of the slide duration of parent DStream (${parentSlide})`,
          code,
        );
      case 'ReducedWindowedDStream':
        requireThat(
          false,
          `The ${what} duration of ReducedWindowedDStream (${d}) must be multiple of the slide duration of parent DStream (${parentSlide})`,
          code,
        );
        break;
      case 'pyspark':
        throw new ValueError(
          `${what}Duration must be multiple of the parent dstream's slide (batch) duration (${parentSlide.milliseconds} ms)`,
          code,
        );
    }
  }
}
