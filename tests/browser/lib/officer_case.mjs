// The case officer's path, by keyboard: from the work list to a case, a withheld entry without a
// reason (refused, with the error summary), then a shared entry that the resident reads at once.
import assert from 'node:assert/strict';
import { OFFICER, RESIDENT } from './accounts.mjs';
import { assertNoAxeViolations, visit } from './checks.mjs';
import { pressForNewPage, tabTo } from './keyboard.mjs';

export async function officerCaseJourney(env) {
  const text = `Hembesök bokat, vi går igenom avlastning i hemmet (${Date.now()}).`;
  let casePath;
  await visit({ ...env, entry: { path: '/handlaggare', as: OFFICER } }, {}, async (page) => {
    const main = page.getByRole('main');
    await assertNoAxeViolations(page);
    await tabTo(page, main.getByRole('link', { name: 'Stöd till dig som anhörig' }), "the case in the work list");
    await pressForNewPage(page);
    casePath = new URL(page.url()).pathname;
    assert.match(casePath, /^\/handlaggare\/arenden\/[0-9a-f-]+$/);
    await assertNoAxeViolations(page);

    // Withheld without a reason: refused, and the summary leads to the reason.
    await tabTo(page, page.locator('#entry-body'), 'the new entry');
    await page.keyboard.type(text);
    await tabTo(page, page.locator('#entry-sharing'), 'the sharing choice');
    await page.keyboard.press('ArrowDown');
    assert.ok(await page.locator('#entry-sharing-withheld').isChecked(), 'the arrow key chose "do not show"');
    await tabTo(page, main.getByRole('button', { name: 'Spara anteckningen' }), 'the save button');
    await pressForNewPage(page);
    const summary = page.locator('.error-summary');
    assert.ok(await summary.isVisible(), 'an error summary');
    assert.equal(await page.locator('#entry-body').inputValue(), text, 'nothing typed is lost');
    assert.match(await page.title(), /^Fel:/);
    await assertNoAxeViolations(page);

    // Shared after all.
    await tabTo(page, page.locator('#entry-sharing-withheld'), 'the sharing choice');
    await page.keyboard.press('ArrowUp');
    assert.ok(await page.locator('#entry-sharing').isChecked(), 'the arrow key chose "show it"');
    await tabTo(page, main.getByRole('button', { name: 'Spara anteckningen' }), 'the save button');
    await pressForNewPage(page);
    assert.match(await main.innerText(), new RegExp(text.replace(/[()]/g, '\\$&')), 'the entry is in the record');
  });

  // The resident reads it at once.
  await visit({ ...env, entry: { path: '/mina-sidor/arenden', as: RESIDENT } }, {}, async (page) => {
    await page.getByRole('main').getByRole('link', { name: /Stöd till dig som anhörig/ }).first().focus();
    await pressForNewPage(page);
    assert.match(await page.getByRole('main').innerText(), new RegExp(text.replace(/[()]/g, '\\$&')), 'the resident sees the new entry');
  });
}
