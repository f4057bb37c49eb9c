/**
 * The public facades (`SparkContext`, `StreamingContext`) as seen from the layers below them.
 *
 * Spark's lower classes hand their owner back to users (`rdd.context`, `dstream.context()`), but a
 * lower layer here must not import a higher one (that would close an import circle). So each
 * facade registers its type here by declaration merging, from its own module:
 *
 * ```ts
 * declare module '../util/facades' { interface Facades { sparkContext: SparkContext } }
 * ```
 *
 * and the lower layer types the member as `FacadeOf<'sparkContext', RddContext>`: the real class
 * whenever the facade is part of the program (it always is, through `src/index.ts`), else the port.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Facades {}

/** The facade registered under `K`, or `Port` when none is. */
export type FacadeOf<K extends string, Port> = Facades extends Record<K, infer F> ? F : Port;
