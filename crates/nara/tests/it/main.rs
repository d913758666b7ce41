//! Nära's integration tests, as one test binary: every suite links the crate once instead of
//! once per file, which is most of what the test build costs on a small machine. Each module is
//! one suite (its own doc says what it covers); `common` holds the shared test support, and every
//! database test runs on SQLite and on PostgreSQL through `on_both_backends!`.
//!
//! Run one suite with `cargo test --test it access::`, one test by a part of its name.

#[macro_use]
mod common;

mod access;
mod access_log;
mod accounts;
mod applications;
mod architecture;
mod assignments;
mod atomic;
mod audit;
mod bookings;
mod cases;
mod cli;
mod directory;
mod events;
mod goals;
mod grants;
mod hostile_input;
mod http;
mod ideas;
mod leisure;
mod leisure_limits;
mod leisure_photos;
mod leisure_statistics;
mod mail;
mod media;
mod meetings;
mod oidc;
mod plain_language;
mod plain_review;
mod plans;
mod reporters;
mod roles;
mod search_quality;
mod setup;
mod storage;
mod surveys;
mod two_processes;
