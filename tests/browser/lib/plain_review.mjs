// The plain-language group's text review, by keyboard: a case officer sends a text; the demo
// reviewer takes it, comments on a passage and returns it; the officer makes a plainer second
// version, whose figures show beside the first; the reviewer approves it. Axe on every page.
import assert from 'node:assert/strict';
import { OFFICER, PLAIN_REVIEWER } from './accounts.mjs';
import { assertNoAxeViolations, visit } from './checks.mjs';
import { pressForNewPage, tabTo } from './keyboard.mjs';

const TITLE = 'Öppet i sommar på Vuxenenheten';
const FIRST = 'Under sommarperioden föreligger begränsade öppettider avseende besöksverksamheten. '
  + 'Besökare hänvisas i förekommande fall till kontaktcenter för vidare handläggning av inkomna ärenden.';
const PASSAGE = 'föreligger begränsade öppettider';
const SECOND = 'I sommar har vi öppet färre timmar. Du kan alltid ringa kontaktcenter. De hjälper dig vidare.';

/** Opens the text from the list on `page` by keyboard. */
async function openText(page) {
  const main = page.getByRole('main');
  await tabTo(page, main.getByRole('link', { name: TITLE }).first(), 'the text in the list');
  await pressForNewPage(page);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), TITLE);
}

/** The figures' table: the cells of the row named `label`. */
async function figureRow(page, label) {
  const row = page.locator('#figures tbody tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  return row.locator('td').allInnerTexts();
}

export async function textReviewJourney(env) {
  await visit({ ...env, entry: { path: '/personal/klarsprak', as: OFFICER } }, {}, async (page) => {
    const main = page.getByRole('main');
    await assertNoAxeViolations(page);
    await tabTo(page, main.getByRole('link', { name: 'Skicka en text' }), 'the link to send a text');
    await pressForNewPage(page);
    for (const [field, text] of [['#title', TITLE], ['#audience', 'Alla som besöker oss']]) {
      await tabTo(page, page.locator(field), field);
      await page.keyboard.type(text);
    }
    await tabTo(page, page.locator('#channel'), 'the first channel');
    await page.keyboard.press('Space');
    await tabTo(page, page.locator('#deadline'), '#deadline');
    await page.keyboard.type('2030-06-01');
    await tabTo(page, page.locator('#text'), '#text');
    await page.keyboard.type(FIRST);
    await tabTo(page, main.getByRole('button', { name: 'Skicka till gruppen' }), 'the send button');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/personal\/klarsprak\/texter\/[0-9a-f-]+$/);
    assert.match(await page.getByRole('status').innerText(), /Texten är skickad till gruppen/);
    await assertNoAxeViolations(page);
  });

  await visit({ ...env, entry: { path: '/personal/klarsprak', as: PLAIN_REVIEWER } }, {}, async (page) => {
    const main = page.getByRole('main');
    await assertNoAxeViolations(page);
    await openText(page);
    await tabTo(page, main.getByRole('button', { name: 'Ta den här texten' }), 'the take button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Du har tagit texten/);
    await tabTo(page, page.locator('#passage'), '#passage');
    await page.keyboard.type(PASSAGE);
    await tabTo(page, page.locator('#comment'), '#comment');
    await page.keyboard.type('Skriv med vanliga ord. Vad betyder det för den som läser?');
    await tabTo(page, page.locator('#rewrite'), '#rewrite');
    await page.keyboard.type('I sommar har vi öppet färre timmar.');
    await tabTo(page, main.getByRole('button', { name: 'Spara kommentaren' }), 'the comment button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Kommentaren är sparad/);
    await assertNoAxeViolations(page);
    await tabTo(page, main.getByRole('button', { name: 'Skicka tillbaka till den som skrev' }), 'the return button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Texten är tillbaka hos den som skrev den/);
  });

  await visit({ ...env, entry: { path: '/personal/klarsprak', as: OFFICER } }, {}, async (page) => {
    const main = page.getByRole('main');
    await openText(page);
    assert.match(await main.innerText(), /Skriv med vanliga ord/);
    await tabTo(page, page.locator('#text'), 'the new version');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(SECOND);
    await tabTo(page, main.getByRole('button', { name: 'Spara den nya versionen' }), 'the save button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Den nya versionen är sparad/);
    const lix = (await figureRow(page, 'LIX')).map((cell) => Number(cell.replace(',', '.')));
    assert.equal(lix.length, 2, 'a column for each version');
    assert.ok(lix[1] < lix[0], `LIX goes down from version 1 to 2: ${lix}`);
    const words = await figureRow(page, 'Krångliga ord');
    assert.ok(Number(words[1]) < Number(words[0]), `fewer bureaucratic words: ${words}`);
    await assertNoAxeViolations(page);
  });

  await visit({ ...env, entry: { path: '/personal/klarsprak', as: PLAIN_REVIEWER } }, {}, async (page) => {
    const main = page.getByRole('main');
    await openText(page);
    await tabTo(page, main.getByRole('button', { name: 'Godkänn texten' }), 'the approve button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Texten är godkänd/);
    assert.match(await main.innerText(), /Godkänd/);
    await assertNoAxeViolations(page);
  });
}
