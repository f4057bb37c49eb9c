import { InvalidArgumentError } from 'commander';
import type { InspectionDefaults } from '../events/InspectionDefaults';
import { parseStartDate } from '../util/startDate';

/** What `run --inspect` can turn on, as the transcript names them. */
export type InspectKind = keyof InspectionDefaults;

/** Every {@link InspectKind}, in the order the help lists them. */
export const INSPECT_KINDS: readonly InspectKind[] = ['windows', 'state', 'inputs', 'streams', 'delays'];

/** `--inspect windows,state`: the kinds named (commander argument parser; errors say what is allowed). */
export function inspectOption(v: string): InspectKind[] {
  const kinds = v.split(',').map((k) => k.trim()).filter((k) => k.length > 0);
  if (kinds.length === 0) throw new InvalidArgumentError(`name what to inspect: ${INSPECT_KINDS.join(', ')} (comma-separated)`);
  for (const k of kinds) {
    if (!(INSPECT_KINDS as readonly string[]).includes(k)) {
      throw new InvalidArgumentError(`'${k}' is not one of ${INSPECT_KINDS.join(', ')} (comma-separated, e.g. windows,state)`);
    }
  }
  return [...new Set(kinds)] as InspectKind[];
}

/** The inspection options that record the kinds named. */
export function inspectionFor(kinds: readonly InspectKind[]): InspectionDefaults {
  const o: InspectionDefaults = {};
  for (const k of kinds) {
    if (k === 'streams') o.streams = 'all';
    else o[k] = true;
  }
  return o;
}

/** `--start 2026-01-01T00:00:00Z`: checked here, passed on as written. */
export function startOption(v: string): string {
  const r = parseStartDate(v);
  if ('error' in r) throw new InvalidArgumentError(r.error);
  return v;
}
