// Ideas (Idéslussen), by keyboard: a resident opens the campaign that takes proposals, sends the
// empty form (every missing part is named in the error summary), writes a whole proposal and sends
// it to the council; the idea's page shows it with its path. The time from the form's first key
// to the sent proposal is printed (typing at Playwright's speed, so it measures the form's length
// in keystrokes and tab stops, not a person's thinking).
import assert from 'node:assert/strict';
import { RESIDENT } from './accounts.mjs';
import { assertNoAxeViolations, visit } from './checks.mjs';
import { pressForNewPage, tabTo } from './keyboard.mjs';

const PARTS = [
  ['#title', 'Skriva till socialtjänsten på kvällen'],
  ['#problem', 'Många som har kontakt med oss kan inte ringa under telefontiden och hör därför inte av sig alls, fast de behöver.'],
  ['#whose', 'Invånare som arbetar dagtid och deras anhöriga'],
  ['#voices', 'I utvecklingsgruppen sa flera att de hellre skriver på kvällen, när barnen har somnat och de hinner tänka.'],
  ['#heard-link', '/kalender/utvecklingsgrupp'],
  ['#try', 'Under en vecka svarar två handläggare på skrivna frågor som kommer in efter klockan 17, senast nästa morgon.'],
  ['#signs', 'Fler hör av sig, och de som skrev säger att de fick svar de kunde använda.'],
  ['#people', 'Två handläggare och en brukarutvecklare'],
  ['#money', '1 500'],
];

export async function ideasJourney(env) {
  await visit({ ...env, entry: { path: '/ideer/bootcamp-2027', as: RESIDENT } }, {}, async (page) => {
    const main = page.getByRole('main');
    await assertNoAxeViolations(page);
    await tabTo(page, main.getByRole('link', { name: 'Skriv ett förslag' }), 'the link to the form');
    await pressForNewPage(page);
    assert.equal(new URL(page.url()).pathname, '/ideer/bootcamp-2027/nytt-forslag');
    const started = Date.now();

    // Sent empty: every missing part is named, linked to its field.
    await tabTo(page, main.getByRole('button', { name: 'Skicka till rådet' }), 'the send button');
    await pressForNewPage(page);
    assert.match(await page.title(), /^Fel:/);
    const problems = await page.locator('.error-summary__list a').allInnerTexts();
    assert.equal(problems.length, 8, problems.join(' | '));
    assert.equal(await page.locator('#problem').getAttribute('aria-invalid'), 'true');
    await assertNoAxeViolations(page);

    // The whole proposal.
    await tabTo(page, page.locator('#category'), 'the first kind of proposal');
    await page.keyboard.press('ArrowDown');
    assert.ok(await page.locator('#category-test').isChecked(), '"Testa" is chosen');
    for (const [field, text] of PARTS) {
      await tabTo(page, page.locator(field), field);
      await page.keyboard.type(text);
    }
    await tabTo(page, main.getByRole('button', { name: 'Skicka till rådet' }), 'the send button');
    await pressForNewPage(page);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`note: a whole proposal took ${seconds} s by keyboard (an empty send, 10 parts, ${PARTS.reduce((n, [, t]) => n + t.length, 0)} characters)`);
    assert.match(new URL(page.url()).pathname, /^\/ideer\/forslag\/[0-9a-f-]+$/);
    assert.match(await page.getByRole('status').innerText(), /Förslaget är skickat till rådet/);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), PARTS[0][1]);
    assert.match(await main.innerText(), /Skickat till rådet/);
    await assertNoAxeViolations(page);
  });
}
