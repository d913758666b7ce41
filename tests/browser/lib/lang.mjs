// The site's URL scheme: Swedish pages live at the root, English pages under
// /en/ with the same remaining path (`/tillganglighet` <-> `/en/tillganglighet`).

const ENGLISH_PREFIX = '/en';

function isEnglishPath(path) {
  return path === ENGLISH_PREFIX || path.startsWith(`${ENGLISH_PREFIX}/`);
}

/** The `<html lang>` a page at `path` must declare. */
export function expectedLang(path) {
  return isEnglishPath(path) ? 'en' : 'sv';
}

export function otherLang(lang) {
  return lang === 'en' ? 'sv' : 'en';
}

/** The same page in the other language: `/x` <-> `/en/x`, `/` <-> `/en/`. */
export function counterpartPath(path) {
  if (!isEnglishPath(path)) return `${ENGLISH_PREFIX}${path}`;
  return path.slice(ENGLISH_PREFIX.length) || '/';
}

/** `/en/` and `/en` name the same page; compare paths without a trailing slash. */
export function samePath(a, b) {
  const trim = (p) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
  return trim(a) === trim(b);
}
