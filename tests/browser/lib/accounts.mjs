// The demo accounts `nara demo` creates (it prints them on start). No imports,
// so run.mjs can name them before the browser packages are loaded.
export const DEMO_PASSWORD = 'nara-demo-2026';
export const RESIDENT = 'invanare@demo.nara.se';
export const OTHER_RESIDENT = 'invanare2@demo.nara.se';
export const LOG_REVIEWER = 'granskare@demo.nara.se';
export const ADMIN = 'admin@demo.nara.se';
// A case officer of the adult services, who also organises its relatives' group.
export const OFFICER = 'handlaggare.vuxen@demo.nara.se';
// The development group's organiser: events only, no case work.
export const ORGANISER = 'arrangor@demo.nara.se';
export const ASSOCIATION = 'forening@demo.nara.se';
// The two grant assessors (applications above the threshold are scored by both).
export const GRANT_ASSESSOR = 'bidrag@demo.nara.se';
export const SECOND_GRANT_ASSESSOR = 'bidrag2@demo.nara.se';
// A case officer of children and family, whose cases hold the demo's placements and sentences.
export const CHILD_OFFICER = 'handlaggare.barn@demo.nara.se';
// The quality office: the board's goals (aggregates only).
export const QUALITY = 'kvalitet@demo.nara.se';
// The leisure bank: desk staff and work supervisor, and a participant on the task board.
export const LEISURE_STAFF = 'fritidsbank@demo.nara.se';
export const PARTICIPANT = 'deltagare@demo.nara.se';
// The coordinator of the plain-language group and the citizen reporters (edits and publishes).
export const COORDINATOR = 'samordnare@demo.nara.se';
// A reviewer of the plain-language group (klarspråkare): reviews staff texts.
export const PLAIN_REVIEWER = 'klarsprak@demo.nara.se';
// Two citizen reporters, each with their own articles.
export const REPORTER = 'reporter@demo.nara.se';
export const OTHER_REPORTER = 'reporter2@demo.nara.se';

export const LOGIN_PATH = '/logga-in';
