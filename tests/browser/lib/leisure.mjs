// The leisure bank (fritidsbanken), by keyboard. A resident reserves ice skates on the public page;
// the desk opens the scan page, types the label's code, hands the reservation over, and takes the
// item back; the time from the scan page to the confirmed return is printed. A participant takes a
// washing task from the task board, records the time and what was done and makes the item
// available. Axe on every page.
import assert from 'node:assert/strict';
import { LEISURE_STAFF, PARTICIPANT, RESIDENT } from './accounts.mjs';
import { assertNoAxeViolations, visit } from './checks.mjs';
import { pressForNewPage, tabTo } from './keyboard.mjs';

export async function leisureLoanJourney(env) {
  await visit({ ...env, entry: { path: '/fritidsbanken', as: RESIDENT } }, {}, async (page) => {
    const main = page.getByRole('main');
    await assertNoAxeViolations(page);
    await tabTo(page, main.getByRole('button', { name: 'Reservera' }).first(), 'the first "Reservera" button');
    await pressForNewPage(page);
    assert.equal(new URL(page.url()).pathname, '/mina-sidor/lan');
    assert.match(await page.getByRole('status').innerText(), /Du har reserverat/);
    assert.match(await main.innerText(), /Reserverad/);
    await assertNoAxeViolations(page);
  });
  await visit({ ...env, entry: { path: '/personal/fritidsbanken', as: LEISURE_STAFF } }, {}, async (page) => {
    const main = page.getByRole('main');
    await assertNoAxeViolations(page);
    const href = await main.locator('section[aria-labelledby="att-lamna-ut"] a').first().getAttribute('href');
    const code = href.split('/').pop();
    await tabTo(page, main.getByRole('link', { name: 'Skanna eller skriv koden' }), 'the scan page link');
    await pressForNewPage(page);
    const started = Date.now();
    await tabTo(page, page.locator('#kod'), 'the code field');
    await page.keyboard.type(code);
    await pressForNewPage(page);
    assert.equal(new URL(page.url()).pathname, `/personal/fritidsbanken/artikel/${code}`);
    assert.match(await main.innerText(), /Låntagare: \u2068?Sara Lindqvist/);
    await assertNoAxeViolations(page);
    await tabTo(page, main.getByRole('button', { name: 'Lämna ut' }), 'the hand-over button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Utlämnad/);
    const handedOver = ((Date.now() - started) / 1000).toFixed(1);
    await tabTo(page, main.getByRole('button', { name: 'Ta emot' }), 'the take-back button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Tillbaka/);
    const returned = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`note: a hand-over by keyboard took ${handedOver} s from the scan page to "Utlämnad", and ${returned} s to the confirmed return`);
    assert.match(await main.innerText(), /Återlämnad/);
    await assertNoAxeViolations(page);
  });
}

export async function leisureWorkJourney(env) {
  await visit({ ...env, entry: { path: '/fritidsbanken/uppgifter', as: PARTICIPANT } }, {}, async (page) => {
    const main = page.getByRole('main');
    await assertNoAxeViolations(page);
    // The demo participant has worked before: the 30 minutes are added to what the page said.
    const minutesLogged = async () => {
      const [, hours, minutes] = (await main.innerText()).match(/Timmar du har skrivit in\s+(\d+):(\d{2})/);
      return Number(hours) * 60 + Number(minutes);
    };
    const before = await minutesLogged();
    const washing = main.locator('section', { has: page.getByRole('heading', { name: 'Tvätta: Tvättas' }) });
    await tabTo(page, washing.getByRole('link').first(), 'the first item waiting to be washed');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/fritidsbanken\/uppgifter\/[a-z0-9]{24}$/);
    await assertNoAxeViolations(page);
    await tabTo(page, page.locator('#minutes'), 'the minutes');
    await page.keyboard.type('30');
    await tabTo(page, page.locator('#what'), 'what was done');
    await page.keyboard.type('Tvättade och torkade, inga fläckar kvar.');
    await tabTo(page, page.locator('#to-repair'), 'the first next step');
    await page.keyboard.press('ArrowDown');
    assert.ok(await page.locator('#to-available').isChecked(), '"Finns att låna" is chosen');
    await tabTo(page, main.getByRole('button', { name: 'Spara och flytta vidare' }), 'the save button');
    await pressForNewPage(page);
    assert.equal(new URL(page.url()).pathname, '/fritidsbanken/uppgifter');
    assert.match(await page.getByRole('status').innerText(), /Sparat/);
    assert.equal(await minutesLogged(), before + 30, 'the 30 minutes are added to the hours logged');
    await assertNoAxeViolations(page);
  });
}
