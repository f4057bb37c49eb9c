/** The JUnit report stays well-formed whatever a message holds. */
import { junitReport } from '../../src/cli/test/report';

test('markup and control characters in a message are escaped or replaced', () => {
  const xml = junitReport({
    rows: [{ name: 'a&b', batches: 0, result: 'ERROR', ms: 1.5, detail: 'Error: <tag> "q" \u001b[31mred\u001b[39m\nline 2' }],
    obsolete: ['gone/expected.golden'],
    ci: false,
  });
  expect(xml).toContain('<testcase classname="dstream-sim" name="a&amp;b" time="0.002">');
  expect(xml).toContain(
    '<error message="Error: &lt;tag&gt; &quot;q&quot; \uFFFD[31mred\uFFFD[39m" type="error">Error: &lt;tag&gt; &quot;q&quot; \uFFFD[31mred\uFFFD[39m\nline 2</error>',
  );
  // outside CI an obsolete golden is a warning, not a test case
  expect(xml).not.toContain('gone/expected.golden');
  expect(xml).toContain('tests="1" failures="0" errors="1"');
});

test('under CI an obsolete golden is a failing test case', () => {
  const xml = junitReport({ rows: [], obsolete: ['gone/expected.golden'], ci: true });
  expect(xml).toContain('tests="1" failures="1" errors="0"');
  expect(xml).toContain(
    '<failure message="obsolete golden: gone/expected.golden has no scenario.yaml beside it; delete it or restore the scenario" type="obsolete golden"/>',
  );
});
