// Paid assignments, by keyboard: the coordinator engages the demo's second reporter; the reporter
// opens the assignment from "Mina uppdrag" and logs today's hours; the coordinator approves them
// and downloads the month for payroll (a CSV that Swedish Excel opens).
import assert from 'node:assert/strict';
import { COORDINATOR, OTHER_REPORTER } from './accounts.mjs';
import { assertNoAxeViolations, visit } from './checks.mjs';
import { pressForNewPage, tabTo } from './keyboard.mjs';

const DESCRIPTION = 'Läsa broschyren om försörjningsstöd';

/** Today in Stockholm as 2026-12-06 (the server's "today" for the hours). */
function stockholmDay(offsetDays = 0) {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(day);
}

export async function assignmentJourney(env) {
  const today = stockholmDay();
  await visit({ ...env, entry: { path: '/samordnare/uppdrag', as: COORDINATOR } }, {}, async (page) => {
    const main = page.getByRole('main');
    await assertNoAxeViolations(page);
    await tabTo(page, page.locator('#person'), 'the person');
    await page.keyboard.type('Johan');
    for (const [field, text] of [['#description', DESCRIPTION], ['#rate', '150'], ['#starts', today], ['#ends', stockholmDay(30)]]) {
      await tabTo(page, page.locator(field), field);
      await page.keyboard.type(text);
    }
    await tabTo(page, main.getByRole('button', { name: 'Spara uppdraget' }), 'the engage button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Uppdraget är sparat/);
    assert.match(await main.innerText(), new RegExp(DESCRIPTION));
    await assertNoAxeViolations(page);
  });

  await visit({ ...env, entry: { path: '/mina-uppdrag', as: OTHER_REPORTER } }, {}, async (page) => {
    const main = page.getByRole('main');
    await assertNoAxeViolations(page);
    await tabTo(page, main.getByRole('link', { name: new RegExp(DESCRIPTION) }), 'the new assignment');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/mina-uppdrag\/[0-9a-f-]+$/);
    assert.equal(await page.locator('#day').inputValue(), today, 'today is filled in');
    await tabTo(page, page.locator('#hours'), 'the hours');
    await page.keyboard.type('2');
    await tabTo(page, page.locator('#note'), 'the note');
    await page.keyboard.type('Läste och kommenterade');
    await tabTo(page, main.getByRole('button', { name: 'Spara timmarna' }), 'the save button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Timmarna är sparade/);
    assert.match(await main.innerText(), /300\s*kr/);
    await assertNoAxeViolations(page);
  });

  await visit({ ...env, entry: { path: '/samordnare/uppdrag', as: COORDINATOR } }, {}, async (page) => {
    const main = page.getByRole('main');
    await tabTo(page, main.getByRole('button', { name: `Godkänn Johan Persson ${today}` }), 'the approve button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Timmarna är godkända/);
    await assertNoAxeViolations(page);
    const href = await main.getByRole('link', { name: /Ladda ner godkända timmar/ }).getAttribute('href');
    const csv = await page.request.get(new URL(href, env.baseUrl).toString());
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type'], /text\/csv/);
    const text = await csv.text();
    assert.ok(text.startsWith('\uFEFF'), 'a byte-order mark for Excel');
    const row = text.split(/\r?\n/).find((line) => line.includes(today) && line.includes('Johan Persson'));
    assert.ok(row, `the approved day is exported: ${text}`);
    assert.match(row, /^L-10587;Johan Persson;.*;2;150;300$/);
  });
}
