// The resident's path through their own case, by keyboard: open the case, read a shared entry
// and say it is not right, book a meeting with the contact person (how to meet first, then a
// time that allows it), rebook it (the way kept, then changed), cancel it.
import assert from 'node:assert/strict';
import { RESIDENT } from './accounts.mjs';
import { assertNoAxeViolations, visit } from './checks.mjs';
import { pressForNewPage, tabTo } from './keyboard.mjs';

const COMMENT = 'Det var min bror som ringde, inte jag.';

export async function myCaseJourney(env) {
  await visit({ ...env, entry: { path: '/mina-sidor/arenden', as: RESIDENT } }, {}, async (page) => {
    const main = page.getByRole('main');
    await tabTo(page, main.getByRole('link', { name: /Stöd till dig som anhörig/ }), 'the link to the case');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/mina-sidor\/arenden\/[0-9a-f-]+$/);
    const caseUrl = page.url();
    const text = await main.innerText();
    assert.match(text, /Anna Berg/, 'the contact person is named');
    await assertNoAxeViolations(page);

    // A shared entry: say it is not right.
    await tabTo(page, main.getByRole('link', { name: /Kommentera anteckningen/ }).first(), 'the first "comment" link');
    await pressForNewPage(page);
    await tabTo(page, page.locator('#disputes'), 'the "this is not right" checkbox');
    await page.keyboard.press('Space');
    await tabTo(page, page.locator('#comment'), 'the comment field');
    await page.keyboard.type(COMMENT);
    await tabTo(page, main.getByRole('button', { name: 'Spara kommentaren' }), 'the save button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('main').innerText(), new RegExp(COMMENT), 'the comment is on the case page');
    await assertNoAxeViolations(page);

    // Book a meeting: the first free time, in person.
    await page.goto(caseUrl);
    await tabTo(page, main.getByRole('link', { name: 'Boka ett möte med din kontaktperson' }), 'the booking link');
    await pressForNewPage(page);
    await assertNoAxeViolations(page);
    // How to meet comes first (in person, the first way), then the times that allow it.
    await tabTo(page, page.locator('#satt'), 'the first way to meet');
    await page.keyboard.press('Space');
    await tabTo(page, main.getByRole('button', { name: 'Visa lediga tider' }), 'the show-times button');
    await pressForNewPage(page);
    await assertNoAxeViolations(page);
    await tabTo(page, page.locator('#tid'), 'the first free time');
    await page.keyboard.press('Space');
    await tabTo(page, main.getByRole('button', { name: 'Boka mötet' }), 'the book button');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/mina-sidor\/bokningar\//, `the booking page, not ${page.url()}: ${await main.innerText()}`);
    assert.match(await page.getByRole('status').innerText(), /Mötet är bokat/);
    const first = await main.locator('time').first().innerText();
    await assertNoAxeViolations(page);

    // Rebook: the way of meeting is kept (straight to the times), then changed to phone, and the
    // next time chosen; arrow keys move within a group of radio buttons.
    await tabTo(page, main.getByRole('link', { name: 'Boka om mötet' }), 'the rebook link');
    await pressForNewPage(page);
    assert.match(await main.innerText(), /Så här träffas ni: Besök/, 'the way of meeting is kept');
    await assertNoAxeViolations(page);
    await tabTo(page, main.getByRole('link', { name: 'Välj ett annat sätt att träffas' }), 'the change-the-way link');
    await pressForNewPage(page);
    await tabTo(page, page.locator('#satt'), 'the first way to meet');
    await page.keyboard.press('ArrowDown');
    assert.ok(await page.locator('#satt-phone').isChecked(), 'the arrow key chose "phone"');
    await tabTo(page, main.getByRole('button', { name: 'Visa lediga tider' }), 'the show-times button');
    await pressForNewPage(page);
    await tabTo(page, page.locator('#tid'), 'the first free time');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, main.getByRole('button', { name: 'Flytta mötet hit' }), 'the move button');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/mina-sidor\/bokningar\//, `moved, not ${page.url()}: ${(await main.innerText()).slice(0, 800)}`);
    assert.match(await page.getByRole('status').innerText(), /Mötet är bokat/);
    const second = await main.locator('time').first().innerText();
    assert.notEqual(second, first, 'the meeting moved');

    // Cancel.
    await tabTo(page, main.getByRole('button', { name: 'Avboka' }), 'the cancel button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Mötet är avbokat/);
    await assertNoAxeViolations(page);
  });
}
