// The children's officer records a placement by keyboard on a child's case page: an end date
// before the start is refused with the error summary (nothing typed lost), then the placement is
// recorded and listed; the dashboard of the board's goals reads its figures from such records.
import assert from 'node:assert/strict';
import { CHILD_OFFICER } from './accounts.mjs';
import { assertNoAxeViolations, visit } from './checks.mjs';
import { assertFocused, pressForNewPage, tabTo } from './keyboard.mjs';

export async function placementJourney(env) {
  await visit({ ...env, entry: { path: '/handlaggare', as: CHILD_OFFICER } }, {}, async (page) => {
    const main = page.getByRole('main');
    await tabTo(page, main.getByRole('link', { name: 'Samtalsstöd för familjen' }), "Omar's case in the work list");
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/handlaggare\/arenden\/[0-9a-f-]+$/);

    // An emergency home that ends before it starts: refused.
    await tabTo(page, page.locator('#placement-kind'), 'the kind of placement');
    assert.equal(await page.locator('#placement-kind').inputValue(), 'jourhem', 'the emergency home comes first');
    // A date field's segments follow the browser's locale: the value is set where focus is.
    await page.keyboard.press('Tab');
    await assertFocused(page, page.locator('#placement-start'), 'the start date after the kind');
    await page.locator('#placement-start').fill('2026-02-01');
    await tabTo(page, page.locator('#placement-end'), 'the end date');
    await page.locator('#placement-end').fill('2026-01-15');
    await tabTo(page, main.getByRole('button', { name: 'Anteckna placeringen' }), 'the record button');
    await pressForNewPage(page);
    assert.ok(await page.locator('.error-summary').isVisible(), 'an error summary');
    assert.match(await page.title(), /^Fel:/);
    assert.equal(await page.locator('#placement-start').inputValue(), '2026-02-01', 'nothing typed is lost');
    await assertNoAxeViolations(page);

    // The summary's link leads to the end date; it is emptied (still ongoing) and recorded.
    await tabTo(page, page.locator('.error-summary a').first(), 'the error in the summary');
    await page.keyboard.press('Enter');
    await assertFocused(page, page.locator('#placement-end'), 'the end date, from the summary');
    await page.locator('#placement-end').fill('');
    await tabTo(page, main.getByRole('button', { name: 'Anteckna placeringen' }), 'the record button');
    await pressForNewPage(page);
    assert.match(page.url(), /klart=placering#placeringar$/);
    const placements = main.locator('section[aria-labelledby="placeringar"]');
    assert.match(await placements.innerText(), /Jourhem\s+2026-02-01\s+Pågår/, 'the placement is listed as ongoing');
    await assertNoAxeViolations(page);
  });
}
