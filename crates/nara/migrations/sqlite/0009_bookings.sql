-- Meetings a resident books with their contact person. An officer offers weekly windows (wall-clock
-- times in Stockholm) cut into meetings with a buffer, and blocks whole dates; a booking belongs
-- to a case. No time is ever booked twice: the booking transaction holds the officer's row (or,
-- on SQLite, the write lock) while it checks for overlaps, and a partial unique index backs it up.

-- One row per officer who takes bookings: what the booking transaction locks.
CREATE TABLE booking_officers (
    officer_id      BLOB PRIMARY KEY NOT NULL REFERENCES people (id),
    -- How long before a meeting the resident can still rebook or cancel it.
    notice_hours    INTEGER NOT NULL DEFAULT 24 CHECK (notice_hours BETWEEN 0 AND 336),
    created_at      TEXT NOT NULL
);

CREATE TABLE booking_windows (
    id               BLOB PRIMARY KEY NOT NULL,
    officer_id       BLOB NOT NULL REFERENCES booking_officers (officer_id),
    -- ISO weekday: 1 Monday … 7 Sunday.
    weekday          INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    starts           TEXT NOT NULL,
    ends             TEXT NOT NULL,
    meeting_minutes  INTEGER NOT NULL CHECK (meeting_minutes BETWEEN 10 AND 240),
    buffer_minutes   INTEGER NOT NULL CHECK (buffer_minutes BETWEEN 0 AND 240),
    -- Ways to meet in this window: any of in_person, phone, video, comma-separated.
    modes            TEXT NOT NULL,
    -- Where in-person meetings are held.
    place            TEXT,
    created_at       TEXT NOT NULL
);
CREATE INDEX booking_windows_officer ON booking_windows (officer_id);

CREATE TABLE booking_blocked_dates (
    officer_id  BLOB NOT NULL REFERENCES booking_officers (officer_id),
    blocked_on  TEXT NOT NULL,
    PRIMARY KEY (officer_id, blocked_on)
);

CREATE TABLE bookings (
    id            BLOB PRIMARY KEY NOT NULL,
    -- Read out over the phone; 80 random bits, never a key by itself.
    reference     TEXT NOT NULL UNIQUE,
    case_id       BLOB NOT NULL REFERENCES cases (id),
    resident_id   BLOB NOT NULL REFERENCES people (id),
    officer_id    BLOB NOT NULL REFERENCES booking_officers (officer_id),
    starts_at     TEXT NOT NULL,
    ends_at       TEXT NOT NULL,
    mode          TEXT NOT NULL CHECK (mode IN ('in_person', 'phone', 'video')),
    place         TEXT,
    status        TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
    -- iCalendar SEQUENCE: raised when the booking is cancelled.
    sequence      INTEGER NOT NULL DEFAULT 0,
    booked_by     BLOB NOT NULL REFERENCES people (id),
    booked_at     TEXT NOT NULL,
    cancelled_by  BLOB REFERENCES people (id),
    cancelled_at  TEXT,
    -- A rebooking cancels this booking and points to the new one.
    replaced_by   BLOB REFERENCES bookings (id),
    reminded_at   TEXT,
    CHECK (ends_at > starts_at),
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
CREATE UNIQUE INDEX bookings_one_per_time ON bookings (officer_id, starts_at) WHERE status = 'booked';
CREATE INDEX bookings_officer ON bookings (officer_id, status, starts_at);
CREATE INDEX bookings_case ON bookings (case_id, starts_at);
CREATE INDEX bookings_resident ON bookings (resident_id, starts_at);
