/** A `.py` program's checkpoint holds its records' pickles untouched (docs/checkpoints.md). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runScenario } from '../../src/index';
import { makePyScenario, PREAMBLE } from './pyScenario';

test('the state RDD in a checkpoint file is the records as Python pickled them: unpickling gives the very state', async () => {
  const dir = makePyScenario(
    'py-checkpoint-content',
    `${PREAMBLE}ssc.checkpoint("cp")
ssc.textFileStream("in").map(lambda w: (w.strip(), 1)).updateStateByKey(lambda vs, s: sum(vs) + (s or 0)).pprint()
ssc.start()
ssc.awaitTerminationOrTimeout(10.5)
import base64, json, pickle
cp = json.load(open("cp/checkpoint-10000"))
state = [s for s in cp["graph"]["streams"] if s["kind"] == "PythonStateDStream"][0]
print([r["timeMs"] for r in state["rdds"]])
print(sorted(pickle.loads(base64.b64decode(rec["$py"]["p"])) for part in state["rdds"][0]["partitions"] for rec in part))
`,
    'timeline: timeline.yaml\nuntil: 12\n',
    'sources:\n  d: { directory: in }\nevents:\n  - { at: 0.5, source: d, file: a.txt, content: "a\\n" }\n  - { at: 1.5, source: d, file: b.txt, content: "b\\na\\n" }\n',
  );
  try {
    const result = await runScenario(dir);
    const printed = result.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []));
    expect(printed).toEqual(['[10000]', "[('a', 2), ('b', 1)]"]);
    expect(result.events.some((e) => e.type === 'warning' && e.message.startsWith('Could not write checkpoint'))).toBe(false);
  } finally {
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});
