// The per-page checks, grouped by the page load they need: the checks of one group share one
// load in a fresh context (loading a page once for each of nine checks made the suite three
// times slower), run in order, and each failure is reported under its own check's name.
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { withPage } from './browser.mjs';
import { counterpartPath, expectedLang, otherLang, samePath } from './lang.mjs';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// WCAG 1.4.10: 1280 px at 400 % zoom is 320 CSS px wide.
const REFLOW_VIEWPORT = { width: 320, height: 256 };
// Sub-pixel rounding can make scrollWidth exceed innerWidth by one.
const REFLOW_TOLERANCE_PX = 1;
const HASH_CHANGE_TIMEOUT_MS = 3_000;
// Cap on waiting for CSS transitions, so an endless animation cannot hang a check.
const SETTLE_TIMEOUT_MS = 1_000;

/**
 * Each group: a name for the report, the context its page is loaded in, and its checks, each
 * `{ name, run(page, response, t) }`. Within a group the order matters: checks that only read
 * come first, the ones that move focus or navigate (skip link, language switch) last.
 */
export const CHECK_GROUPS = [
  {
    name: 'as loaded',
    context: {},
    watch: watchLoad,
    checks: [
      { name: 'status, html lang and dir', run: checkStatusAndLang },
      { name: 'no failed requests or console errors', run: checkCleanLoad },
      { name: 'one h1, landmarks and skip link', run: checkLayout },
      { name: 'axe: no WCAG 2.1 A/AA violations', run: assertNoAxeViolations },
      { name: 'reflow at 320 CSS px (400 % zoom)', run: atReflowWidth(checkReflow) },
      { name: 'tables read as lists at 320 CSS px', run: atReflowWidth(checkNarrowLists) },
      { name: 'keyboard: skip link first, visible focus', run: checkSkipLink },
      { name: 'language switch', run: checkLanguageSwitch },
    ],
  },
  {
    name: 'without JavaScript',
    context: { javaScriptEnabled: false },
    checks: [{ name: 'works with JavaScript disabled', run: checkWithoutJavaScript }],
  },
];

/** Loads the entry once in the group's context and runs every check; throws naming each failed one. */
export async function runGroup(group, t) {
  const problems = [];
  const loadProblems = [];
  await visit(t, { context: group.context, beforeLoad: (page) => group.watch?.(page, loadProblems) },
    async (page, response) => {
      for (const check of group.checks) {
        try {
          await check.run(page, response, { ...t, loadProblems });
        } catch (error) {
          problems.push(`${check.name}: ${error?.message ?? error}`);
        }
      }
    });
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

/**
 * Opens the entry's page in a new context built from `options.context` and
 * hands `fn(page, response)` the result. `options.beforeLoad(page)` runs
 * before navigation, for listeners that must see the whole load. An entry
 * with `as: email` is opened signed in as that account (`sessionFor(email)`)
 * and must not be redirected.
 */
export async function visit({ browser, baseUrl, entry, sessionFor }, { context = {}, beforeLoad = () => {} }, fn) {
  const storageState = entry.as ? await sessionFor(entry.as) : undefined;
  return withPage(browser, { storageState, ...context }, async (page) => {
    beforeLoad(page);
    const url = `${baseUrl}${entry.path}`;
    const response = await page.goto(url, { waitUntil: 'load' });
    assert.ok(response, `no HTTP response for ${url}`);
    // A lost session redirects to the log-in page, which would pass every check.
    const landed = new URL(page.url());
    assert.ok(!entry.as || `${landed.pathname}${landed.search}` === entry.path,
      `signed in as ${entry.as}, ${entry.path} redirected to ${page.url()}`);
    return fn(page, response);
  });
}

/**
 * Fills in an entry's `{id}` path from the first link in <main> on the page `entry.linkedFrom`
 * whose href has the entry's shape (`{id}` standing for one path segment); other entries come
 * back as they are. `linkedFrom` may itself have an `{id}`, found the same way on `entry.via`.
 */
export async function resolveEntry(env, entry) {
  if (!entry.linkedFrom) return entry;
  const from = entry.linkedFrom.includes('{')
    ? (await resolveEntry(env, { path: entry.linkedFrom, linkedFrom: entry.via, as: entry.as })).path
    : entry.linkedFrom;
  const escaped = entry.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  const shape = `^${escaped.replace('{id}', '[^/?#]+')}$`;
  const path = await visit({ ...env, entry: { ...entry, path: from } }, {},
    (page) => page.locator('main a[href]').evaluateAll(
      (links, pattern) => links.map((a) => a.getAttribute('href')).find((href) => new RegExp(pattern).test(href)),
      shape,
    ));
  if (!path) throw new Error(`no link like ${entry.path} on ${from}`);
  return { ...entry, path };
}

function readHtmlLangAndDir(page) {
  return page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    dir: document.documentElement.getAttribute('dir'),
  }));
}

async function checkStatusAndLang(page, response, t) {
  assert.equal(response.status(), t.entry.status, `HTTP status of ${t.entry.path}`);
  // A 404 must still be a full HTML page, not a bare text body.
  const contentType = response.headers()['content-type'] ?? '';
  assert.match(contentType, /^text\/html/, `Content-Type is ${JSON.stringify(contentType)}, expected text/html`);
  const { lang, dir } = await readHtmlLangAndDir(page);
  assert.equal(lang, expectedLang(t.entry.path), '<html lang>');
  assert.match(dir ?? '', /^(ltr|rtl|auto)$/, `<html dir> must be set (got ${JSON.stringify(dir)})`);
}

/** Runs axe on the page as it is now (also usable after an interaction, say on a form's error state). */
export async function assertNoAxeViolations(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (violations.length > 0) {
    throw new Error(`${violations.length} axe violation(s) on ${page.url()}:\n${formatViolations(violations)}`);
  }
}

/** One block per rule: id, impact, help, then every offending selector and why. */
export function formatViolations(violations) {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map((node) => {
        const why = (node.failureSummary ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
        return `    at ${node.target.join(' ')}\n      ${why.join(' | ')}`;
      });
      return [`  ${violation.id} (${violation.impact}): ${violation.help}`, `    ${violation.helpUrl}`, ...nodes].join('\n');
    })
    .join('\n');
}

/**
 * Landmarks and the skip link belong to the shared layout, so checking them on
 * every page also proves each route renders inside the same layout.
 */
async function checkLayout(page) {
  const problems = [];
  const expectOne = async (label, locator) => {
    const count = await locator.count();
    if (count !== 1) problems.push(`expected exactly one ${label}, found ${count}`);
  };
  await expectOne('<h1>', page.locator('h1'));
  await expectOne('banner landmark (<header>)', page.getByRole('banner'));
  await expectOne('main landmark (<main>)', page.getByRole('main'));
  await expectOne('contentinfo landmark (<footer>)', page.getByRole('contentinfo'));
  const mainId = await page.evaluate(() => document.querySelector('main')?.id ?? '');
  if (!mainId) problems.push('<main> has no id for the skip link to target');
  else await expectOne(`skip link <a href="#${mainId}">`, page.locator(`a[href="#${mainId}"]`));
  assert.ok(problems.length === 0, problems.join('; '));
}

async function checkSkipLink(page) {
  // The checks before only read the page: focus is where the load left it.
  await page.keyboard.press('Tab');
  const link = await page.evaluateHandle(() => document.activeElement);
  const { tag, href, text } = await link.evaluate(describeElement);
  assert.ok(tag === 'a' && href?.startsWith('#'),
    `first Tab focused <${tag}> "${text}" (href ${href}), expected a skip link <a href="#...">`);
  await assertFocusVisible(page, link);
  await link.evaluate((el) => el.focus());
  await page.keyboard.press('Enter');
  await assertSkippedToMain(page, href);
}

/** Runs in the page: a short description of an element for messages. */
function describeElement(el) {
  return {
    tag: el?.tagName?.toLowerCase() ?? 'nothing',
    href: el?.getAttribute?.('href') ?? null,
    text: (el?.textContent ?? '').trim().slice(0, 60),
  };
}

/** Runs in the page: the properties that make a focus indicator, plus placement. */
function readFocusStyle(el) {
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  return {
    indicator: {
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
      outlineColor: style.outlineColor,
      boxShadow: style.boxShadow,
    },
    rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
    viewport: { width: window.innerWidth, height: window.innerHeight },
  };
}

/** Lets focus transitions finish so computed styles show the end state. */
function settleAnimations(page) {
  return page.evaluate((capMs) => Promise.race([
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => {}))),
    new Promise((resolve) => setTimeout(resolve, capMs)),
  ]), SETTLE_TIMEOUT_MS);
}

/**
 * WCAG 2.4.7: the focused skip link must show an outline or box-shadow that it
 * does not have unfocused, and must actually be on screen (skip links are
 * often hidden until focused; a 1x1 px clipped box does not count).
 */
async function assertFocusVisible(page, link) {
  await settleAnimations(page);
  const focused = await link.evaluate(readFocusStyle);
  await link.evaluate((el) => el.blur());
  await settleAnimations(page);
  const unfocused = await link.evaluate(readFocusStyle);

  const { indicator } = focused;
  const hasOutline = indicator.outlineStyle !== 'none' && parseFloat(indicator.outlineWidth) > 0;
  const hasShadow = indicator.boxShadow !== 'none';
  assert.ok(hasOutline || hasShadow, `focused skip link has no outline or box-shadow: ${JSON.stringify(indicator)}`);
  assert.notDeepEqual(indicator, unfocused.indicator,
    `skip link looks the same focused and unfocused: ${JSON.stringify(indicator)}`);

  const { rect, viewport } = focused;
  const onScreen = rect.right - rect.left > 1 && rect.bottom - rect.top > 1
    && rect.left < viewport.width && rect.top < viewport.height && rect.right > 0 && rect.bottom > 0;
  assert.ok(onScreen, `focused skip link is not visible on screen: ${JSON.stringify(rect)}`);
}

/** After Enter on the skip link: the hash targets <main>, and the next Tab does not go back into the header. */
async function assertSkippedToMain(page, href) {
  try {
    await page.waitForFunction((expected) => location.hash === expected, href, { timeout: HASH_CHANGE_TIMEOUT_MS });
  } catch {
    const hash = await page.evaluate(() => location.hash);
    assert.fail(`Enter on the skip link did not set location.hash to ${href} (it is ${JSON.stringify(hash)})`);
  }
  const targetInMain = await page.evaluate(() => {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    return Boolean(target?.closest('main'));
  });
  assert.ok(targetInMain, `skip link target ${href} is not <main> or inside it`);

  // Browsers move the sequential focus starting point to the fragment target,
  // so the next Tab must land in or after <main>. Body means nothing
  // focusable follows, which is fine.
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => {
    const active = document.activeElement;
    const main = document.querySelector('main');
    const after = Boolean(main.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
    return { ok: active === document.body || main.contains(active) || after, html: active.outerHTML.slice(0, 120) };
  });
  assert.ok(next.ok, `Tab after the skip link went back before <main>, to ${next.html}`);
}

async function checkWithoutJavaScript(page) {
  const heading = page.locator('h1').first();
  assert.ok(await heading.isVisible(), '<h1> is missing, hidden or empty with JavaScript disabled');
  const text = (await heading.textContent()).trim();
  assert.notEqual(text, '', '<h1> is empty with JavaScript disabled');
}

/**
 * Runs `check` with the page narrowed to 320 CSS px, as zooming a loaded page to 400 % on a
 * 1280 px screen does, then gives back the width the checks after it expect. Narrowing the page
 * already loaded spares a page load of its own (a third of the suite's) and is what zoom does.
 */
function atReflowWidth(check) {
  return async (page, response, t) => {
    const width = page.viewportSize();
    await page.setViewportSize(REFLOW_VIEWPORT);
    try {
      return await check(page, response, t);
    } finally {
      await page.setViewportSize(width);
    }
  };
}

async function checkReflow(page) {
  const { scrollWidth, innerWidth, widest } = await page.evaluate(measureOverflow);
  assert.ok(scrollWidth <= innerWidth + REFLOW_TOLERANCE_PX,
    `horizontal scrolling at ${innerWidth} px: scrollWidth is ${scrollWidth}; widest elements: ${widest.join(', ')}`);
}

/**
 * An entry marked `narrowLists` (the work list, the access log, the month) shows its tables as
 * one block per row or per day at 320 px: none of them is left to scroll sideways.
 */
async function checkNarrowLists(page, _response, t) {
  if (!t.entry.narrowLists) return;
  const wraps = await page.evaluate(() => [...document.querySelectorAll('main .table-wrap')]
    .map((wrap) => ({ table: wrap.querySelector('table')?.className, scroll: wrap.scrollWidth, width: wrap.clientWidth })));
  assert.ok(wraps.length > 0, 'the page has no table to check');
  const wide = wraps.filter((w) => w.scroll > w.width + REFLOW_TOLERANCE_PX);
  assert.deepEqual(wide, [], `tables scroll sideways at 320 px: ${JSON.stringify(wide)}`);
}

/**
 * Runs in the page: document width plus the innermost elements sticking out,
 * to say what to fix. An element's own box can fit while its content (say a
 * long unbreakable Swedish compound word) overflows it, so count both.
 */
function measureOverflow() {
  const limit = window.innerWidth;
  const rightEdge = (el) => {
    const rect = el.getBoundingClientRect();
    return Math.max(rect.right, rect.left + el.scrollWidth);
  };
  const describe = (el) => el.tagName.toLowerCase()
    + (el.id ? `#${el.id}` : '')
    + [...el.classList].map((name) => `.${name}`).join('')
    + ` (to ${Math.round(rightEdge(el))} px)`;
  const overflowing = [...document.body.querySelectorAll('*')].filter((el) => rightEdge(el) > limit + 1);
  // Ancestors only overflow because of what is inside them; name the innermost.
  const widest = overflowing
    .filter((el) => !overflowing.some((other) => other !== el && el.contains(other)))
    .sort((a, b) => rightEdge(b) - rightEdge(a))
    .slice(0, 5)
    .map(describe);
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: limit, widest };
}

/** A link marked with the other language (hreflang or lang) must lead to this page's counterpart. */
async function checkLanguageSwitch(page, _response, t) {
  const lang = expectedLang(t.entry.path);
  const other = otherLang(lang);
  const wanted = counterpartPath(t.entry.path);
  const candidates = page.locator(`a[hreflang|="${other}"], a[lang|="${other}"]`);
  const paths = await candidates.evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
  assert.ok(paths.length > 0, `no link with hreflang="${other}" or lang="${other}" on ${t.entry.path}`);
  const index = paths.findIndex((path) => samePath(path, wanted));
  assert.ok(index >= 0, `no ${other} link to ${wanted}; ${other} links point to: ${paths.join(', ')}`);

  // The skip link check before may have left a fragment: compare without it.
  const startUrl = page.url().split('#')[0];
  await candidates.nth(index).click();
  await page.waitForURL((url) => url.href.split('#')[0] !== startUrl);
  const landed = await readHtmlLangAndDir(page);
  assert.equal(landed.lang, other, `<html lang> after following the language link to ${page.url()}`);
}

/**
 * Every stylesheet, script and image must load, and nothing may be logged as
 * an error: the other checks would pass on an unstyled page, and a
 * Content-Security-Policy violation only shows up in the console. The
 * listeners are on from before the load (`watchLoad`); what they saw up to
 * the end of the load is checked, before any interaction.
 */
function watchLoad(page, problems) {
  page.on('console', (message) => {
    // Chromium logs every 4xx as "Failed to load resource" without the URL;
    // the response listener below reports those with the URL instead.
    const isLoadFailure = message.text().startsWith('Failed to load resource');
    if (message.type() === 'error' && !isLoadFailure) problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    // The page itself may be a deliberate 404; the status check owns its status.
    const isPage = response.request().isNavigationRequest();
    if (!isPage && response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
}

async function checkCleanLoad(_page, _response, t) {
  assert.ok(t.loadProblems.length === 0, t.loadProblems.join('\n'));
}
