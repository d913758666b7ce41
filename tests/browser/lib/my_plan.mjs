// The coordinated individual plan (SIP), by keyboard. The resident finds "Min plan" on my pages,
// reads the plan, writes what they think, is stopped from agreeing without ticking the box, and
// agrees. The case officer goes from the case to its plans and the plan, and adds a goal after a
// refused empty one; the plan then asks the resident to agree again.
import assert from 'node:assert/strict';
import { OFFICER, RESIDENT } from './accounts.mjs';
import { assertNoAxeViolations, visit } from './checks.mjs';
import { pressForNewPage, tabTo } from './keyboard.mjs';

const PLAN = 'Stöd till dig och din familj';

export async function myPlanJourney(env) {
  const view = `Jag vill helst ha avlösning på tisdagar (${Date.now()}).`;
  await visit({ ...env, entry: { path: '/mina-sidor', as: RESIDENT } }, {}, async (page) => {
    const main = page.getByRole('main');
    await tabTo(page, main.getByRole('link', { name: 'Se dina planer' }), 'the link to "Min plan"');
    await pressForNewPage(page);
    assert.equal(new URL(page.url()).pathname, '/mina-sidor/planer');
    await assertNoAxeViolations(page);
    await tabTo(page, main.getByRole('link', { name: PLAN }), 'the plan in the list');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/mina-sidor\/planer\/[0-9a-f-]+$/);
    const text = await main.innerText();
    assert.match(text, /Region Stockholm, vårdcentral/, 'the outside participant is named');
    assert.match(text, /Barn och familj/, 'the second unit takes part');
    assert.match(text, /Vem gör vad och när/);
    await assertNoAxeViolations(page);

    // What she thinks, in her own words.
    await tabTo(page, page.locator('#view'), 'the "what do you think" field');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(view);
    await tabTo(page, main.getByRole('button', { name: 'Spara det du skrivit' }), 'the save button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Det du skrev är sparat/);
    assert.equal(await page.locator('#view').inputValue(), view, 'her words are in the field');
    await assertNoAxeViolations(page);

    // Agreeing without ticking the box is refused, with the error summary.
    await tabTo(page, main.getByRole('button', { name: 'Godkänn planen' }), 'the agree button');
    await pressForNewPage(page);
    assert.ok(await page.locator('.error-summary').isVisible(), 'an error summary');
    assert.match(await page.title(), /^Fel:/);
    assert.equal(await page.locator('#agree').getAttribute('aria-invalid'), 'true');
    await assertNoAxeViolations(page);

    // Ticked: agreed.
    await tabTo(page, page.locator('#agree'), 'the "I agree" checkbox');
    await page.keyboard.press('Space');
    await tabTo(page, main.getByRole('button', { name: 'Godkänn planen' }), 'the agree button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Du har godkänt planen/);
    assert.match(await main.innerText(), /Du godkände planen/);
    await assertNoAxeViolations(page);
  });
}

export async function officerPlanJourney(env) {
  const goal = `Sara sover bättre om nätterna (${Date.now()}).`;
  await visit({ ...env, entry: { path: '/handlaggare', as: OFFICER } }, {}, async (page) => {
    const main = page.getByRole('main');
    await tabTo(page, main.getByRole('link', { name: 'Stöd till dig som anhörig' }), 'the case in the work list');
    await pressForNewPage(page);
    await tabTo(page, main.getByRole('link', { name: 'Samordnad individuell plan (SIP)' }), 'the link to the plans');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/handlaggare\/arenden\/[0-9a-f-]+\/planer$/);
    await assertNoAxeViolations(page);
    await tabTo(page, main.getByRole('link', { name: PLAN }), 'the plan');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/handlaggare\/planer\/[0-9a-f-]+$/);
    assert.match(await main.innerText(), /Leila Karimi, Region Stockholm, vårdcentral/);
    await assertNoAxeViolations(page);

    // An empty goal is refused; the summary leads to the field.
    await tabTo(page, main.getByRole('button', { name: 'Lägg till målet' }), 'the add-goal button');
    await pressForNewPage(page);
    assert.ok(await page.locator('.error-summary').isVisible(), 'an error summary');
    assert.match(await page.title(), /^Fel:/);
    await assertNoAxeViolations(page);
    await tabTo(page, page.locator('#goal'), 'the goal field');
    await page.keyboard.type(goal);
    await tabTo(page, main.getByRole('button', { name: 'Lägg till målet' }), 'the add-goal button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Målet är tillagt/);
    assert.match(await main.innerText(), new RegExp(goal.replace(/[()]/g, '\\$&')));
    assert.match(await main.innerText(), /Planen är klar för personens godkännande/, 'a change asks for a new agreement');
    await assertNoAxeViolations(page);
  });
}
