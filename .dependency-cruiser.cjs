/**
 * The layers of src/ (docs/architecture.md), checked in CI by `npm run lint`. Type-only imports
 * count: a lower layer names nothing of a higher one. Bottom to top:
 *
 *   util, time, conf, errors        foundation
 *   events                          the event union, the log, lifecycle rules
 *   net, env                        the simulated network and JVM (clock, log, stdout)
 *   rdd → core                      RDDs (through the RddContext port), SparkContext
 *   receiver → dstream              receivers, DStream kinds (through their runtime ports)
 *   scheduler → streaming           JobGenerator/JobScheduler, the StreamingContext facade
 *   python                          the bridge to a real CPython (a .py program's "JVM" gateway)
 *   testing, timeline → scenario → views → report → cli → index   the tools around the engine
 *   (report/page/ is the report's browser script: it imports only report/model/)
 */
const layer = (name, forbidden) => ({
  name: `layer-${name}`,
  severity: 'error',
  comment: `src/${name} is below ${forbidden.join(', ')} and must not import them`,
  from: { path: `^src/${name}/` },
  to: { path: `^src/(${forbidden.join('|')})(/|\\.ts$)` },
});
const engine = ['events', 'net', 'env', 'rdd', 'core', 'receiver', 'dstream', 'scheduler', 'streaming'];
const tools = ['python', 'testing', 'timeline', 'scenario', 'views', 'report', 'cli', 'index'];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles. The one deliberate circle is src/dstream/internal.ts (the base class builds its subclasses, as in Spark); type-only cycles inside one folder (RDD and its pair functions) are allowed.',
      from: {},
      to: { circular: true, viaNot: '^src/dstream/internal\\.ts$', viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-circular-across-folders',
      severity: 'error',
      comment: 'No cycle, not even of type-only imports, that leaves its folder (except through dstream/internal.ts).',
      from: { path: '^src/([^/]+)/' },
      to: { circular: true, viaNot: '^src/dstream/internal\\.ts$', viaSomeNot: '^src/$1/' },
    },
    layer('util', ['events', ...engine, ...tools]),
    layer('time', ['events', ...engine, ...tools]),
    layer('conf', ['events', ...engine, ...tools]),
    layer('events', engine.slice(1).concat(tools)),
    layer('net', engine.slice(2).concat(tools)),
    layer('env', ['rdd', 'core', 'receiver', 'dstream', 'scheduler', 'streaming', ...tools]),
    layer('rdd', ['core', 'receiver', 'dstream', 'scheduler', 'streaming', ...tools]),
    layer('core', ['receiver', 'dstream', 'scheduler', 'streaming', ...tools]),
    layer('receiver', ['dstream', 'scheduler', 'streaming', ...tools]),
    {
      name: 'layer-dstream',
      severity: 'error',
      comment:
        'DStream kinds reach their context only through StreamingRuntime (State, StateSpec and Job are plain data types they make)',
      from: { path: '^src/dstream/' },
      to: {
        path: ['^src/scheduler/', `^src/(${tools.join('|')})(/|\\.ts$)`, '^src/streaming/'],
        pathNot: ['^src/streaming/(State|StateSpec)\\.ts$', '^src/scheduler/Job\\.ts$'],
      },
    },
    layer('scheduler', ['streaming', ...tools]),
    layer('streaming', tools),
    layer('python', ['testing', 'timeline', 'scenario', 'views', 'report', 'cli', 'index']),
    layer('testing', ['python', 'scenario', 'views', 'report', 'cli', 'index']),
    layer('timeline', ['python', 'testing', 'scenario', 'views', 'report', 'cli', 'index']),
    layer('scenario', ['views', 'report', 'cli', 'index']),
    layer('views', ['report', 'cli', 'index']),
    layer('report', ['cli', 'index']),
    {
      name: 'report-page',
      severity: 'error',
      comment: 'The report page runs in a browser: it imports only its own files and the view model (src/report/model/)',
      from: { path: '^src/report/page/' },
      to: { path: '^src/', pathNot: '^src/report/(page|model)/' },
    },
    {
      name: 'report-model-pure',
      severity: 'error',
      comment: 'The files the page bundles (types, search) import nothing but each other',
      from: { path: '^src/report/model/(types|search)\\.ts$' },
      to: { path: '^src/', pathNot: '^src/report/model/(types|search)\\.ts$' },
    },
    layer('cli', ['index']),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
