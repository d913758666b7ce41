// Each role's start: a person signs in by keyboard on the log-in page (asking for no page in
// particular) and lands where their work is, with the page's h1 and no axe violations; the page
// header offers their other places and nothing of roles they lack.
import assert from 'node:assert/strict';
import { ADMIN, ASSOCIATION, COORDINATOR, DEMO_PASSWORD, LOGIN_PATH, LOG_REVIEWER, OFFICER, ORGANISER, PLAIN_REVIEWER, QUALITY, REPORTER, RESIDENT } from './accounts.mjs';
import { assertNoAxeViolations, visit } from './checks.mjs';
import { signInByKeyboard } from './keyboard.mjs';

/** Who signs in, where they land, its h1, and the header links they must (and must not) see. */
const STARTS = [
  { email: RESIDENT, path: '/mina-sidor', h1: 'Mina sidor', links: ['/mina-sidor'], not: ['/handlaggare', '/arrangor', '/forening'] },
  { email: ASSOCIATION, path: '/forening', h1: 'Mina föreningar', links: ['/forening', '/mina-sidor'], not: ['/handlaggare'] },
  { email: ORGANISER, path: '/arrangor', h1: 'Mina träffar som arrangör', links: ['/arrangor', '/mina-sidor'], not: ['/handlaggare', '/personal/katalog'] },
  { email: OFFICER, path: '/handlaggare', h1: 'Ärenden', links: ['/handlaggare', '/personal/katalog', '/personal/klarsprak', '/arrangor', '/mina-sidor'], not: ['/admin'] },
  { email: LOG_REVIEWER, path: '/granskning/logg', h1: 'Logguppföljning', links: ['/granskning/logg', '/mina-sidor'], not: ['/handlaggare'] },
  { email: QUALITY, path: '/personal/mal', h1: 'Nämndens mål', links: ['/personal/mal', '/mina-sidor'], not: ['/handlaggare', '/admin'] },
  { email: COORDINATOR, path: '/samordnare', h1: 'Artiklar att granska', links: ['/samordnare', '/mina-sidor'], not: ['/handlaggare', '/invanarreporter'] },
  { email: PLAIN_REVIEWER, path: '/personal/klarsprak', h1: 'Granskning av texter', links: ['/personal/klarsprak', '/personal/klarsprak/ord', '/mina-uppdrag', '/mina-sidor'], not: ['/handlaggare', '/samordnare'] },
  { email: REPORTER, path: '/invanarreporter', h1: 'Mina artiklar', links: ['/invanarreporter', '/mina-sidor'], not: ['/handlaggare', '/samordnare'] },
  { email: ADMIN, path: '/admin', h1: 'Administration', links: ['/admin', '/mina-sidor'], not: ['/handlaggare', '/granskning/logg'] },
  { email: ADMIN, path: '/en/admin', h1: 'Administration', links: ['/en/admin', '/en/mina-sidor'], not: [], from: `/en${LOGIN_PATH}` },
];

export async function startPagesJourney(env) {
  for (const start of STARTS) {
    const from = start.from ?? LOGIN_PATH;
    await visit({ ...env, entry: { path: from } }, {}, async (page) => {
      await signInByKeyboard(page, start.email, DEMO_PASSWORD);
      const landed = new URL(page.url()).pathname;
      assert.equal(landed, start.path, `${start.email} signed in at ${from}`);
      const h1 = page.getByRole('heading', { level: 1 });
      assert.equal(await h1.count(), 1, `one h1 on ${landed}`);
      assert.equal((await h1.innerText()).trim(), start.h1, `the h1 of ${landed}`);
      const header = page.getByRole('banner');
      for (const href of start.links) {
        assert.equal(await header.locator(`a[href="${href}"]`).count(), 1, `${start.email}: a header link to ${href}`);
      }
      for (const href of start.not) {
        assert.equal(await header.locator(`a[href="${href}"]`).count(), 0, `${start.email}: no header link to ${href}`);
      }
      await assertNoAxeViolations(page);
    });
  }
}
