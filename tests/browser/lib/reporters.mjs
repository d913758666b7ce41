// Citizen reporters, by keyboard: the demo reporter writes an article and sends it to the editor;
// the coordinator opens it from the articles waiting, publishes it, and it shows in the public
// list and the Atom feed.
import assert from 'node:assert/strict';
import { COORDINATOR, REPORTER } from './accounts.mjs';
import { assertNoAxeViolations, visit } from './checks.mjs';
import { pressForNewPage, tabTo } from './keyboard.mjs';

const TITLE = 'Ett kafé där ingen frågar varför du kommer';
const PARTS = [
  ['#title', TITLE],
  ['#lead', 'Varje torsdag öppnar kaféet på Söder. Jag satt där en eftermiddag och lyssnade.'],
  ['#body', 'Det luktar kaffe och nybakat.\n\n## Ingen kö\n\nDu kommer när du vill och går när du vill.'],
];

export async function articleJourney(env) {
  await visit({ ...env, entry: { path: '/invanarreporter', as: REPORTER } }, {}, async (page) => {
    const main = page.getByRole('main');
    await assertNoAxeViolations(page);
    await tabTo(page, main.getByRole('link', { name: 'Skriv en ny artikel' }), 'the link to a new article');
    await pressForNewPage(page);
    assert.equal(new URL(page.url()).pathname, '/invanarreporter/ny');
    assert.ok(await page.locator('#lang').isChecked(), 'Swedish is chosen on the Swedish page');
    for (const [field, text] of PARTS) {
      await tabTo(page, page.locator(field), field);
      await page.keyboard.type(text);
    }
    await tabTo(page, main.getByRole('button', { name: 'Skicka till redaktören' }), 'the send button');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/invanarreporter\/artiklar\/[0-9a-f-]+$/);
    assert.match(await page.getByRole('status').innerText(), /Artikeln är skickad till redaktören/);
    assert.match(await main.innerText(), /Hos redaktören/);
    await assertNoAxeViolations(page);
  });

  await visit({ ...env, entry: { path: '/samordnare', as: COORDINATOR } }, {}, async (page) => {
    const main = page.getByRole('main');
    await assertNoAxeViolations(page);
    await tabTo(page, main.getByRole('link', { name: TITLE }), 'the article waiting');
    await pressForNewPage(page);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), TITLE);
    await assertNoAxeViolations(page);
    await tabTo(page, main.getByRole('button', { name: 'Publicera' }), 'the publish button');
    await pressForNewPage(page);
    assert.match(await page.getByRole('status').innerText(), /Artikeln är publicerad/);
    await tabTo(page, main.getByRole('link', { name: 'Se artikeln som alla ser den' }), 'the public page');
    await pressForNewPage(page);
    assert.match(new URL(page.url()).pathname, /^\/artiklar\/ett-kafe-dar-ingen-fragar/);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), TITLE);
    assert.match(await main.innerText(), /Av Amira Y\./);
    await assertNoAxeViolations(page);
  });

  const feed = await fetch(new URL('/artiklar.atom', env.baseUrl));
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type'), /application\/atom\+xml/);
  const xml = await feed.text();
  assert.ok(xml.includes(`<title>${TITLE}</title>`), `the feed lists the article: ${xml.slice(0, 400)}`);
}
