import { SimulationError } from '../../errors';

/**
 * A law did not hold for one input: `batchTime` names the output batch (ms) where it broke, the
 * message says what was expected and what came out. Thrown inside a property; `checkLaw` turns
 * the shrunk one into a report with the input as a timeline.
 */
export class LawViolation extends SimulationError {
  constructor(
    readonly law: string,
    readonly batchTime: number | undefined,
    detail: string,
  ) {
    super(`${law}${batchTime !== undefined ? ` (batch ${batchTime} ms)` : ''}: ${detail}`, 'LAW_VIOLATED');
    this.name = 'LawViolation';
  }
}
