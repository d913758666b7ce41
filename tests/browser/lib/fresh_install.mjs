// A new installation, from nothing to a first published directory entry and a first case officer
// with a role: `nara serve` on an empty data directory (not the demo), `nara setup` for the search
// page's contact, `nara admin create`, then everything else in the browser: the administrator
// chooses a password and signs in, adds a unit and an area of help at /admin, invites a case
// officer into the unit; the officer accepts the e-mailed invitation and imports a directory
// entry, which a resident then finds by searching. Every page on the way passes axe.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withPage } from './browser.mjs';
import { assertNoAxeViolations } from './checks.mjs';
import { waitForMail } from './registration.mjs';
import { startFreshServer } from './server.mjs';

const ADMIN = { email: 'it@stad.example.se', name: 'Ada Admin', password: 'ett långt lösenord för admin' };
const OFFICER = { email: 'anna.berg@stad.example.se', name: 'Anna Berg', password: 'ett långt lösenord för anna' };
const CONTACT = '[search_contact]\nname = "Socialtjänstens växel"\nphone = "042-10 60 00"\nhours_sv = "Vardagar 8–16"\n';
const ENTRY_CSV = '\uFEFFnamn;beskrivning;omraden;malgrupper;telefon;typ\n'
  + 'Bostadsrådgivningen;Råd när du riskerar att förlora din bostad.;boende;vuxna;042-10 70 00;city\n';

export async function freshInstallJourney(env) {
  const server = await startFreshServer();
  const files = await mkdtemp(path.join(tmpdir(), 'nara-setup-'));
  try {
    const setupFile = path.join(files, 'municipality.toml');
    await writeFile(setupFile, CONTACT);
    assert.match(await server.run(['setup', '--file', setupFile]), /1 updated/, 'nara setup configures the contact');
    const created = await server.run(['admin', 'create', '--email', ADMIN.email, '--name', ADMIN.name]);
    const adminLink = created.match(/https?:\/\/\S+\/inbjudan\/\S+/)?.[0];
    assert.ok(adminLink, `nara admin create printed no link: ${created}`);
    const at = (link) => `${server.baseUrl}${new URL(link).pathname}`;

    await withPage(env.browser, {}, async (admin) => {
      await choosePasswordAndSignIn(admin, at(adminLink), ADMIN);
      await open(admin, `${server.baseUrl}/admin`);
      const main = admin.getByRole('main');
      assert.match(await main.innerText(), /Det finns inga enheter än/, 'an empty installation says a unit is needed');

      await follow(admin, main.getByRole('link', { name: 'Lägg till en enhet' }));
      // The add form's errors first: the summary, each field, axe.
      await submit(admin, main.getByRole('button', { name: 'Lägg till' }));
      assert.match(await admin.title(), /^Fel:/);
      assert.ok(await admin.locator('.error-summary a[href="#slug"]').isVisible(), 'the summary links to the address');
      await assertNoAxeViolations(admin);
      await admin.getByLabel('Adress').fill('vuxen');
      await admin.getByLabel('Namn på svenska').fill('Vuxenenheten');
      await admin.getByLabel('Namn på engelska').fill('Adult services');
      await admin.getByLabel('Typ av enhet').selectOption('case_handling');
      await submit(admin, main.getByRole('button', { name: 'Lägg till' }));
      assert.equal(new URL(admin.url()).pathname, '/admin/enheter/vuxen');
      assert.match(await main.innerText(), /Lades till[\s\S]*Namn på svenska: Vuxenenheten/, 'the history shows the new unit');
      await assertNoAxeViolations(admin);

      await open(admin, `${server.baseUrl}/admin/omraden`);
      await admin.getByLabel('Adress').fill('boende');
      await admin.getByLabel('Namn på svenska').fill('Boende');
      await admin.getByLabel('Namn på engelska').fill('Housing');
      await submit(admin, main.getByRole('button', { name: 'Lägg till' }));
      assert.equal(new URL(admin.url()).pathname, '/admin/omraden/boende');
      await assertNoAxeViolations(admin);
      await open(admin, `${server.baseUrl}/admin/malgrupper`);

      // Invite the first case officer into the unit.
      await open(admin, `${server.baseUrl}/admin`);
      await admin.getByLabel('Namn', { exact: true }).fill(OFFICER.name);
      await admin.getByLabel('E-postadress').fill(OFFICER.email);
      await admin.getByLabel('Roll', { exact: true }).selectOption('staff');
      await admin.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Vuxenenheten' });
      await submit(admin, main.getByRole('button', { name: 'Skicka inbjudan' }));
      const officerPage = new URL(admin.url()).pathname;
      assert.match(officerPage, /^\/admin\/personer\/[0-9a-f-]+$/);
      await assertNoAxeViolations(admin);

      const mail = await waitForMail(server.mailDir, OFFICER.email, /\/inbjudan\//);
      const invitation = mail.match(/https?:\/\/\S+\/inbjudan\/[^\s"<>]+/)?.[0];
      assert.ok(invitation, `no invitation link in the e-mail: ${mail}`);
      await withPage(env.browser, {}, async (officer) => {
        await choosePasswordAndSignIn(officer, at(invitation), OFFICER);
        await open(officer, `${server.baseUrl}/personal/katalog/import`);
        await officer.getByLabel('CSV-fil').setInputFiles({
          name: 'poster.csv', mimeType: 'text/csv', buffer: Buffer.from(ENTRY_CSV, 'utf8'),
        });
        await submit(officer, officer.getByRole('main').getByRole('button', { name: 'Kontrollera och importera' }));
        assert.match(await officer.getByRole('status').innerText(), /En post är importerad/);
      });

      // The officer holds the role in the unit.
      await open(admin, `${server.baseUrl}${officerPage}`);
      assert.match(await main.innerText(), /handläggare, Vuxenenheten/);
    });

    // A resident finds the entry, and the configured contact when nothing matches.
    await withPage(env.browser, {}, async (resident) => {
      await open(resident, `${server.baseUrl}/`);
      assert.match(await resident.getByRole('main').innerText(), /Boende/, 'the new area is a way in');
      await open(resident, `${server.baseUrl}/sok?q=bostad`);
      const hit = resident.getByRole('main').getByRole('link', { name: 'Bostadsrådgivningen' });
      await follow(resident, hit);
      assert.match(await resident.getByRole('main').innerText(), /042-10 70 00/);
      await assertNoAxeViolations(resident);
      await open(resident, `${server.baseUrl}/sok?q=xyzzy`);
      assert.match(await resident.getByRole('main').innerText(), /Socialtjänstens växel[\s\S]*Vardagar 8–16/);
    });
  } finally {
    await rm(files, { recursive: true, force: true });
    await server.stop();
  }
}

/** Opens a page, checks it answered 200 and passes axe. */
async function open(page, url) {
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.equal(response?.status(), 200, `${url} answered ${response?.status()}`);
  await assertNoAxeViolations(page);
}

/** Clicks a submit button or link and waits for the page it leads to. */
async function submit(page, locator) {
  await Promise.all([page.waitForEvent('load'), locator.click()]);
}

/** Follows a link and checks the page it leads to with axe. */
async function follow(page, link) {
  await submit(page, link);
  await assertNoAxeViolations(page);
}

/** A single-use link from an e-mail or the command line: choose a password, then sign in. */
async function choosePasswordAndSignIn(page, link, { email, password }) {
  await open(page, link);
  await page.getByLabel('Välj ett lösenord').fill(password);
  await submit(page, page.getByRole('main').getByRole('button', { name: 'Spara lösenordet' }));
  assert.equal(new URL(page.url()).pathname, '/logga-in', 'after choosing a password, the log-in page');
  await assertNoAxeViolations(page);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await submit(page, page.getByRole('main').getByRole('button', { name: 'Logga in' }));
  assert.notEqual(new URL(page.url()).pathname, '/logga-in', `signing in as ${email} failed`);
}
