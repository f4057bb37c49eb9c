/**
 * How records are written into a checkpoint file (docs/checkpoints.md): JSON values as they are,
 * and the values JSON cannot hold as one-key tagged objects (`{"$bytes": base64}`,
 * `{"$undefined": true}`, `{"$number": "NaN"}`, `{"$map": [[k, v] …]}`, `{"$set": […]}`, `{"$object": {…}}` for a plain object with a key
 * that starts with `$`). Layers above register codecs for their own values (the Python bridge:
 * `{"$py": …}`, a record's pickle and texts, untouched). Spark serializes RDD records with Java
 * serialization or pickles; this is the simulator's readable stand-in.
 */
export interface RecordCodec {
  /** The tag, e.g. `$py`. */
  readonly tag: string;
  /** Whether this codec writes the value. */
  handles(value: unknown): boolean;
  encode(value: unknown): unknown;
  decode(data: unknown): unknown;
}

const codecs = new Map<string, RecordCodec>();

/** Register a codec for values of a higher layer (idempotent per tag). */
export function registerRecordCodec(codec: RecordCodec): void {
  codecs.set(codec.tag, codec);
}

/** A value that cannot be written into a checkpoint (a function, a class instance …). */
export class UnencodableRecordError extends Error {}

/** Encode one record (recursively) as JSON-safe data. */
export function encodeRecord(v: unknown): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { $number: String(v) };
  if (v === undefined) return { $undefined: true };
  if (typeof v === 'bigint') return { $bigint: v.toString() };
  for (const c of codecs.values()) if (c.handles(v)) return { [c.tag]: c.encode(v) };
  if (v instanceof Uint8Array) return { $bytes: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (Array.isArray(v)) return v.map(encodeRecord);
  if (v instanceof Map) return { $map: [...v].map(([k, x]) => [encodeRecord(k), encodeRecord(x)]) };
  if (v instanceof Set) return { $set: [...v].map(encodeRecord) };
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = encodeRecord(x);
    return Object.keys(out).some((k) => k.startsWith('$')) ? { $object: out } : out;
  }
  throw new UnencodableRecordError(`a ${typeof v === 'object' ? (v.constructor?.name ?? 'object') : typeof v} cannot be written into a checkpoint`);
}

/** Decode what {@link encodeRecord} wrote. */
export function decodeRecord(d: unknown): unknown {
  if (d === null || typeof d !== 'object') return d;
  if (Array.isArray(d)) return d.map(decodeRecord);
  const o = d as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && keys[0]!.startsWith('$')) {
    const tag = keys[0]!;
    const x = o[tag];
    if (tag === '$undefined') return undefined;
    if (tag === '$number') return Number(x);
    if (tag === '$bigint') return BigInt(String(x));
    if (tag === '$bytes') return new Uint8Array(Buffer.from(String(x), 'base64'));
    if (tag === '$object') return decodePlain(x as Record<string, unknown>);
    if (tag === '$map') return new Map((x as [unknown, unknown][]).map(([k, y]) => [decodeRecord(k), decodeRecord(y)]));
    if (tag === '$set') return new Set((x as unknown[]).map(decodeRecord));
    const c = codecs.get(tag);
    if (c !== undefined) return c.decode(x);
    throw new UnencodableRecordError(`unknown record tag '${tag}'`);
  }
  return decodePlain(o);
}

function decodePlain(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) out[k] = decodeRecord(x);
  return out;
}
