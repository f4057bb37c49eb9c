import { IllegalStateError, type DStreamSimError } from '../errors';
import type { EventLog } from '../events/EventLog';
import type { LifecycleRule } from '../events/LifecycleRules';
import type { ActiveContextSlot } from '../env/Jvm';
import type { StreamingContextState } from './StreamingContextState';

/**
 * The StreamingContext's state machine and its rules (spark-semantics §1; docs/lifecycle.md):
 * INITIALIZED → ACTIVE → STOPPED, each refusal recorded as a `callRefused` event with its rule
 * and raised with Spark's message.
 */
export class ContextLifecycle {
  state: StreamingContextState = 'INITIALIZED';
  /** Where `start()` was called (Spark's call site, deterministic here); set by `start()`, read only while ACTIVE. */
  startSite!: string;

  constructor(
    private readonly log: EventLog,
    private readonly contextId: number,
  ) {}

  /** Log a warning Spark would log. */
  warn(message: string): void {
    this.log.emit({ type: 'warning', contextId: this.contextId, message });
  }

  /** Record that a call was refused under a lifecycle rule; returns the error to throw. */
  refuse<E>(call: string, rule: LifecycleRule, error: E): E {
    const e = error as unknown as DStreamSimError;
    this.log.emit({
      type: 'callRefused',
      contextId: this.contextId,
      call,
      rule,
      errorName: e instanceof Error ? e.name : 'Error',
      errorClass: e?.errorClass ?? 'UNKNOWN',
      message: e instanceof Error ? e.message : String(e),
    });
    return error;
  }

  /** Spark: `DStream.validateAtInit`: nothing may be added after start or stop. */
  validateAtInit(call: string): void {
    if (this.state === 'INITIALIZED') return;
    const [rule, when] = this.state === 'ACTIVE' ? (['add-after-start', 'starting'] as const) : (['add-after-stop', 'stopping'] as const);
    throw this.refuse(
      call,
      rule,
      new IllegalStateError(
        `Adding new inputs, transformations, and output operations after ${when} a context is not supported`,
        rule === 'add-after-start' ? 'ADD_AFTER_START' : 'ADD_AFTER_STOP',
      ),
    );
  }

  /**
   * The checks of `start()` before anything starts: `true` to go on; `false` for a started
   * context (a warning); a refusal for a stopped one or while another context is active.
   */
  mayStart(active: ActiveContextSlot | undefined): boolean {
    if (this.state === 'ACTIVE') {
      this.warn('StreamingContext has already been started');
      return false;
    }
    if (this.state === 'STOPPED') {
      throw this.refuse(
        'StreamingContext.start()',
        'start-after-stop',
        new IllegalStateError('StreamingContext has already been stopped', 'CONTEXT_ALREADY_STOPPED'),
      );
    }
    if (active !== undefined) {
      throw this.refuse(
        'StreamingContext.start()',
        'one-active-context',
        new IllegalStateError(
          `Only one StreamingContext may be started in this JVM. Currently running StreamingContext was started at${active.startSite}`,
          'ONLY_ONE_ACTIVE_CONTEXT',
        ),
      );
    }
    return true;
  }

  /** `start()` failed while validating: the context is STOPPED for good; returns the error to throw. */
  startFailed(e: DStreamSimError): DStreamSimError {
    this.warn('Error starting the context, marking it as stopped');
    this.state = 'STOPPED';
    this.log.emit({
      type: 'contextStopped',
      contextId: this.contextId,
      stopSparkContext: false,
      graceful: false,
      previousState: 'INITIALIZED',
      reason: 'startFailed',
    });
    const rule: LifecycleRule =
      e.errorClass === 'NO_OUTPUT_OPERATIONS'
        ? 'no-output-operations'
        : e.errorClass === 'CHECKPOINT_DIRECTORY_NOT_SET'
          ? 'checkpoint-directory-required'
          : 'start-failed';
    return this.refuse('StreamingContext.start()', rule, e);
  }

  /**
   * `stop()` in any state: warns when not ACTIVE, records `contextStopped` unless already
   * STOPPED; returns the state it was in.
   */
  stop(graceful: boolean, stopSparkContext: boolean, reason: 'stop' | 'horizon' | 'exit', gracefulLog: readonly string[]): StreamingContextState {
    const previous = this.state;
    if (previous === 'INITIALIZED') this.warn('StreamingContext has not been started yet');
    if (previous === 'STOPPED') {
      this.warn('StreamingContext has already been stopped');
      return previous;
    }
    this.state = 'STOPPED';
    this.log.emit({
      type: 'contextStopped',
      contextId: this.contextId,
      stopSparkContext,
      graceful,
      previousState: previous,
      reason,
      ...(gracefulLog.length > 0 ? { gracefulLog } : {}),
    });
    return previous;
  }
}
