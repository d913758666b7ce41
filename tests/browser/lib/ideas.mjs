// Ideas (Idéslussen), by keyboard: a resident opens the campaign that takes proposals, sends the
// empty form (every missing part is named in the error summary), writes a whole proposal and sends
// it to the council; the idea's page shows it with its path. The time from the form's first key
// to the sent proposal is printed (typing at Playwright's speed, so it measures the form's length
// in keystrokes and tab stops, not a person's thinking).
import assert from 'node:assert/strict';
import { OFFICER, OTHER_RESIDENT, RESIDENT } from './accounts.mjs';
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

// The council, by keyboard: a council member of the next Bootcamp opens its council page from the
// campaign, takes the demo's proposal that waits for a decision into the vote without a reason (the
// error summary asks for one), then with one; the idea's page shows the reason.
const WAITING = 'Brev från socialtjänsten som går att förstå';
const COUNCIL_REASON = 'Ett tydligt problem som många känner igen, och ett test som ryms i en vecka.';

export async function councilJourney(env) {
  await visit({ ...env, entry: { path: '/ideer/bootcamp-2027', as: RESIDENT } }, {}, async (page) => {
    const main = page.getByRole('main');
    await assertNoAxeViolations(page);
    await tabTo(page, main.getByRole('link', { name: 'Rådets sida' }), 'the link to the council');
    await pressForNewPage(page);
    assert.equal(new URL(page.url()).pathname, '/ideer/bootcamp-2027/rad');
    await assertNoAxeViolations(page);

    const decide = async (reason) => {
      const section = main.locator('section', { has: page.getByRole('heading', { name: WAITING }) });
      await tabTo(page, section.locator('input[value="in"]'), '"Med i omröstningen"');
      await page.keyboard.press('Space');
      assert.ok(await section.locator('input[value="in"]').isChecked(), '"Med i omröstningen" is chosen');
      if (reason) {
        await tabTo(page, section.locator('textarea[name="reason"]'), 'the reason');
        await page.keyboard.type(reason);
      }
      await tabTo(page, section.getByRole('button', { name: 'Spara beslutet' }), 'the decision\'s button');
      await pressForNewPage(page);
    };

    // No reason: refused, the reason named and linked to its field.
    await decide('');
    assert.match(await page.title(), /^Fel:/);
    const problems = await page.locator('.error-summary__list a').allInnerTexts();
    assert.deepEqual(problems, ['Skriv ett skäl på minst 20 tecken: förslagsställaren får läsa det']);
    assert.equal(await page.locator('.error-summary__list a').getAttribute('href'), '#reason');
    await assertNoAxeViolations(page);

    await decide(COUNCIL_REASON);
    assert.match(new URL(page.url()).pathname, /^\/ideer\/forslag\/[0-9a-f-]+$/);
    assert.match(await page.getByRole('status').innerText(), /Rådets beslut och skäl är sparade/);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), WAITING);
    const path = await page.locator('#radet').innerText();
    assert.ok(path.includes(COUNCIL_REASON), `the idea's path shows the reason: ${path}`);
    assert.match(path, /^Med i omröstningen/);
    await assertNoAxeViolations(page);
  });
}

// The vote, by keyboard: a resident opens the spring campaign's vote (open today), chooses the
// second proposal, casts the vote and is told it was counted; the vote page then says they voted.
const VOTE_PAGE = '/ideer/bootcamp-var/rosta';

export async function voteJourney(env) {
  await visit({ ...env, entry: { path: VOTE_PAGE, as: OTHER_RESIDENT } }, {}, async (page) => {
    const main = page.getByRole('main');
    await assertNoAxeViolations(page);
    await tabTo(page, page.locator('#choice'), 'the first proposal on the ballot');
    await page.keyboard.press('ArrowDown');
    const chosen = main.locator('input[name="choice"]').nth(1);
    assert.ok(await chosen.isChecked(), 'the second proposal is chosen');
    assert.equal(await page.locator('#choice').isChecked(), false);
    await tabTo(page, main.getByRole('button', { name: 'Lägg min röst' }), 'the vote button');
    await pressForNewPage(page);
    assert.equal(new URL(page.url()).pathname, '/ideer/bootcamp-var');
    assert.match(await page.getByRole('status').innerText(), /Din röst är räknad/);
    assert.match(await page.locator('#rosta').innerText(), /Du har röstat/);
    await assertNoAxeViolations(page);

    // Opened again (the campaign no longer links to it): no form, only that they voted.
    await page.goto(`${env.baseUrl}${VOTE_PAGE}`);
    assert.match(await main.innerText(), /Du har röstat/);
    assert.equal(await main.getByRole('button', { name: 'Lägg min röst' }).count(), 0);
    await assertNoAxeViolations(page);
  });
}

// Closing a test, by keyboard: a member of the Bootcamp's running test's group opens its idea page
// from the campaign, tries to close the test without lessons (each missing part named), then
// writes them with a named owner and closes it; the idea's page shows the lessons.
const RUNNING = 'Att brukare har en ansvarig kontaktperson som arbetar enligt case management';
const LESSONS = [
  ['#happened', 'Två familjer fick en ansvarig kontaktperson, som samordnade skolan, vården och socialtjänsten.'],
  ['#surprised', 'Att skolan ringde kontaktpersonen redan andra dagen, i stället för att skicka ett brev.'],
];
const OWNER = 'Enheten för familjestöd, genom Karin Ström';

export async function closeTestJourney(env) {
  await visit({ ...env, entry: { path: '/ideer/bootcamp', as: OFFICER } }, {}, async (page) => {
    const main = page.getByRole('main');
    await tabTo(page, main.getByRole('link', { name: RUNNING }).first(), 'the running test\'s idea');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/ideer\/forslag\/[0-9a-f-]+$/);
    assert.match(await main.innerText(), /Testet är inte avslutat ännu/);
    await assertNoAxeViolations(page);

    // Without lessons: refused, each missing part named.
    await tabTo(page, main.getByRole('button', { name: 'Avsluta testet' }), 'the close button');
    await pressForNewPage(page);
    assert.match(await page.title(), /^Fel:/);
    const problems = await page.locator('.error-summary__list a').allInnerTexts();
    assert.deepEqual(problems, [
      'Skriv vad som hände, minst 20 tecken',
      'Skriv vad som överraskade, minst 20 tecken',
      'Välj vad som händer nu',
      'Skriv vem som ansvarar för det som händer nu',
    ]);
    assert.equal(await page.locator('#happened').getAttribute('aria-invalid'), 'true');
    await assertNoAxeViolations(page);

    for (const [field, text] of LESSONS) {
      await tabTo(page, page.locator(field), field);
      await page.keyboard.type(text);
    }
    await tabTo(page, page.locator('#next-step'), 'the first next step');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.ok(await page.locator('#next-step-scale_up').isChecked(), '"Vi skalar upp" is chosen');
    await tabTo(page, page.locator('#next-owner'), 'the owner');
    await page.keyboard.type(OWNER);
    await tabTo(page, main.getByRole('button', { name: 'Avsluta testet' }), 'the close button');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/ideer\/forslag\/[0-9a-f-]+$/);
    assert.match(await page.getByRole('status').innerText(), /Testet är avslutat med sina lärdomar/);
    const lessons = await main.locator('dl', { has: page.getByText('Vad hände?') }).innerText();
    for (const [, text] of LESSONS) assert.ok(lessons.includes(text), `the lessons show: ${text}`);
    assert.ok(lessons.includes(OWNER) && lessons.includes('Vi skalar upp'), lessons);
    assert.equal(await main.getByRole('button', { name: 'Avsluta testet' }).count(), 0);
    await assertNoAxeViolations(page);
  });
}
