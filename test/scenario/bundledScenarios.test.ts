/** Every bundled scenario matches its golden transcript. */
import * as path from 'node:path';
import { dstreamMatchers, findScenarios, runScenario } from 'dstream-sim';

expect.extend(dstreamMatchers);

const root = path.join(__dirname, '..', '..', 'scenarios');
const dirs = findScenarios([root]);

test('there are at least 20 bundled scenarios, each with a description', () => {
  expect(dirs.length).toBeGreaterThanOrEqual(20);
});

describe.each(dirs.map((d) => [path.basename(d), d]))('scenario %s', (_name, dir) => {
  test('matches its golden transcript', async () => {
    const r = await runScenario(dir);
    expect(r.scenario.description.length).toBeGreaterThan(40);
    expect(r).toMatchGolden(r.scenario.golden);
  });
});
