// The site's URL scheme: Swedish pages live at the root, English pages under
// /en/ with the same remaining path (`/tillganglighet` <-> `/en/tillganglighet`).

const ENGLISH_PREFIX = '/en';

/** `/granskning/logg?vems=x` -> `/granskning/logg`: the query is page state, not which page. */
function withoutQuery(path) {
  return path.replace(/[?#].*$/, '');
}

function isEnglishPath(path) {
  const bare = withoutQuery(path);
  return bare === ENGLISH_PREFIX || bare.startsWith(`${ENGLISH_PREFIX}/`);
}

/** The `<html lang>` a page at `path` must declare. */
export function expectedLang(path) {
  return isEnglishPath(path) ? 'en' : 'sv';
}

export function otherLang(lang) {
  return lang === 'en' ? 'sv' : 'en';
}

/**
 * The same page in the other language: `/x` <-> `/en/x`, `/` <-> `/en/`.
 * Only the path: a query string (a search, a return address) is dropped.
 */
export function counterpartPath(path) {
  const bare = withoutQuery(path);
  if (!isEnglishPath(bare)) return `${ENGLISH_PREFIX}${bare}`;
  return bare.slice(ENGLISH_PREFIX.length) || '/';
}

/** `/en/` and `/en` name the same page; compare paths without a trailing slash. */
export function samePath(a, b) {
  const trim = (p) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
  return trim(a) === trim(b);
}
