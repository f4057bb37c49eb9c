/** The browser suite's setup, without a browser: where chromium is looked for, and the advice when it is missing. */
import { chromiumPath } from '../browser/browser';

test('no browser: the suite fails saying how to install one', () => {
  expect(() => chromiumPath({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
    'no browser at /nonexistent/chromium: the browser suite needs Debian\'s chromium. Install it with `apt-get install -y chromium` (as root; apt-get update first), or set CHROMIUM_PATH to a Chromium executable.',
  );
  expect(() => chromiumPath({ CHROMIUM_PATH: process.execPath })).not.toThrow();
});

