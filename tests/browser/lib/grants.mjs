// Association grants, by keyboard: Fontänhuset's representative goes from "Mina föreningar" to the
// association's grants, starts an application to the partnership grant, sees what the register
// already knows, answers, writes the amount and a budget line, saves and sends it.
import assert from 'node:assert/strict';
import { ASSOCIATION } from './accounts.mjs';
import { assertNoAxeViolations, visit } from './checks.mjs';
import { pressForNewPage, tabTo } from './keyboard.mjs';

export async function grantApplyJourney(env) {
  await visit({ ...env, entry: { path: '/forening', as: ASSOCIATION } }, {}, async (page) => {
    const started = Date.now();
    const main = page.getByRole('main');
    await tabTo(page, main.getByRole('link', { name: /Föreningsbidrag.*Fontänhuset/ }), "the link to Fontänhuset's grants");
    await pressForNewPage(page);
    assert.equal(new URL(page.url()).pathname, '/forening/fontanhuset/bidrag');
    await assertNoAxeViolations(page);

    await tabTo(page, page.getByLabel(/Partnerskapsbidrag/), 'the partnership grant');
    await page.keyboard.press('Space');
    await tabTo(page, main.getByRole('button', { name: 'Börja ansökan' }), 'the start button');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/forening\/fontanhuset\/bidrag\/[0-9a-f-]+$/);
    assert.match(await main.innerText(), /Det här vet vi redan om föreningen/, 'what the register knows is shown');
    await assertNoAxeViolations(page);

    await tabTo(page, page.locator('#q-plan'), 'the first question');
    await page.keyboard.type('En mötesplats som är öppen även på kvällar och helger.');
    await tabTo(page, page.locator('#q-malgrupp'), 'the first target group');
    await page.keyboard.press('Space');
    await tabTo(page, page.locator('#belopp'), 'the amount');
    await page.keyboard.type('200 000');
    await tabTo(page, page.locator('#budget-post-1'), 'the first budget line');
    await page.keyboard.type('Lokalhyra');
    await tabTo(page, page.locator('#budget-belopp-1'), "the first budget line's amount");
    await page.keyboard.type('150 000');
    await tabTo(page, main.getByRole('button', { name: 'Spara' }), 'the save button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Ansökan är sparad/);
    assert.match(await main.innerText(), /Summa budget: 150\u00a0000\u00a0kr/, "the budget's total");
    await assertNoAxeViolations(page);

    await tabTo(page, main.getByRole('button', { name: 'Skicka ansökan' }), 'the send button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Ansökan är skickad/);
    assert.match(await main.innerText(), /Skickad, bedöms/, 'every representative sees the status');
    await assertNoAxeViolations(page);
    console.log(`  (applying by keyboard took ${((Date.now() - started) / 1000).toFixed(1)} s of browser time)`);
  });
}
