/**
 * Configuration of a Spark application as key/value strings. Spark: `SparkConf`
 * (PySpark: `pyspark.SparkConf`).
 */
export class SparkConf {
  private readonly settings = new Map<string, string>();

  constructor(entries?: Record<string, string | number | boolean>) {
    if (entries) for (const [k, v] of Object.entries(entries)) this.set(k, v);
  }

  /** Set a key (values are stored as strings, as in Spark). Returns this conf for chaining. */
  set(key: string, value: string | number | boolean): this {
    this.settings.set(key, String(value));
    return this;
  }

  /** Spark: `setMaster`. */
  setMaster(master: string): this {
    return this.set('spark.master', master);
  }

  /** Spark: `setAppName`. */
  setAppName(name: string): this {
    return this.set('spark.app.name', name);
  }

  /** Spark: `setIfMissing`. */
  setIfMissing(key: string, value: string | number | boolean): this {
    if (!this.settings.has(key)) this.set(key, value);
    return this;
  }

  /** The value of `key`, or `defaultValue` (undefined if none). */
  get(key: string): string | undefined;
  get(key: string, defaultValue: string): string;
  get(key: string, defaultValue?: string): string | undefined {
    return this.settings.get(key) ?? defaultValue;
  }

  /** Spark: `getBoolean`. */
  getBoolean(key: string, defaultValue: boolean): boolean {
    const v = this.settings.get(key);
    return v === undefined ? defaultValue : v.trim().toLowerCase() === 'true';
  }

  /** Spark: `getInt`. */
  getInt(key: string, defaultValue: number): number {
    const v = this.settings.get(key);
    return v === undefined ? defaultValue : parseInt(v, 10);
  }

  contains(key: string): boolean {
    return this.settings.has(key);
  }

  /** All settings, sorted by key (Spark: `getAll`). */
  getAll(): [string, string][] {
    return [...this.settings.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  /** A copy of this conf. */
  clone(): SparkConf {
    const c = new SparkConf();
    for (const [k, v] of this.settings) c.set(k, v);
    return c;
  }
}
