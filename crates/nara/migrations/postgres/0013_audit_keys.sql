-- The audit log is signed with keys kept outside the database (HMAC-SHA-256). key_id names the
-- key that signed an entry; NULL marks entries hashed with plain SHA-256 before this migration.
-- Adding a column does not touch the rows, so the append-only triggers stay as they are.
ALTER TABLE audit_log ADD COLUMN key_id TEXT;

-- Each log gets an id that its entries and its checkpoints (written outside the database) are
-- bound to: checkpoints of another database in the same data directory are told apart, and
-- entries cannot be moved from one log to another.
ALTER TABLE audit_head ADD COLUMN log_id TEXT NOT NULL DEFAULT '';
UPDATE audit_head SET log_id = replace(gen_random_uuid()::text, '-', '');
