// The resident applies for support by keyboard: from My pages to the form, an empty step that
// comes back with its problems, three steps answered with an attachment chosen in the file
// dialog, the summary, and sending, which opens the case with a contact person; then a message
// to the contact person with a certificate attached, and withdrawing the application.
import assert from 'node:assert/strict';
import { RESIDENT } from './accounts.mjs';
import { assertNoAxeViolations, visit } from './checks.mjs';
import { pressForNewPage, tabTo } from './keyboard.mjs';

const SITUATION = 'Jag har svårt att sova sedan min pappa dog.';
const MESSAGE = 'Här är intyget från läkaren.';
const REASON = 'Jag har fått samtalsstöd genom vårdcentralen.';
// A small real PDF: the server checks the bytes, not the name.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export async function applyJourney(env) {
  await visit({ ...env, entry: { path: '/mina-sidor', as: RESIDENT } }, {}, async (page) => {
    const main = page.getByRole('main');
    await tabTo(page, main.getByRole('link', { name: 'Ansök om stöd' }), 'the "apply" link on My pages');
    await pressForNewPage(page);
    await assertNoAxeViolations(page);
    await tabTo(page, main.getByRole('button', { name: /Börja: .*Ansök om samtalsstöd/ }), 'the start button');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/mina-sidor\/ansokningar\/[0-9a-f-]+\/steg\/1$/);
    await assertNoAxeViolations(page);

    // Going on without answering: the problems are summarised and each field says what to do.
    await tabTo(page, main.getByRole('button', { name: 'Spara och fortsätt', exact: true }), 'the continue button');
    await pressForNewPage(page);
    assert.match(await page.title(), /^Fel:/);
    const summary = page.getByRole('alert');
    assert.match(await summary.innerText(), /Svara på frågan/);
    assert.equal(await page.locator('#q-situation').getAttribute('aria-invalid'), 'true');
    await assertNoAxeViolations(page);

    // Step 1.
    await tabTo(page, page.locator('#q-situation'), 'the situation field');
    await page.keyboard.type(SITUATION);
    await tabTo(page, page.locator('#q-har_barn'), 'the "yes" of the children question');
    await page.keyboard.press('Space');
    await tabTo(page, page.locator('#q-stod'), 'the first kind of support');
    await page.keyboard.press('Space');
    await tabTo(page, main.getByRole('button', { name: 'Spara och fortsätt', exact: true }), 'the continue button');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /\/steg\/2$/, await main.innerText());

    // Step 2: the children question applies after the "yes"; the attachment is chosen in the
    // file dialog, opened from the keyboard.
    await tabTo(page, page.locator('#q-antal_barn'), 'the number of children');
    await page.keyboard.type('2');
    await tabTo(page, page.locator('#q-intyg'), 'the file field');
    const chooser = await openFileChooser(page);
    await chooser.setFiles({ name: 'intyg.pdf', mimeType: 'application/pdf', buffer: PDF });
    await tabTo(page, main.getByRole('button', { name: 'Spara och fortsätt', exact: true }), 'the continue button');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /\/steg\/3$/, await main.innerText());
    await assertNoAxeViolations(page);

    // Step 3, then the summary.
    await tabTo(page, page.locator('#q-telefon'), 'the phone field');
    await page.keyboard.type('070-123 45 67');
    await tabTo(page, page.locator('#q-kontakt_tid'), 'the first time of day');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, main.getByRole('button', { name: 'Spara och se dina svar' }), 'the last continue button');
    await pressForNewPage(page);
    const answers = await main.innerText();
    assert.match(answers, /Kontrollera dina svar/);
    for (const text of [SITUATION, 'Enskilda samtal', 'intyg.pdf', 'Eftermiddag']) {
      assert.ok(answers.includes(text), `the summary shows ${text}: ${answers}`);
    }
    await assertNoAxeViolations(page);

    // Sending opens the case, with Anna Berg as contact person.
    await tabTo(page, main.getByRole('button', { name: 'Skicka ansökan' }), 'the send button');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/mina-sidor\/arenden\/[0-9a-f-]+$/);
    assert.match(await page.getByRole('status').innerText(), /Din ansökan är skickad/);
    const casePage = await main.innerText();
    assert.match(casePage, /Ansök om samtalsstöd/);
    assert.match(casePage, /Anna Berg/);
    await assertNoAxeViolations(page);
    const caseUrl = page.url();

    // The contact person asks for a certificate: a message with the file attached, chosen in the
    // file dialog from the keyboard.
    await tabTo(page, page.locator('#message'), 'the message field');
    await page.keyboard.type(MESSAGE);
    await tabTo(page, page.locator('#file'), 'the file field of the message');
    const certificate = await openFileChooser(page);
    await certificate.setFiles({ name: 'lakarintyg.pdf', mimeType: 'application/pdf', buffer: PDF });
    await tabTo(page, main.getByRole('button', { name: 'Skicka meddelandet' }), 'the send-message button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Meddelandet är skickat/);
    const sent = await main.locator('section[aria-labelledby="meddelanden"]').innerText();
    assert.ok(sent.includes(MESSAGE) && sent.includes('lakarintyg.pdf'), `the message and its file: ${sent}`);
    await assertNoAxeViolations(page);

    // Withdrawing the application, with a reason; a reason left out is asked for first.
    await page.goto(caseUrl);
    await tabTo(page, main.getByRole('link', { name: 'Se din ansökan' }), 'the link to the application');
    await pressForNewPage(page);
    assert.match(await main.innerText(), /Din ansökan skickades/);
    await assertNoAxeViolations(page);
    await tabTo(page, main.getByRole('link', { name: 'Återkalla ansökan' }), 'the withdraw link');
    await pressForNewPage(page);
    await assertNoAxeViolations(page);
    await tabTo(page, main.getByRole('button', { name: 'Återkalla ansökan' }), 'the withdraw button');
    await pressForNewPage(page);
    assert.match(await page.title(), /^Fel:/);
    assert.match(await page.getByRole('alert').innerText(), /Skriv varför du återkallar ansökan/);
    await assertNoAxeViolations(page);
    await tabTo(page, page.locator('#reason'), 'the reason field');
    await page.keyboard.type(REASON);
    await tabTo(page, main.getByRole('button', { name: 'Återkalla ansökan' }), 'the withdraw button');
    await pressForNewPage(page);
    const withdrawn = await main.innerText();
    assert.ok(withdrawn.includes('Du återkallade ansökan') && withdrawn.includes(REASON), withdrawn);
    await assertNoAxeViolations(page);
  });
}

/** Opens the focused file field's dialog with the keyboard (Space), as a person would. On a loaded
 * machine Chromium has been seen to drop the first key press's dialog (CI, the suite beside a
 * build); a person presses again, and so does this, up to three times. */
async function openFileChooser(page) {
  for (let attempt = 1; ; attempt += 1) {
    const opened = page.waitForEvent('filechooser', { timeout: 15000 });
    await page.keyboard.press('Space');
    try {
      return await opened;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
