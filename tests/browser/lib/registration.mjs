// The registration journey of the meetings issue, by keyboard: a visitor finds the next
// development-group meeting in the calendar, registers, gets the e-mail with a private link,
// takes the meeting into their calendar, and cancels; the first person on the waitlist gets the
// place and an e-mail saying so.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { assertNoAxeViolations, visit } from './checks.mjs';
import { pressForNewPage, tabTo } from './keyboard.mjs';

const MAIL_TIMEOUT_MS = 30_000;
/** More than the demo meeting's places: filling them never loops for ever. */
const MAX_FILLERS = 100;

export async function registrationJourney(env) {
  assert.ok(env.mailDir, 'the server does not say where it writes e-mail (set NARA_MAIL_DIR)');
  await visit({ ...env, entry: { path: '/kalender' } }, {}, async (page) => {
    const main = page.getByRole('main');
    const meetings = main.getByRole('link', { name: /^Gemensam utvecklingsgrupp/ });
    // The calendar lists a meeting until it ends, but one that has begun takes no registrations:
    // while the demo's monthly meeting is on, the person takes the one after it.
    for (const at of [0, 1]) {
      if (at > 0) await page.goto(`${env.baseUrl}/kalender`);
      await tabTo(page, meetings.nth(at), 'the next development-group meeting in the calendar');
      await pressForNewPage(page);
      if ((await page.locator('#name').count()) > 0) break;
    }
    const meeting = new URL(page.url()).pathname;
    assert.match(meeting, /^\/kalender\/utvecklingsgrupp\/\d+$/, `the meeting's page: ${meeting}`);
    await assertNoAxeViolations(page);

    // Into one's own calendar: the link gives an iCalendar file with this meeting.
    const ics = await main.getByRole('link', { name: 'Lägg till i din kalender (iCalendar)' }).getAttribute('href');
    const calendar = await page.request.get(`${env.baseUrl}${ics}`);
    assert.equal(calendar.headers()['content-type'], 'text/calendar; charset=utf-8');
    const text = await calendar.text();
    assert.match(text, /BEGIN:VEVENT[\s\S]*SUMMARY:Gemensam utvecklingsgrupp[\s\S]*END:VEVENT/, text);

    await tabTo(page, page.locator('#name'), 'the name field');
    await page.keyboard.type('Alva Andersson');
    await tabTo(page, page.locator('#email'), 'the e-mail field');
    await page.keyboard.type('alva@example.se');
    await tabTo(page, main.getByRole('button', { name: 'Anmäl mig' }), 'the register button');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/anmalan\//, 'the private registration page');
    assert.match(await page.getByRole('status').innerText(), /Du är anmäld/);
    await assertNoAxeViolations(page);

    // The rest of the places go to others, and one more person ends up on the waitlist.
    const waiting = await fillUntilWaitlisted(page, env.baseUrl, meeting);

    // The e-mail has the private link; Alva follows it and cancels.
    const mail = await waitForMail(env.mailDir, 'alva@example.se', /anmalan\//);
    const link = mail.match(/https?:\/\/\S+\/anmalan\/\S+/)?.[0];
    assert.ok(link, `a private link in the confirmation e-mail:\n${mail}`);
    await page.goto(`${env.baseUrl}${new URL(link).pathname}`);
    await tabTo(page, page.getByRole('button', { name: 'Avboka' }), 'the cancel button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /avbokad/);
    await assertNoAxeViolations(page);

    // The first on the waitlist has the place now, and is told.
    const promoted = await page.request.get(waiting.page);
    assert.match(await promoted.text(), /Du är anmäld/, 'the waitlisted person moved up');
    const told = await waitForMail(env.mailDir, waiting.email, /En plats blev ledig/);
    assert.match(told, /anmalan\//, 'the promotion e-mail carries their own link');
  });
}

/** Registers others until one lands on the waitlist: that one's address and page. */
async function fillUntilWaitlisted(page, baseUrl, meeting) {
  for (let i = 0; i < MAX_FILLERS; i += 1) {
    const email = `deltagare${i}@example.se`;
    const answer = await page.request.post(`${baseUrl}${meeting}/anmalan`, {
      form: { name: `Deltagare ${i}`, email },
      headers: { Origin: baseUrl },
    });
    assert.ok(answer.ok(), `registration ${i} answered ${answer.status()}`);
    if (/väntelistan/.test(await answer.text())) return { email, page: answer.url() };
  }
  return assert.fail(`the meeting was still not full after ${MAX_FILLERS} registrations`);
}

/**
 * The body of the newest e-mail to `to` whose text matches `pattern`, waiting for the outbox
 * worker to write it. Bodies may be quoted-printable or base64; both are decoded.
 */
export async function waitForMail(dir, to, pattern) {
  const deadline = Date.now() + MAIL_TIMEOUT_MS;
  for (;;) {
    const files = await readdir(dir).catch(() => []);
    for (const file of files.filter((f) => f.endsWith('.eml'))) {
      const raw = await readFile(path.join(dir, file), 'utf8');
      if (!recipients(raw).includes(to)) continue;
      const body = decodeBody(raw);
      if (pattern.test(body)) return body;
    }
    assert.ok(Date.now() < deadline, `no e-mail to ${to} matching ${pattern} within ${MAIL_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The addresses in the `To:` header. */
function recipients(raw) {
  const line = raw.match(/^To: (.*)$/im)?.[1] ?? '';
  return line.match(/[^\s<>,"]+@[^\s<>,"]+/g) ?? [];
}

function decodeBody(raw) {
  const split = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') + 4 : raw.indexOf('\n\n') + 2;
  const headers = raw.slice(0, split);
  const body = raw.slice(split);
  if (/Content-Transfer-Encoding: base64/i.test(headers)) {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}
