// Keyboard-only interaction: move focus with Tab, type into the focused field
// and press Enter, the way a keyboard or switch user does. No mouse clicks.
import assert from 'node:assert/strict';

// More than any page's tab stops before the control a test is after (the directory's entry form
// has about 80: a checkbox for each area, target group and language).
const MAX_TABS = 120;

/** Whether `locator`'s element has the focus. */
export function isFocused(locator) {
  return locator.evaluate((el) => el === document.activeElement);
}

/** Short description of the focused element, for failure messages. */
export function describeFocus(page) {
  return page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing');
}

/** Presses Tab until `locator` has the focus; fails if it is never reached. */
export async function tabTo(page, locator, what) {
  for (let tabs = 0; tabs < MAX_TABS; tabs += 1) {
    await page.keyboard.press('Tab');
    if (await isFocused(locator)) return;
  }
  assert.fail(`${MAX_TABS} presses of Tab never reached ${what}; focus is on ${await describeFocus(page)}`);
}

/** Asserts `locator` has the focus right now. */
export async function assertFocused(page, locator, what) {
  assert.ok(await isFocused(locator), `expected focus on ${what}, it is on ${await describeFocus(page)}`);
}

/** Presses `key` (Enter on a link or in a form) and waits for the next page to load. */
export async function pressForNewPage(page, key = 'Enter') {
  const loaded = page.waitForEvent('load');
  await page.keyboard.press(key);
  await loaded;
}

/**
 * Fills the log-in form on the current page by keyboard: Tab to the e-mail
 * field, type, Tab to the password, type, Enter. Resolves once the answer loaded.
 */
export async function signInByKeyboard(page, email, password) {
  await tabTo(page, page.locator('#email'), 'the e-mail field #email');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await assertFocused(page, page.locator('#password'), 'the password field #password after Tab from #email');
  await page.keyboard.type(password);
  await pressForNewPage(page);
}
