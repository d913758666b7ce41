// Directory and calendar as one, by keyboard: the area "Stöd till anhöriga" on the home page shows
// the relatives' self-help group beside its entries; Anhörigstödet's entry lists the group's next
// meetings with places left and leads to a meeting; the development group's page lists the
// meetings held, newest first, with their notes. axe on every page.
import assert from 'node:assert/strict';
import { assertNoAxeViolations, visit } from './checks.mjs';
import { pressForNewPage, tabTo } from './keyboard.mjs';

const GROUP = 'Självhjälpsgrupp för anhöriga';

function pathOf(page) {
  return new URL(page.url()).pathname;
}

export async function meetingsJourney(env) {
  await visit({ ...env, entry: { path: '/' } }, {}, async (page) => {
    const main = page.getByRole('main');
    await tabTo(page, main.getByRole('link', { name: 'Stöd till anhöriga', exact: true }), 'the area "Stöd till anhöriga" on the home page');
    await pressForNewPage(page);
    assert.equal(pathOf(page), '/sok');
    assert.equal(new URL(page.url()).searchParams.get('omrade'), 'stod-till-anhoriga');
    const areaMeetings = main.getByRole('region', { name: 'Träffar' });
    assert.equal(await areaMeetings.getByRole('link', { name: GROUP }).count(), 1, `the area shows the group: ${await main.innerText()}`);
    await assertNoAxeViolations(page);

    await tabTo(page, main.locator('.hit').getByRole('link', { name: 'Anhörigstödet', exact: true }), 'the hit Anhörigstödet');
    await pressForNewPage(page);
    assert.equal(pathOf(page), '/stod/anhorigstodet');
    const entryMeetings = main.getByRole('region', { name: 'Träffar' });
    const text = await entryMeetings.innerText();
    assert.match(text, new RegExp(GROUP), `the entry lists the group it runs: ${text}`);
    assert.match(text, /platser kvar|väntelistan/, `with places left: ${text}`);
    await assertNoAxeViolations(page);

    const nextDate = entryMeetings.locator('a[href^="/kalender/sjalvhjalpsgrupp-anhoriga/"]').first();
    await tabTo(page, nextDate, "the group's next meeting on the entry page");
    await pressForNewPage(page);
    assert.match(pathOf(page), /^\/kalender\/sjalvhjalpsgrupp-anhoriga\/\d+$/, `the meeting's page: ${page.url()}`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), GROUP);

    await page.goto(`${env.baseUrl}/kalender/utvecklingsgrupp`);
    const past = main.getByRole('region', { name: 'Tidigare träffar' });
    // The demo holds two meetings with notes (three once this month's has been held).
    const held = past.getByRole('heading', { level: 3 });
    assert.ok(await held.count() >= 2, `the meetings held: ${await past.innerText()}`);
    assert.match(await past.innerText(), /läsa sin journal[\s\S]*vart man ska vända sig/, 'newest first, each with its notes');
    await assertNoAxeViolations(page);

    await tabTo(page, held.filter({ hasText: 'Mina sidor' }).getByRole('link'), 'the meeting about my pages');
    await pressForNewPage(page);
    assert.match(pathOf(page), /^\/kalender\/utvecklingsgrupp\/\d+$/);
    assert.match(await main.innerText(), /läsa sin journal/, "the meeting's own page has its notes");
  });
}
