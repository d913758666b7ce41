// Surveys, by keyboard. The resident finds "Berätta vad du tyckte" on my pages, opens the survey
// from the demo's closed case, reads it in easy-to-read Swedish, answers with the keyboard and is
// thanked; the same link then says it has been answered. The case officer opens an interview
// from the case, is stopped without the resident's consent, ticks it and saves.
import assert from 'node:assert/strict';
import { OFFICER, RESIDENT } from './accounts.mjs';
import { assertNoAxeViolations, visit } from './checks.mjs';
import { pressForNewPage, tabTo } from './keyboard.mjs';

export async function surveyJourney(env) {
  await visit({ ...env, entry: { path: '/mina-sidor', as: RESIDENT } }, {}, async (page) => {
    const main = page.getByRole('main');
    assert.match(await main.innerText(), /Berätta vad du tyckte/);
    await tabTo(page, main.getByRole('button', { name: /Svara på enkäten/ }), 'the survey button on my pages');
    await pressForNewPage(page);
    const link = new URL(page.url()).pathname;
    assert.match(link, /^\/enkat\/[A-Za-z0-9_-]+$/);
    assert.match(await main.innerText(), /Har du fått den hjälp du behövde\?/);
    await assertNoAxeViolations(page);

    // Easy-to-read Swedish, chosen on the page.
    await tabTo(page, main.getByRole('link', { name: /lättläst/ }), 'the easy-to-read link');
    await pressForNewPage(page);
    assert.match(await main.innerText(), /Fick du den hjälp du behövde\?/);
    await assertNoAxeViolations(page);

    // Yes to the first question, 4 on the scale, a few words.
    await tabTo(page, page.locator('#fraga-hjalp'), 'the first answer of the first question');
    await page.keyboard.press('Space');
    assert.ok(await page.locator('#fraga-hjalp').isChecked(), '"Ja" chosen');
    await tabTo(page, page.locator('#fraga-nojd'), 'the scale');
    await page.keyboard.press('Space');
    for (let step = 1; step < 4; step += 1) await page.keyboard.press('ArrowDown');
    assert.ok(await page.locator('#fraga-nojd-4').isChecked(), '4 on the scale');
    await tabTo(page, page.locator('#fraga-mer'), 'the free-text field');
    await page.keyboard.type('Tack, det hjälpte.');
    await tabTo(page, main.getByRole('button', { name: 'Skicka svaren' }), 'the send button');
    await pressForNewPage(page);
    assert.equal(await page.locator('h1').innerText(), 'Tack för dina svar');
    await assertNoAxeViolations(page);

    // The link works once.
    const again = await page.goto(env.baseUrl + link);
    assert.equal(again.status(), 410);
    assert.equal(await page.locator('h1').innerText(), 'Du har redan svarat');
    await assertNoAxeViolations(page);
  });
}

export async function interviewJourney(env) {
  await visit({ ...env, entry: { path: '/handlaggare', as: OFFICER } }, {}, async (page) => {
    const main = page.getByRole('main');
    await tabTo(page, main.getByRole('link', { name: 'Stöd till dig som anhörig' }), 'the case in the work list');
    await pressForNewPage(page);
    await tabTo(page, main.getByRole('link', { name: 'Gör en intervju' }), 'the interview link');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/handlaggare\/arenden\/[0-9a-f-]+\/intervju$/);
    await assertNoAxeViolations(page);

    await tabTo(page, page.locator('#fraga-hjalp'), 'the first question');
    await page.keyboard.press('Space');
    await tabTo(page, main.getByRole('button', { name: 'Spara intervjun' }), 'the save button');
    await pressForNewPage(page);
    assert.ok(await page.locator('.error-summary').isVisible(), 'an error summary');
    assert.match(await page.title(), /^Fel:/);
    assert.equal(await page.locator('#samtycke').getAttribute('aria-invalid'), 'true');
    assert.ok(await page.locator('#fraga-hjalp').isChecked(), 'the answer is kept');
    await assertNoAxeViolations(page);

    await tabTo(page, page.locator('#samtycke'), 'the consent checkbox');
    await page.keyboard.press('Space');
    await tabTo(page, main.getByRole('button', { name: 'Spara intervjun' }), 'the save button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Intervjun är sparad/);
    await assertNoAxeViolations(page);
  });
}
