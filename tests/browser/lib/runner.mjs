// A deliberately small test runner: runs a few tests at a time, prints one
// line per test in list order (details indented under failures) and returns
// the counts.

// Generous: one check is a page load plus a few interactions, a few seconds at most.
// A long journey (ten pages and more) on a loaded two-core machine takes up to a minute.
const TEST_TIMEOUT_MS = 120_000;
// Tests are independent (each opens its own browser context) and spend much
// of their time waiting on the server or the browser, so overlapping a few
// shortens the run. NARA_BROWSER_CONCURRENCY=1 runs them one at a time.
const DEFAULT_CONCURRENCY = 4;

/** `tests` is a list of `{ name, fn }`; resolves to `{ passed, failed }`. */
export async function runTests(tests, log = console.log) {
  const concurrency = Number(process.env.NARA_BROWSER_CONCURRENCY) || DEFAULT_CONCURRENCY;
  const outcomes = tests.map(deferred);
  let next = 0;
  const worker = async () => {
    while (next < tests.length) {
      const index = next;
      next += 1;
      outcomes[index].resolve(await runOne(tests[index]));
    }
  };
  const workers = Array.from({ length: Math.min(concurrency, tests.length) }, worker);

  let passed = 0;
  let failed = 0;
  for (const { promise } of outcomes) {
    const { name, ms, error } = await promise;
    if (error) {
      failed += 1;
      log(`FAIL ${name}`);
      log(indent(describeError(error)));
    } else {
      passed += 1;
      log(`ok   ${name} (${ms} ms)`);
    }
  }
  await Promise.all(workers);
  return { passed, failed };
}

/** `{ promise, resolve }` (Promise.withResolvers needs Node 22). */
function deferred() {
  let resolve;
  const promise = new Promise((done) => { resolve = done; });
  return { promise, resolve };
}

/** Never throws: resolves to `{ name, ms, error }`, `error` undefined on success. */
async function runOne({ name, fn }) {
  const started = Date.now();
  try {
    await withTimeout(fn(), TEST_TIMEOUT_MS, name);
    return { name, ms: Date.now() - started };
  } catch (error) {
    return { name, ms: Date.now() - started, error };
  }
}

/** The summary line CI reads: exactly `N passed, N failed`, alone on its line. */
export function summaryLine({ passed, failed }) {
  return `${passed} passed, ${failed} failed`;
}

/**
 * `fn(key)` computed once per key and shared by every later call (a promise
 * too, so concurrent and later callers wait for the same work).
 */
export function once(fn) {
  const results = new Map();
  return (key) => {
    if (!results.has(key)) results.set(key, fn(key));
    return results.get(key);
  };
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
