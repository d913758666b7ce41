// One headless Chromium for the whole run; each group of checks gets a fresh context so
// focus, cookies and viewport never leak from one page's checks into the next.
import { chromium } from 'playwright-core';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Playwright cannot download its own browser here, so drive Debian's build.
// No --user-data-dir: Playwright manages profiles itself and rejects it.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const ACTION_TIMEOUT_MS = 10_000;
const NAVIGATION_TIMEOUT_MS = 20_000;

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * Runs `fn(page)` in a new context built from `contextOptions`
 * (e.g. `{ javaScriptEnabled: false }`) and always closes it.
 */
export async function withPage(browser, contextOptions, fn) {
  const context = await browser.newContext(contextOptions);
  try {
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
    const page = await context.newPage();
    return await fn(page);
  } finally {
    await context.close();
  }
}
