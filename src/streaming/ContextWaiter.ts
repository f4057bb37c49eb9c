/**
 * What `awaitTermination*` waits for. Spark: `ContextWaiter`. An error, once reported, is never
 * cleared: every later wait rethrows it (the last one reported wins).
 */
export class ContextWaiter {
  private error: { value: unknown } | undefined;
  private stopped = false;

  notifyError(e: unknown): void {
    this.error = { value: e };
  }

  notifyStop(): void {
    this.stopped = true;
  }

  isStopped(): boolean {
    return this.stopped;
  }

  hasError(): boolean {
    return this.error !== undefined;
  }

  /** Throws the reported error, if any. */
  throwIfError(): void {
    if (this.error !== undefined) throw this.error.value;
  }
}
