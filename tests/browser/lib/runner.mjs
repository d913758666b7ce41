// A deliberately small test runner: runs tests one after another, prints one
// line per test (details indented under failures) and returns the counts.

// Generous: one check is a page load plus a few interactions, a few seconds at most.
const TEST_TIMEOUT_MS = 60_000;

/** `tests` is a list of `{ name, fn }`; resolves to `{ passed, failed }`. */
export async function runTests(tests, log = console.log) {
  let passed = 0;
  let failed = 0;
  for (const { name, fn } of tests) {
    const started = Date.now();
    try {
      await withTimeout(fn(), TEST_TIMEOUT_MS, name);
      passed += 1;
      log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      log(`FAIL ${name}`);
      log(indent(describeError(error)));
    }
  }
  return { passed, failed };
}

/** The summary line CI reads: exactly `N passed, N failed`, alone on its line. */
export function summaryLine({ passed, failed }) {
  return `${passed} passed, ${failed} failed`;
}

export function describeError(error) {
  // Assertion messages end in blank lines; keep the report compact.
  return (error?.message ?? String(error)).trimEnd();
}

export function indent(text) {
  return text.split('\n').map((line) => `     ${line}`).join('\n');
}

function withTimeout(promise, ms, name) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
