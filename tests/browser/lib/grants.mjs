// Association grants, by keyboard: Fontänhuset's representative goes from "Mina föreningar" to the
// association's grants, starts an application to the partnership grant, sees what the register
// already knows, answers, writes the amount and a budget line, saves and sends it.
import assert from 'node:assert/strict';
import { ASSOCIATION, GRANT_ASSESSOR, SECOND_GRANT_ASSESSOR } from './accounts.mjs';
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

/** Scores every criterion of the open assessment page 4 of 5, each with a short reason, and saves. */
async function scoreByKeyboard(page, reason) {
  const main = page.getByRole('main');
  for (const criterion of ['malgrupp', 'delaktighet', 'samverkan']) {
    // The first radio of the group takes the focus; the arrow keys choose the score.
    await tabTo(page, page.locator(`#poang-${criterion}`), `the score of ${criterion}`);
    for (let step = 0; step < 4; step += 1) await page.keyboard.press('ArrowRight');
    await tabTo(page, page.locator(`#motivering-${criterion}`), `the reason for ${criterion}`);
    await page.keyboard.type(reason);
  }
  await tabTo(page, main.getByRole('button', { name: 'Spara bedömningen' }), 'the save button');
  await pressForNewPage(page);
  assert.match(await page.getByRole('status').innerText(), /Din bedömning är sparad/);
  await assertNoAxeViolations(page);
}

// Two grant assessors score Fontänhuset's application for 180 000 kr (above the 50 000 kr
// threshold, so one is not enough), the second decides and the decision is sent.
export async function grantAssessJourney(env) {
  let application;
  await visit({ ...env, entry: { path: '/personal/bidrag', as: GRANT_ASSESSOR } }, {}, async (page) => {
    const main = page.getByRole('main');
    await tabTo(page, main.getByRole('link', { name: 'Fontänhuset' }).first(), "Fontänhuset's application");
    await pressForNewPage(page);
    application = new URL(page.url()).pathname;
    assert.match(application, /^\/personal\/bidrag\/ansokningar\/[0-9a-f-]+$/);
    assert.match(await main.innerText(), /Återrapporter från tidigare bidrag/, "last years' follow-up is beside it");
    await scoreByKeyboard(page, 'Verksamheten når dem som behöver den.');
    assert.doesNotMatch(await main.innerText(), /Fatta beslut och skicka/, 'one assessment is not enough');
  });
  await visit({ ...env, entry: { path: application, as: SECOND_GRANT_ASSESSOR } }, {}, async (page) => {
    const main = page.getByRole('main');
    await scoreByKeyboard(page, 'Medlemmarna styr verksamheten själva.');
    await tabTo(page, page.locator('#utfall'), 'granted');
    await page.keyboard.press('Space');
    await tabTo(page, page.locator('#belopp'), 'the amount');
    await page.keyboard.type('150 000');
    await tabTo(page, page.locator('#skal'), 'the reasons');
    await page.keyboard.type('Fontänhuset når många som behöver stöd tillbaka till arbete och studier.');
    await tabTo(page, main.getByRole('button', { name: 'Fatta beslut och skicka till föreningen' }), 'the decide button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Beslutet är fattat och skickat/);
    assert.match(await main.innerText(), /Beviljat/);
    await assertNoAxeViolations(page);
  });
}

// Fontänhuset's representative reports back on last year's grant: the calendar's meetings,
// registrations and attendance are already filled in; they add people reached, what changed and
// one story, and send it. The journey's own time is printed for the lead's note.
export async function grantFollowUpJourney(env) {
  await visit({ ...env, entry: { path: '/forening/fontanhuset/bidrag', as: ASSOCIATION } }, {}, async (page) => {
    const started = Date.now();
    const main = page.getByRole('main');
    await tabTo(page, main.getByRole('link', { name: /^Återrapportera/ }), 'the follow-up link');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/forening\/fontanhuset\/bidrag\/[0-9a-f-]+\/aterrapport$/);
    const counted = await page.locator('#aktiviteter').inputValue();
    assert.ok(Number(counted) > 0, `the calendar's meetings are filled in (${counted})`);
    assert.ok(Number(await page.locator('#deltog').inputValue()) > 0, 'and who came');
    await assertNoAxeViolations(page);
    const groups = page.locator('input[id^="nadda-"]');
    if (await groups.count() > 0) {
      await tabTo(page, groups.first(), 'people reached in the first target group');
      await page.keyboard.type('60');
    }
    await tabTo(page, page.locator('#forandring'), 'what changed');
    await page.keyboard.type('Fler medlemmar kommer på kvällarna och tre har börjat arbeta.');
    await tabTo(page, page.locator('#berattelse'), 'the story');
    await page.keyboard.type('En medlem som kom första gången i våras leder nu kvällens matlag.');
    await tabTo(page, main.getByRole('button', { name: 'Skicka återrapporten' }), 'the send button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Återrapporten är skickad/);
    assert.match(await main.innerText(), /Det ni skickade/);
    await assertNoAxeViolations(page);
    console.log(`  (the follow-up by keyboard took ${((Date.now() - started) / 1000).toFixed(1)} s of browser time; typed: ${await groups.count() > 0 ? 'one target group, ' : ''}what changed, one story)`);
  });
}
