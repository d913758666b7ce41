#!/usr/bin/env node
// Nära browser test suite: drives headless Chromium against the real `nara`
// server and checks accessibility on every page below. See README.md.
//
//   node tests/browser/run.mjs        (from the repo root, or `npm test` here)
import { ADMIN, ASSOCIATION, COORDINATOR, GRANT_ASSESSOR, LEISURE_STAFF, LOG_REVIEWER, OFFICER, ORGANISER, PARTICIPANT, PLAIN_REVIEWER, QUALITY, REPORTER, RESIDENT } from './lib/accounts.mjs';
import { counterpartPath } from './lib/lang.mjs';
import { describeError, indent, once, runTests, summaryLine } from './lib/runner.mjs';
import { startServer } from './lib/server.mjs';

/**
 * Every page the suite checks. `status` is the expected HTTP status (200
 * unless given); the language comes from the path. `as` opens the page signed
 * in as that demo account. A path with `{id}` is taken from the first link to
 * it on the page `linkedFrom` (ids differ from run to run).
 */
const PAGES = [
  ...inBothLanguages(['/', '/tillganglighet', '/logga-in', '/skapa-konto', '/glomt-losenord']),
  ...inBothLanguages(['/finns-inte-xyz'], { status: 404 }),
  ...inBothLanguages(['/mina-sidor'], { as: RESIDENT }),
  ...inBothLanguages(['/mina-sidor/logg'], { as: RESIDENT, narrowLists: true }),
  ...inBothLanguages(['/admin'], { as: ADMIN }),
  { path: '/admin/personer/{id}', linkedFrom: '/admin', as: ADMIN },
  // The city's set-up: the lists (with the add form) and an item's page (form, uses, history).
  ...inBothLanguages(['/admin/enheter', '/admin/omraden', '/admin/malgrupper'], { as: ADMIN }),
  ...['/admin/enheter/vuxen', '/admin/omraden/boende', '/admin/malgrupper/unga'].map((path) => ({ path, as: ADMIN })),
  { path: '/granskning/logg', as: LOG_REVIEWER },
  // The board's goals: the quality office's dashboard (monthly too) and everyone's results page.
  ...inBothLanguages(['/personal/mal'], { as: QUALITY }),
  { path: '/personal/mal?per=manad', as: QUALITY },
  ...inBothLanguages(['/resultat']),
  // The leisure bank: the public items, the borrower's loans, the desk, the scan page, an item
  // (an overdue desk loan of the demo) and its label with the QR code.
  ...inBothLanguages(['/fritidsbanken']),
  ...inBothLanguages(['/mina-sidor/lan'], { as: RESIDENT }),
  ...inBothLanguages(['/personal/fritidsbanken', '/personal/fritidsbanken/skanna'], { as: LEISURE_STAFF }),
  { path: '/personal/fritidsbanken/artikel/{id}', linkedFrom: '/personal/fritidsbanken', as: LEISURE_STAFF },
  { path: '/en/personal/fritidsbanken/artikel/{id}', linkedFrom: '/en/personal/fritidsbanken', as: LEISURE_STAFF },
  { path: '/personal/fritidsbanken/artikel/{id}/etikett', linkedFrom: '/personal/fritidsbanken/artikel/{id}', via: '/personal/fritidsbanken', as: LEISURE_STAFF },
  // The statistics for the lending places (leisure staff) and the board (the quality office).
  ...inBothLanguages(['/personal/fritidsbanken/statistik'], { as: LEISURE_STAFF }),
  { path: '/personal/fritidsbanken/statistik', as: QUALITY },
  // The participants' task board and an item's task.
  ...inBothLanguages(['/fritidsbanken/uppgifter'], { as: PARTICIPANT }),
  { path: '/fritidsbanken/uppgifter/{id}', linkedFrom: '/fritidsbanken/uppgifter', as: PARTICIPANT },
  { path: '/en/fritidsbanken/uppgifter/{id}', linkedFrom: '/en/fritidsbanken/uppgifter', as: PARTICIPANT },
  ...inBothLanguages([
    '/kalender',
    '/kalender/utvecklingsgrupp',
    '/kalender/utvecklingsgrupp/0',
    '/kalender/utvecklingsgrupp/foresla-tema',
  ]),
  // The month view and a filtered list (the first development-group meeting, /0, has been held:
  // its page shows the agenda and the notes rendered from Markdown).
  { path: '/kalender?visa=manad', narrowLists: true },
  { path: '/en/kalender?visa=manad', narrowLists: true },
  { path: '/kalender?omrade=stod-till-anhoriga' },
  ...inBothLanguages(['/mina-sidor/kalender'], { as: RESIDENT }),
  // The resident's cases, a case, booking a meeting and a booked meeting; the officer's side.
  ...inBothLanguages(['/mina-sidor/arenden', '/mina-sidor/mina-uppgifter'], { as: RESIDENT }),
  { path: '/mina-sidor/arenden/{id}', linkedFrom: '/mina-sidor/arenden', as: RESIDENT },
  { path: '/en/mina-sidor/arenden/{id}', linkedFrom: '/en/mina-sidor/arenden', as: RESIDENT },
  { path: '/mina-sidor/arenden/{id}/boka', linkedFrom: '/mina-sidor/arenden/{id}', via: '/mina-sidor/arenden', as: RESIDENT },
  { path: '/mina-sidor/bokningar/{id}', linkedFrom: '/mina-sidor/arenden/{id}', via: '/mina-sidor/arenden', as: RESIDENT },
  // Coordinated individual plans: the resident's list and plan, and a case's plans for its officer.
  ...inBothLanguages(['/mina-sidor/planer'], { as: RESIDENT }),
  { path: '/mina-sidor/planer/{id}', linkedFrom: '/mina-sidor/planer', as: RESIDENT },
  { path: '/en/mina-sidor/planer/{id}', linkedFrom: '/en/mina-sidor/planer', as: RESIDENT },
  { path: '/handlaggare/arenden/{id}/planer', linkedFrom: '/handlaggare/arenden/{id}', via: '/handlaggare', as: OFFICER },
  // Association grants: the public rules, the association's applications (Fontänhuset's sent one)
  // and the grant assessors' pages.
  ...inBothLanguages(['/bidrag', '/bidrag/verksamhetsbidrag']),
  ...inBothLanguages(['/forening/fontanhuset/bidrag'], { as: ASSOCIATION }),
  { path: '/forening/fontanhuset/bidrag/{id}', linkedFrom: '/forening/fontanhuset/bidrag', as: ASSOCIATION },
  ...inBothLanguages(['/personal/bidrag', '/personal/bidrag/program', '/personal/bidrag/program/verksamhetsbidrag'], { as: GRANT_ASSESSOR }),
  { path: '/personal/bidrag/ansokningar/{id}', linkedFrom: '/personal/bidrag', as: GRANT_ASSESSOR },
  { path: '/en/personal/bidrag/ansokningar/{id}', linkedFrom: '/en/personal/bidrag', as: GRANT_ASSESSOR },
  // Follow-ups and what the grants achieve: a paid grant's follow-up form (pre-filled from the
  // calendar), the effect view for the assessors and for the quality office, the open data.
  { path: '/forening/fontanhuset/bidrag/{id}/aterrapport', linkedFrom: '/forening/fontanhuset/bidrag', as: ASSOCIATION },
  { path: '/en/forening/fontanhuset/bidrag/{id}/aterrapport', linkedFrom: '/en/forening/fontanhuset/bidrag', as: ASSOCIATION },
  ...inBothLanguages(['/personal/bidrag/effekt'], { as: GRANT_ASSESSOR }),
  ...inBothLanguages(['/personal/mal/foreningsbidrag'], { as: QUALITY }),
  // Applying: the forms, Sara's draft (its summary and a step), and staff's forms.
  ...inBothLanguages(['/mina-sidor/ansok'], { as: RESIDENT }),
  { path: '/mina-sidor/ansokningar/{id}', linkedFrom: '/mina-sidor/ansok', as: RESIDENT },
  { path: '/en/mina-sidor/ansokningar/{id}', linkedFrom: '/en/mina-sidor/ansok', as: RESIDENT },
  { path: '/mina-sidor/ansokningar/{id}/steg/1', linkedFrom: '/mina-sidor/ansokningar/{id}', via: '/mina-sidor/ansok', as: RESIDENT },
  { path: '/en/mina-sidor/ansokningar/{id}/steg/2', linkedFrom: '/en/mina-sidor/ansokningar/{id}', via: '/en/mina-sidor/ansok', as: RESIDENT },
  ...inBothLanguages(['/handlaggare/ansokningsformular', '/handlaggare/ansokningsformular/samtalsstod'], { as: OFFICER }),
  ...inBothLanguages(['/handlaggare'], { as: OFFICER, narrowLists: true }),
  ...inBothLanguages(['/handlaggare/tider'], { as: OFFICER }),
  { path: '/handlaggare/arenden/{id}', linkedFrom: '/handlaggare', as: OFFICER },
  ...inBothLanguages(['/arrangor', '/arrangor/sjalvhjalpsgrupp-anhoriga/0'], { as: OFFICER }),
  // The development group's organiser, who has no case work.
  ...inBothLanguages(['/arrangor', '/arrangor/utvecklingsgrupp/3'], { as: ORGANISER }),
  // The directory: the empty search, results, no results, filters, and entries (open, stale, around the clock).
  ...inBothLanguages(['/sok', '/stod/fontanhuset', '/stod/lankarna', '/stod/socialjouren']),
  // Directory and calendar as one: an entry and an area with their meetings, a search that finds a group.
  ...inBothLanguages(['/stod/anhorigstodet']),
  { path: '/sok?omrade=stod-till-anhoriga' },
  { path: '/en/sok?omrade=stod-till-anhoriga' },
  { path: '/sok?q=sj%C3%A4lvhj%C3%A4lpsgrupp' },
  { path: '/sok?q=missbruk' },
  { path: '/en/sok?q=debt' },
  { path: '/sok?q=xyzzy' },
  { path: '/en/sok?q=xyzzy' },
  { path: '/sok?omrade=alkohol-droger-spel&sprak=ar&oppet=1' },
  { path: '/sok?q=st%C3%B6d&sida=2' },
  { path: '/sok?omrade=finns-inte', status: 400 },
  // A search about acute danger (the crisis lines first), and an entry a crisis wording leads to.
  { path: '/sok?q=jag+vill+inte+leva+l%C3%A4ngre' },
  { path: '/en/sok?q=afraid+of+my+partner' },
  ...inBothLanguages(['/stod/psykiatrisk-akutmottagning']),
  ...inBothLanguages(['/personal/katalog/statistik', '/personal/katalog', '/personal/katalog/import'], { as: OFFICER }),
  // The managed vocabulary: the list, the add form, a wording with its history.
  ...inBothLanguages(['/personal/katalog/ord', '/personal/katalog/ord/ny'], { as: OFFICER }),
  { path: '/personal/katalog/ord/{id}', linkedFrom: '/personal/katalog/ord', as: OFFICER },
  ...inBothLanguages(['/forening', '/forening/fontanhuset/redigera', '/forening/ny'], { as: ASSOCIATION }),
  // Ideas: the campaigns, the Bootcamp through its lessons and the next one, an idea's whole path,
  // the proposal form, the council's page and the staff's management page.
  ...inBothLanguages(['/ideer', '/ideer/bootcamp', '/ideer/bootcamp-2027']),
  { path: '/ideer/forslag/{id}', linkedFrom: '/ideer/bootcamp' },
  { path: '/en/ideer/forslag/{id}', linkedFrom: '/en/ideer/bootcamp' },
  ...inBothLanguages(['/ideer/bootcamp-2027/nytt-forslag', '/ideer/bootcamp-2027/rad'], { as: RESIDENT }),
  ...inBothLanguages(['/personal/ideer'], { as: OFFICER }),
  // Surveys: an unknown link, the thanks page, the interview from a case, and the builder.
  ...inBothLanguages(['/enkat/ingen-sadan-lank'], { status: 404 }),
  ...inBothLanguages(['/enkat/tack']),
  { path: '/handlaggare/arenden/{id}/intervju', linkedFrom: '/handlaggare/arenden/{id}', via: '/handlaggare', as: OFFICER },
  ...inBothLanguages(['/personal/enkater', '/personal/enkater/usefulness', '/personal/enkater/event'], { as: OFFICER }),
  ...inBothLanguages(['/personal/enkater'], { as: ADMIN }),
  { path: '/personal/enkater/event/fragor/{id}', linkedFrom: '/personal/enkater/event', as: OFFICER },
  // Citizen reporters: the public articles and feed page, the reporter's pages, the editor's.
  ...inBothLanguages(['/artiklar']),
  { path: '/artiklar/{id}', linkedFrom: '/artiklar' },
  { path: '/en/artiklar/{id}', linkedFrom: '/en/artiklar' },
  ...inBothLanguages(['/invanarreporter', '/invanarreporter/ny'], { as: REPORTER }),
  { path: '/invanarreporter/artiklar/{id}', linkedFrom: '/invanarreporter', as: REPORTER },
  { path: '/en/invanarreporter/artiklar/{id}', linkedFrom: '/en/invanarreporter', as: REPORTER },
  ...inBothLanguages(['/samordnare'], { as: COORDINATOR }),
  { path: '/samordnare/artiklar/{id}', linkedFrom: '/samordnare', as: COORDINATOR },
  { path: '/en/samordnare/artiklar/{id}', linkedFrom: '/en/samordnare', as: COORDINATOR },
  // Paid assignments: the person's own, the coordinator's month and recruitment.
  ...inBothLanguages(['/mina-uppdrag'], { as: REPORTER }),
  { path: '/mina-uppdrag/{id}', linkedFrom: '/mina-uppdrag', as: REPORTER },
  { path: '/en/mina-uppdrag/{id}', linkedFrom: '/en/mina-uppdrag', as: REPORTER },
  ...inBothLanguages(['/samordnare/uppdrag', '/samordnare/intresseanmalningar'], { as: COORDINATOR }),
  ...inBothLanguages(['/bli-medarbetare']),
  // Plain language: the checker's word list, kept by the coordinator and the reviewers.
  ...inBothLanguages(['/personal/klarsprak/ord', '/personal/klarsprak/ord/ny'], { as: COORDINATOR }),
  { path: '/personal/klarsprak/ord/{id}', linkedFrom: '/personal/klarsprak/ord', as: COORDINATOR },
  { path: '/en/personal/klarsprak/ord/{id}', linkedFrom: '/en/personal/klarsprak/ord', as: COORDINATOR },
  // The text review: the author's list and form, a reviewer's list and a text with its figures.
  ...inBothLanguages(['/personal/klarsprak', '/personal/klarsprak/ny'], { as: OFFICER }),
  ...inBothLanguages(['/personal/klarsprak'], { as: PLAIN_REVIEWER }),
  ...inBothLanguages(['/personal/klarsprak'], { as: COORDINATOR }),
  { path: '/personal/klarsprak/texter/{id}', linkedFrom: '/personal/klarsprak', as: PLAIN_REVIEWER },
  { path: '/en/personal/klarsprak/texter/{id}', linkedFrom: '/en/personal/klarsprak', as: PLAIN_REVIEWER },
  { path: '/personal/klarsprak/texter/{id}', linkedFrom: '/personal/klarsprak', as: OFFICER },
  { path: '/personal/klarsprak/texter/{id}', linkedFrom: '/personal/klarsprak', as: COORDINATOR },
].map((entry) => ({ status: 200, ...entry }));

/** Each Swedish path and its English counterpart (`/x`, `/en/x`), with the same options. */
function inBothLanguages(paths, options = {}) {
  return paths.flatMap((path) => [path, counterpartPath(path)].map((p) => ({ path: p, ...options })));
}

async function main() {
  let counts = { passed: 0, failed: 0 };
  let server;
  let browser;
  try {
    // Loaded here rather than imported at the top so a missing `npm ci`
    // is reported as a failed run with a summary line, not a stack trace.
    const { launchBrowser } = await import('./lib/browser.mjs');
    const { CHECK_GROUPS, runGroup, resolveEntry } = await import('./lib/checks.mjs');
    const { JOURNEYS } = await import('./lib/journeys.mjs');
    const { sessionStore } = await import('./lib/sessions.mjs');
    server = await startServer();
    console.log(`testing ${server.baseUrl}`);
    browser = await launchBrowser();
    const env = {
      browser,
      baseUrl: server.baseUrl,
      mailDir: server.mailDir,
      sessionFor: sessionStore(browser, server.baseUrl),
    };
    const resolve = once((entry) => resolveEntry(env, entry));
    // NARA_BROWSER_ONLY=text runs only the tests whose name contains it (while working on a page).
    const only = process.env.NARA_BROWSER_ONLY;
    counts = await runTests([
      ...buildTests(CHECK_GROUPS, runGroup, env, resolve),
      ...JOURNEYS.map(({ name, run }) => ({ name, fn: () => run(env) })),
    ].filter((test) => !only || test.name.includes(only)));
  } catch (error) {
    console.log(`FAIL setup\n${indent(describeSetupError(error))}`);
    counts.failed += 1;
  } finally {
    await closeQuietly('browser', () => browser?.close());
    await closeQuietly('server', () => server?.stop());
  }
  console.log(summaryLine(counts));
  process.exitCode = counts.failed > 0 ? 1 : 0;
}

function describeSetupError(error) {
  const hint = error?.code === 'ERR_MODULE_NOT_FOUND' ? '\n(run `npm ci` in tests/browser first)' : '';
  return describeError(error) + hint;
}

/** One test per (page x load): the checks of a group share the load, a failure names the check. */
function buildTests(groups, runGroup, env, resolve) {
  return PAGES.flatMap((entry) => groups.map((group) => ({
    name: `${entry.path}${entry.as ? ` (as ${entry.as})` : ''} › ${group.name}`,
    fn: async () => runGroup(group, { ...env, entry: await resolve(entry) }),
  })));
}

/** Teardown problems are worth a line but must not hide the test results. */
async function closeQuietly(what, close) {
  try {
    await close();
  } catch (error) {
    console.log(`warning: could not stop ${what}: ${describeError(error)}`);
  }
}

await main();
