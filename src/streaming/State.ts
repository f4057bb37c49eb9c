import { NoSuchElementError, requireThat } from '../errors';

/**
 * The state of one key inside a `mapWithState` function. Spark: `State` (`StateImpl`). Messages
 * are Spark's.
 */
export class State<S> {
  private value: S | undefined;
  private defined = false;
  private timingOut = false;
  // Stryker disable next-line BooleanLiteral: read only through the internal isUpdated(), after wrap() reset it
  private updated = false;
  private removed = false;

  /** @internal Wrap an existing state (or none) for one call. */
  wrap(exists: boolean, value: S | undefined): this {
    this.value = value;
    this.defined = exists;
    this.timingOut = false;
    this.updated = false;
    this.removed = false;
    return this;
  }

  /** @internal Wrap a state that is timing out. */
  wrapTimingOut(value: S): this {
    this.wrap(true, value);
    this.timingOut = true;
    return this;
  }

  /** Whether the state exists. */
  exists(): boolean {
    return this.defined;
  }

  /** The state; throws `NoSuchElementError("State is not set")` if it does not exist. */
  get(): S {
    if (!this.defined) throw new NoSuchElementError('State is not set', 'STATE_NOT_SET');
    return this.value as S;
  }

  /** The state, or `undefined` (Spark: `getOption`). */
  getOption(): S | undefined {
    return this.defined ? this.value : undefined;
  }

  /** Set the state. Refused after `remove()` and while timing out. */
  update(newState: S): void {
    requireThat(!this.removed, 'Cannot update the state after it has been removed');
    requireThat(!this.timingOut, 'Cannot update the state that is timing out');
    this.value = newState;
    this.defined = true;
    this.updated = true;
  }

  /** Remove the state. Refused while timing out and when already removed. */
  remove(): void {
    requireThat(!this.timingOut, 'Cannot remove the state that is timing out');
    requireThat(!this.removed, 'Cannot remove the state that has already been removed');
    this.defined = false;
    // Stryker disable next-line BooleanLiteral: a removed state is dropped whatever isUpdated() says (isRemoved() is checked first), and update() is refused after remove()
    this.updated = false;
    this.removed = true;
  }

  /** Whether the key is being called because its state timed out (data is then `undefined`). */
  isTimingOut(): boolean {
    return this.timingOut;
  }

  /** @internal */
  isRemoved(): boolean {
    return this.removed;
  }

  /** @internal */
  isUpdated(): boolean {
    return this.updated;
  }

  /** Spark: the state's string, or `<state not set>`. */
  toString(): string {
    return this.defined ? String(this.value) : '<state not set>';
  }
}
