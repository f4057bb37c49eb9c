/** The sources `dstream-sim new --from` can start a scenario with. */
export type TemplateSource = 'socket' | 'file' | 'queue';

/** Every {@link TemplateSource}; the first is the default. */
export const TEMPLATE_SOURCES: readonly TemplateSource[] = ['socket', 'file', 'queue'];

/** The files of a new scenario: name → content. */
export type ScenarioFiles = Record<string, string>;

const program = (comment: string, body: string, name: string): string => `${comment}
import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[2]', appName: '${name}' });
const ssc = new StreamingContext(sc, 1);   // a 1-second batch

${body}
ssc.start();
await ssc.awaitTermination();
`;

const WORD_COUNT = `  .flatMap((line) => line.split(' '))
  .map((word): [string, number] => [word, 1])
  .reduceByKey((a, b) => a + b)
  .pprint();
`;

const scenarioYaml = (source: TemplateSource, timeline: boolean): string => `description: >
  TODO: one paragraph saying what this scenario shows (a word count over a ${source} source).
program: program.ts
${timeline ? 'timeline: timeline.yaml\n' : ''}until: 3                       # seconds of virtual time (or batches: N)
# inspect: { windows: true, state: true }   # also show windows and state changes
# startDate: 2026-01-01T00:00:00Z            # the virtual clock's start (default 1970-01-01)
`;

const TIMELINE_HEADER = `# What arrives when, in seconds since the run's start (see docs/timeline.md).
`;

/** The files of a new scenario named `name` reading from `source`: small, runnable, idiomatic. */
export function scenarioTemplate(source: TemplateSource, name: string): ScenarioFiles {
  switch (source) {
    case 'socket':
      return {
        'scenario.yaml': scenarioYaml(source, true),
        'program.ts': program(
          `// PySpark: lines = ssc.socketTextStream("localhost", 9999)
//          lines.flatMap(lambda l: l.split(" ")).map(lambda w: (w, 1)).reduceByKey(add).pprint()`,
          `// timeline.yaml plays what \`nc -lk 9999\` would send.\nssc.socketTextStream('localhost', 9999)\n${WORD_COUNT}`,
          name,
        ),
        'timeline.yaml': `${TIMELINE_HEADER}sources:
  nc: { socket: "localhost:9999" }
events:
  - { at: 0.5, source: nc, lines: ["hello spark", "hello streaming"] }
  - { at: 1.5, source: nc, lines: ["spark streaming"] }
`,
      };
    case 'file':
      return {
        'scenario.yaml': scenarioYaml(source, true),
        'program.ts': program(
          `// PySpark: lines = ssc.textFileStream("input")
//          lines.flatMap(lambda l: l.split(" ")).map(lambda w: (w, 1)).reduceByKey(add).pprint()`,
          `// timeline.yaml writes the files into input/, inside the run's directory.\nssc.textFileStream('input')\n${WORD_COUNT}`,
          name,
        ),
        'timeline.yaml': `${TIMELINE_HEADER}sources:
  inbox: { directory: input }
events:
  - { at: 0.5, source: inbox, file: a.txt, content: "hello spark\\nhello streaming\\n" }
  - { at: 1.5, source: inbox, file: b.txt, content: "spark streaming\\n" }
`,
      };
    case 'queue':
      return {
        'scenario.yaml': scenarioYaml(source, false),
        'program.ts': program(
          `// PySpark: rdds = [sc.parallelize(["hello spark", "hello streaming"]), sc.parallelize(["spark streaming"])]
//          ssc.queueStream(rdds).flatMap(lambda l: l.split(" ")).map(lambda w: (w, 1)).reduceByKey(add).pprint()`,
          `// One RDD of the queue per batch; then empty batches.
const rdds = [sc.parallelize(['hello spark', 'hello streaming']), sc.parallelize(['spark streaming'])];
ssc.queueStream(rdds)
${WORD_COUNT}`,
          name,
        ),
      };
  }
}
