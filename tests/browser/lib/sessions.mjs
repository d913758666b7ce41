// Signed-in sessions: each account logs in once per run through the real
// form; every later context for that account starts from the saved cookies.
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, LOGIN_PATH } from './accounts.mjs';
import { withPage } from './browser.mjs';
import { signInByKeyboard } from './keyboard.mjs';
import { once } from './runner.mjs';

/**
 * Returns `sessionFor(email)`: a promise of that account's Playwright storage
 * state (its `nara_session` cookie). The first call logs in; later calls reuse it.
 */
export function sessionStore(browser, baseUrl) {
  return once((email) => signIn(browser, baseUrl, email));
}

function signIn(browser, baseUrl, email) {
  return withPage(browser, {}, async (page) => {
    await page.goto(`${baseUrl}${LOGIN_PATH}`);
    await signInByKeyboard(page, email, DEMO_PASSWORD);
    const landed = new URL(page.url()).pathname;
    assert.notEqual(landed, LOGIN_PATH, `logging in as ${email} with the demo password stayed on ${LOGIN_PATH}`);
    return page.context().storageState();
  });
}
