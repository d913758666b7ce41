-- One line per committed transaction that changed what the public pages show (areas of help,
-- units, events, registrations, directory entries). Each server keeps those pages' data in memory
-- and follows this log to drop it when another process changes the data (`db::changes`).
CREATE TABLE data_changes (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    changed_at  TEXT NOT NULL
);
