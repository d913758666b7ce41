#!/usr/bin/env node
// Nära browser test suite: drives headless Chromium against the real `nara`
// server and checks accessibility on every page below. See README.md.
//
//   node tests/browser/run.mjs        (from the repo root, or `npm test` here)
import { describeError, indent, runTests, summaryLine } from './lib/runner.mjs';
import { startServer } from './lib/server.mjs';

/** Every page the suite checks. `status` is the expected HTTP status; the language comes from the path. */
const PAGES = [
  { path: '/', status: 200 },
  { path: '/en/', status: 200 },
  { path: '/tillganglighet', status: 200 },
  { path: '/en/tillganglighet', status: 200 },
  { path: '/finns-inte-xyz', status: 404 },
  { path: '/en/finns-inte-xyz', status: 404 },
];

async function main() {
  let counts = { passed: 0, failed: 0 };
  let server;
  let browser;
  try {
    // Loaded here rather than imported at the top so a missing `npm ci`
    // is reported as a failed run with a summary line, not a stack trace.
    const { launchBrowser } = await import('./lib/browser.mjs');
    const { CHECKS } = await import('./lib/checks.mjs');
    server = await startServer();
    console.log(`testing ${server.baseUrl}`);
    browser = await launchBrowser();
    counts = await runTests(buildTests(CHECKS, { browser, baseUrl: server.baseUrl }));
  } catch (error) {
    console.log(`FAIL setup\n${indent(describeSetupError(error))}`);
    counts.failed += 1;
  } finally {
    await closeQuietly('browser', () => browser?.close());
    await closeQuietly('server', () => server?.stop());
  }
  console.log(summaryLine(counts));
  process.exitCode = counts.failed > 0 ? 1 : 0;
}

function describeSetupError(error) {
  const hint = error?.code === 'ERR_MODULE_NOT_FOUND' ? '\n(run `npm ci` in tests/browser first)' : '';
  return describeError(error) + hint;
}

/** One test per (page x check), so a failure names both. */
function buildTests(checks, env) {
  return PAGES.flatMap((entry) => checks.map((check) => ({
    name: `${entry.path} › ${check.name}`,
    fn: () => check.run({ ...env, entry }),
  })));
}

/** Teardown problems are worth a line but must not hide the test results. */
async function closeQuietly(what, close) {
  try {
    await close();
  } catch (error) {
    console.log(`warning: could not stop ${what}: ${describeError(error)}`);
  }
}

await main();
