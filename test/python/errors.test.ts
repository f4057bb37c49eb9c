/** How a .py program fails: at the user's own file:line, with Python's traceback and Spark's messages. */
import { runScenario, SimulationError } from 'dstream-sim';
import { makePyScenario, PREAMBLE } from './pyScenario';

jest.setTimeout(30_000);

test("a misspelt method fails as PySpark fails: AttributeError at the user's line", async () => {
  const r = await runScenario(`${__dirname}/../../scenarios/py-notes-flat-map`);
  expect(r.transcript).toContain(
    [
      "[0 ms] program failed: AttributeError: 'DStream' object has no attribute 'flatmap'",
      '  at program.py:16',
      '  Traceback (most recent call last):',
      '    File "program.py", line 16, in <module>',
      '      ds2.flatmap(lambda v:v.split(",")).pprint()',
    ].join('\n'),
  );
});

test("an exception in a user function fails the batch's job with the Python traceback and reaches awaitTermination", async () => {
  const dir = makePyScenario(
    'fails',
    `${PREAMBLE}ds = ssc.queueStream([[1, 2, 0]])

def inverse(x):
    return 10 / x

ds.map(inverse).pprint()
ssc.start()
try:
    ssc.awaitTermination()
except Exception as e:
    print("caught", type(e).__name__)
    raise
`,
    'until: 3\n',
  );
  const r = await runScenario(dir);
  expect(r.transcript).toContain(
    [
      'job 0 (pprint [2]) failed: org.apache.spark.api.python.PythonException: ZeroDivisionError: division by zero',
      '[1000 ms] error (Error running job streaming job 1000 ms.0): PythonException: ZeroDivisionError: division by zero',
      '  at program.py:8',
      '  Traceback (most recent call last):',
      '    File "program.py", line 8, in inverse',
      '      return 10 / x',
    ].join('\n'),
  );
  expect(r.transcript).toContain('[1000 ms] program: caught Py4JJavaError\n');
  expect(r.transcript).toContain(
    '[1000 ms] program failed: Py4JJavaError: An error occurred while calling ssc.awaitTermination. org.apache.spark.api.python.PythonException: ZeroDivisionError: division by zero\n  at program.py:13\n',
  );
});

test("a lifecycle refusal raises Py4JJavaError with Spark's message at the user's line", async () => {
  const dir = makePyScenario(
    'restart',
    `${PREAMBLE}ssc.queueStream([[1]]).pprint()
ssc.start()
ssc.stop(stopSparkContext=False)
ssc.start()
`,
    'until: 2\n',
  );
  const r = await runScenario(dir);
  expect(r.transcript).toContain('refused StreamingContext.start() [rule start-after-stop]: IllegalStateError: StreamingContext has already been stopped');
  expect(r.transcript).toContain(
    '[0 ms] program failed: Py4JJavaError: An error occurred while calling ssc.start. java.lang.IllegalStateException: StreamingContext has already been stopped\n  at program.py:8\n',
  );
});

test('a syntax error is reported at file:line', async () => {
  const dir = makePyScenario('syntax', 'from pyspark import SparkContext\nx = (1,\nprint(x\n', 'until: 1\n');
  const r = await runScenario(dir);
  expect(r.transcript).toContain("[0 ms] program failed: SyntaxError: '(' was never closed\n  at program.py:3\n");
});

test('a Python process that dies is reported, never a silent empty run', async () => {
  const dir = makePyScenario('dies', `${PREAMBLE}ssc.queueStream([[1]]).foreachRDD(lambda rdd: __import__("os")._exit(7))\nssc.start()\nssc.awaitTermination()\n`, 'until: 3\n');
  const r = await runScenario(dir);
  expect(r.transcript).toContain('program failed: SimulationError: the Python process (python3) exited with code 7 before the program ended');
});

test('a Python process that hangs is reported after DSTREAM_SIM_PYTHON_TIMEOUT seconds', async () => {
  const dir = makePyScenario(
    'hangs',
    `${PREAMBLE}def spin(rdd):\n    while True:\n        pass\nssc.queueStream([[1]]).foreachRDD(spin)\nssc.start()\nssc.awaitTermination()\n`,
    'until: 3\n',
  );
  process.env['DSTREAM_SIM_PYTHON_TIMEOUT'] = '3';
  try {
    const r = await runScenario(dir);
    expect(r.transcript).toContain('[1000 ms] program failed: SimulationError: the Python process (python3) did not answer for 3 s of real time: it hangs');
  } finally {
    delete process.env['DSTREAM_SIM_PYTHON_TIMEOUT'];
  }
});

test('without a Python the error names --python and DSTREAM_SIM_PYTHON', async () => {
  const dir = makePyScenario('nopython', 'print(1)\n', 'until: 1\n');
  process.env['DSTREAM_SIM_PYTHON'] = '/nonexistent/python3';
  try {
    const run = runScenario(dir);
    await expect(run).rejects.toThrow(SimulationError);
    await expect(run).rejects.toThrow(/cannot run Python '\/nonexistent\/python3' \(from DSTREAM_SIM_PYTHON\).*--python <path> or the DSTREAM_SIM_PYTHON environment variable/);
  } finally {
    delete process.env['DSTREAM_SIM_PYTHON'];
  }
});

test('TypeScript scenarios never need Python', async () => {
  process.env['DSTREAM_SIM_PYTHON'] = '/nonexistent/python3';
  try {
    const r = await runScenario(`${__dirname}/../../scenarios/notes-map`);
    expect(r.printed).toContain("('a', 1)");
  } finally {
    delete process.env['DSTREAM_SIM_PYTHON'];
  }
});
