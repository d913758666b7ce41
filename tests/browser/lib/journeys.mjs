// Whole tasks done by keyboard alone (Tab, typing into the focused field,
// Enter; never a mouse click), and the error states of forms.
import { applyJourney } from './apply.mjs';
import assert from 'node:assert/strict';
import { ADMIN, ASSOCIATION, DEMO_PASSWORD, LOGIN_PATH, OTHER_RESIDENT, RESIDENT } from './accounts.mjs';
import { assertNoAxeViolations, visit } from './checks.mjs';
import { describeFocus, pressForNewPage, signInByKeyboard, tabTo } from './keyboard.mjs';
import { freshInstallJourney } from './fresh_install.mjs';
import { grantApplyJourney, grantAssessJourney, grantFollowUpJourney } from './grants.mjs';
import { closeTestJourney, councilJourney, ideasJourney, voteJourney } from './ideas.mjs';
import { leisureLoanJourney, leisureWorkJourney } from './leisure.mjs';
import { meetingsJourney } from './meetings.mjs';
import { myCaseJourney } from './my_case.mjs';
import { myPlanJourney, officerPlanJourney } from './my_plan.mjs';
import { officerCaseJourney } from './officer_case.mjs';
import { placementJourney } from './placements.mjs';
import { registrationJourney } from './registration.mjs';
import { articleJourney } from './reporters.mjs';
import { textReviewJourney } from './plain_review.mjs';
import { assignmentJourney } from './assignments.mjs';
import { startPagesJourney } from './start_pages.mjs';
import { interviewJourney, surveyJourney } from './surveys.mjs';

const FOCUS_MOVE_TIMEOUT_MS = 3_000;
const MY_PAGES = '/mina-sidor';
const ACCESS_LOG = '/mina-sidor/logg';

/** Each entry: a name for the report and `run({ browser, baseUrl, sessionFor })`. */
export const JOURNEYS = [
  {
    name: 'journey (keyboard): a resident reserves at the leisure bank; the desk types the label\'s code, hands it over and takes it back (timed)',
    run: leisureLoanJourney,
  },
  {
    name: 'journey (keyboard): a leisure bank participant takes a washing task, records the time and makes the item available',
    run: leisureWorkJourney,
  },
  {
    name: 'journey (keyboard): a resident writes an idea proposal, sends it empty (every part named), completes and sends it (timed)',
    run: ideasJourney,
  },
  {
    name: 'journey (keyboard): an idea council member takes a proposal into the vote, is stopped without a reason, gives one; the idea shows it',
    run: councilJourney,
  },
  {
    name: 'journey (keyboard): a resident votes on the ideas of an open vote, is told it was counted; the vote page then says they voted',
    run: voteJourney,
  },
  {
    name: 'journey (keyboard): an idea test\'s group member is stopped closing it without lessons (each part named), writes them with an owner and closes it',
    run: closeTestJourney,
  },
  {
    name: 'journey (keyboard): a citizen reporter writes an article and sends it; the coordinator publishes it; it shows in the feed',
    run: articleJourney,
  },
  {
    name: 'journey (keyboard): a case officer sends a text; a plain-language reviewer comments and returns it; a plainer version improves the figures and is approved',
    run: textReviewJourney,
  },
  {
    name: 'journey (keyboard): the coordinator engages a reporter, who logs hours; the coordinator approves them and downloads the month',
    run: assignmentJourney,
  },
  { name: 'journey (keyboard): resident signs in, reads who saw their data, signs out', run: residentJourney },
  { name: 'wrong password: error summary, aria-invalid, "Fel:" title, axe', run: wrongPassword },
  {
    name: 'journey (keyboard): each role signs in and lands on its start page (h1, header links, axe)',
    run: startPagesJourney,
  },
  { name: 'admin (keyboard): empty invite form gives an error summary, axe', run: emptyInvitation },
  { name: 'journey (keyboard): search from the home page, open a hit, follow a referral', run: searchJourney },
  { name: 'search filters (keyboard): area and open now narrow the list, axe', run: searchFilters },
  { name: 'crisis (keyboard): a search about ending one\'s life shows whom to call first, axe', run: crisisJourney },
  { name: 'association (keyboard): edit an entry, fix an error, save and confirm, axe', run: editAndConfirm },
  { name: 'association (keyboard): apply for a grant (bidrag) with what the register knows, save and send, axe', run: grantApplyJourney },
  {
    name: 'grant assessors (keyboard, bidrag): two score an application above the two-assessor threshold, the second decides and the decision is sent, axe',
    run: grantAssessJourney,
  },
  {
    name: 'association (keyboard, bidrag): a follow-up (återrapport) pre-filled from the calendar, completed and sent (timed), axe',
    run: grantFollowUpJourney,
  },
  {
    name: 'journey (keyboard): find the next development-group meeting, register, read the e-mail, cancel; the waitlist moves up',
    run: registrationJourney,
  },
  {
    name: 'journey (keyboard): an area of help and an entry show their meetings ("Träffar"), a series page its meetings held with notes',
    run: meetingsJourney,
  },
  {
    name: 'journey (keyboard): a resident applies for counselling with an attachment and sends it; the case opens; attaches a file to a message; withdraws the application',
    run: applyJourney,
  },
  {
    name: 'journey (keyboard): a resident opens their case, says an entry is not right, books, rebooks and cancels a meeting',
    run: myCaseJourney,
  },
  {
    name: 'new installation: nara serve on an empty database, nara setup, nara admin create; the administrator adds a unit and an area, invites a case officer into the unit, who imports the first entry; a resident finds it (axe on every page)',
    run: freshInstallJourney,
  },
  {
    name: 'journey (keyboard): a case officer writes an entry, is stopped from withholding it without a reason, shares it; the resident reads it',
    run: officerCaseJourney,
  },
  {
    name: 'journey (keyboard): a children\'s case officer records a placement, is stopped by an end before the start, records it ongoing',
    run: placementJourney,
  },
  {
    name: 'journey (keyboard): a resident reads their coordinated plan (SIP), writes what they think and agrees to it',
    run: myPlanJourney,
  },
  {
    name: 'journey (keyboard): a resident opens the survey of a closed case from my pages, reads it in easy Swedish, answers; the link then says it was used',
    run: surveyJourney,
  },
  {
    name: 'journey (keyboard): a case officer records an interview, is stopped without the resident\'s consent, ticks it and saves',
    run: interviewJourney,
  },
  {
    name: 'journey (keyboard): a case officer opens the coordinated plan (SIP) from the case and adds a goal after an empty one is refused',
    run: officerPlanJourney,
  },
];

/** Opens `path` in a fresh context, signed in as `as` when given, and hands over the page. */
function open(env, path, as, fn) {
  return visit({ ...env, entry: { path, as } }, {}, fn);
}

function pathOf(page) {
  return new URL(page.url()).pathname;
}

/** The page is the log-in form, sent there from `from` (and set to return to it). */
function assertRedirectedToLogin(page, from) {
  const url = new URL(page.url());
  assert.equal(url.pathname, LOGIN_PATH, `signed out, ${from} should redirect to ${LOGIN_PATH}; landed on ${page.url()}`);
  assert.equal(url.searchParams.get('tillbaka'), from, `return address (tillbaka) in ${page.url()}`);
}

async function residentJourney(env) {
  await open(env, MY_PAGES, undefined, async (page) => {
    assertRedirectedToLogin(page, MY_PAGES);
    await signInByKeyboard(page, RESIDENT, DEMO_PASSWORD);
    assert.equal(pathOf(page), MY_PAGES, 'after signing in, back on the page asked for');
    const main = page.getByRole('main');
    assert.match(await main.innerText(), /Sara Lindqvist/, `the resident's name is not shown on ${MY_PAGES}`);

    await tabTo(page, main.locator(`a[href="${ACCESS_LOG}"]`), `the link to ${ACCESS_LOG}`);
    await pressForNewPage(page);
    assert.equal(pathOf(page), ACCESS_LOG, 'Enter on the access log link');
    const logins = main.locator('table tbody tr', { hasText: 'Loggade in' });
    assert.ok(await logins.count() > 0, `no "Loggade in" row in the access log table: ${await main.innerText()}`);

    const signOut = page.getByRole('banner').getByRole('button', { name: 'Logga ut' });
    await tabTo(page, signOut, 'the "Logga ut" button in the header');
    await pressForNewPage(page);
    assert.equal(pathOf(page), LOGIN_PATH, 'signing out lands on the log-in page');
    const notice = page.getByRole('status');
    assert.ok(await notice.count() > 0 && await notice.first().isVisible(), 'no visible role="status" notice after signing out');

    await page.goto(`${env.baseUrl}${MY_PAGES}`);
    assertRedirectedToLogin(page, MY_PAGES);
  });
}

async function wrongPassword(env) {
  await open(env, LOGIN_PATH, undefined, async (page) => {
    await signInByKeyboard(page, OTHER_RESIDENT, `not-${DEMO_PASSWORD}`);
    await assertErrorState(page, ['email']);
  });
}

async function emptyInvitation(env) {
  await open(env, '/admin', ADMIN, async (page) => {
    const submit = page.locator('form[action="/admin/bjud-in"] [type="submit"]');
    await tabTo(page, submit, 'the invite form\'s submit button');
    await pressForNewPage(page);
    await assertErrorState(page, ['name', 'email']);
  });
}

/**
 * GOV.UK error pattern: one `.error-summary` with role="alert" linking to
 * each field in `fieldIds`, those fields marked aria-invalid, a title
 * starting "Fel:" (or "Error:"), no axe violations, and Enter on the first
 * link moves focus to its field.
 */
async function assertErrorState(page, fieldIds) {
  const summary = page.locator('.error-summary');
  assert.equal(await summary.count(), 1, `expected one .error-summary on ${page.url()}`);
  assert.equal(await summary.getAttribute('role'), 'alert', '.error-summary role');
  const hrefs = await summary.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  for (const id of fieldIds) {
    assert.ok(hrefs.includes(`#${id}`), `error summary does not link to #${id}; it links to ${hrefs.join(', ')}`);
    assert.equal(await page.locator(`#${id}`).getAttribute('aria-invalid'), 'true', `#${id} aria-invalid`);
  }
  assert.match(await page.title(), /^(Fel|Error): /, 'page title of a form with errors');
  await assertNoAxeViolations(page);

  const [first] = fieldIds;
  await tabTo(page, summary.locator(`a[href="#${first}"]`), `the error summary's link to #${first}`);
  await page.keyboard.press('Enter');
  try {
    await page.waitForFunction((id) => document.activeElement?.id === id, first, { timeout: FOCUS_MOVE_TIMEOUT_MS });
  } catch {
    assert.fail(`Enter on the error summary's link did not focus #${first}; focus is on ${await describeFocus(page)}`);
  }
}

async function searchJourney(env) {
  await open(env, '/', undefined, async (page) => {
    const main = page.getByRole('main');
    const box = main.getByRole('searchbox', { name: 'Vad behöver du hjälp med?' });
    await tabTo(page, box, 'the search box on the home page');
    await page.keyboard.type('skulder');
    await pressForNewPage(page);
    assert.equal(pathOf(page), '/sok', 'Enter in the search box opens the search page');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'skulder');
    const marked = await main.locator('mark').allInnerTexts();
    assert.ok(marked.some((text) => /skulder/i.test(text)), `the matched word is highlighted: ${marked}`);
    await assertNoAxeViolations(page);

    const hit = main.getByRole('link', { name: /Budget- och skuldrådgivningen/ });
    await tabTo(page, hit, 'the link to the debt advice service');
    await pressForNewPage(page);
    assert.equal(pathOf(page), '/stod/budget-och-skuldradgivning');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Budget- och skuldrådgivningen');
    assert.ok(await page.getByRole('table').count() === 1, 'the opening hours are a table');
    await assertNoAxeViolations(page);

    await page.goto(`${env.baseUrl}/stod/mottagningen-beroende`);
    const referral = page.getByRole('region', { name: 'Passar detta inte dig? Prova också' }).getByRole('link', { name: 'Länkföreningen Ankaret' });
    await tabTo(page, referral, 'the referral to Länkföreningen Ankaret');
    await pressForNewPage(page);
    assert.equal(pathOf(page), '/stod/lankarna');
    assert.match(await page.getByRole('main').innerText(), /Uppgifterna kan vara inaktuella/, 'an entry not confirmed for a year says so');
  });
}

async function crisisJourney(env) {
  await open(env, '/', undefined, async (page) => {
    const main = page.getByRole('main');
    const box = main.getByRole('searchbox', { name: 'Vad behöver du hjälp med?' });
    await tabTo(page, box, 'the search box on the home page');
    await page.keyboard.type('jag vill inte leva längre');
    await pressForNewPage(page);
    assert.equal(pathOf(page), '/sok');
    const crisis = main.getByRole('region', { name: 'Behöver du hjälp nu?' });
    assert.equal(await crisis.count(), 1, 'the crisis lines are shown');
    const first = main.getByRole('link').first();
    assert.equal(await first.getAttribute('href'), 'tel:112', 'the first link of the page is the emergency number');
    await tabTo(page, crisis.getByRole('link', { name: '90101' }), 'Självmordslinjen');
    const text = await crisis.innerText();
    for (const expected of ['112', '90101', '020-50 50 50', '116 111', 'Socialjouren', 'dygnet runt']) {
      assert.ok(text.includes(expected), `the crisis lines name ${expected}: ${text}`);
    }
    await assertNoAxeViolations(page);
    const hit = main.getByRole('link', { name: /Psykiatriska akutmottagningen/ });
    await tabTo(page, hit, 'the emergency psychiatric clinic');
    await pressForNewPage(page);
    assert.equal(pathOf(page), '/stod/psykiatrisk-akutmottagning');
    assert.equal(await page.getByRole('main').getByRole('region', { name: 'Behöver du hjälp nu?' }).count(), 1);
    await assertNoAxeViolations(page);
  });
}

async function searchFilters(env) {
  await open(env, '/sok', undefined, async (page) => {
    const area = page.getByLabel('Område', { exact: true });
    await tabTo(page, area, 'the area filter');
    await area.selectOption('alkohol-droger-spel');
    const openNow = page.getByLabel('Visa bara det som är öppet just nu');
    await tabTo(page, openNow, 'the open-now checkbox');
    await page.keyboard.press('Space');
    const button = page.locator('#filters').getByRole('button', { name: 'Sök' });
    await tabTo(page, button, 'the search button of the filters');
    await pressForNewPage(page);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('omrade'), 'alkohol-droger-spel');
    assert.equal(url.searchParams.get('oppet'), '1');
    const statuses = await page.locator('.hit .status').allInnerTexts();
    for (const status of statuses) {
      assert.match(status, /^Öppet/, `only open places are listed: ${statuses}`);
    }
    assert.ok(await page.getByLabel('Visa bara det som är öppet just nu').isChecked(), 'the filter stays chosen');
    await assertNoAxeViolations(page);
  });
}

async function editAndConfirm(env) {
  await open(env, '/forening', ASSOCIATION, async (page) => {
    const main = page.getByRole('main');
    const edit = main.getByRole('link', { name: /Ändra uppgifterna.*Fontänhuset/ });
    await tabTo(page, edit, 'the link to change Fontänhuset');
    await pressForNewPage(page);
    assert.equal(pathOf(page), '/forening/fontanhuset/redigera');
    await assertNoAxeViolations(page);

    // A wrong time gets an error summary that leads to the field, and nothing typed is lost.
    const tuesday = page.getByLabel('tisdag', { exact: true });
    await tabTo(page, tuesday, 'the hours for Tuesday');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('hela dagen');
    const phone = page.getByLabel('Telefon', { exact: true });
    await tabTo(page, phone, 'the phone field');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('042-55 55 55');
    const save = page.getByRole('button', { name: 'Spara och bekräfta' });
    await tabTo(page, save, 'the save button');
    await pressForNewPage(page);
    const summary = page.locator('.error-summary');
    assert.ok(await summary.isVisible(), 'an error summary is shown');
    assert.equal(await page.getByLabel('Telefon', { exact: true }).inputValue(), '042-55 55 55', 'the phone number typed is kept');
    assert.match(await page.title(), /^Fel:/, 'the title says there is an error');
    await assertNoAxeViolations(page);

    const fix = summary.getByRole('link').first();
    await tabTo(page, fix, 'the first link of the error summary');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('10:00–15:00');
    await tabTo(page, page.getByRole('button', { name: 'Spara och bekräfta' }), 'the save button');
    await pressForNewPage(page);
    assert.equal(pathOf(page), '/forening');
    assert.match(await page.getByRole('status').innerText(), /publicerade/, 'the change is published');

    await page.goto(`${env.baseUrl}/stod/fontanhuset`);
    const facts = await page.getByRole('main').innerText();
    assert.match(facts, /042-55 55 55/, 'the new phone number is on the public page');
    assert.match(facts, /10:00–15:00/, "Tuesday's new hours are on the public page");
  });
}
