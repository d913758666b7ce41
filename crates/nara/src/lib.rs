//! Nära: one accessible way in to a Swedish city's social services.
//!
//! The domain rules live in feature modules (`help_areas`, `identity`, `audit`, …) and are pure
//! where they can be; storage (`db`, each feature's `store`) and HTTP (`web`, each feature's
//! handlers) sit at the edges. Access is decided in `policy` only.

pub mod accounts;
pub mod admin;
pub mod applications;
pub mod assignments;
pub mod audit;
pub mod bookings;
pub mod cases;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod directory;
pub mod events;
pub mod formats;
pub mod goals;
pub mod grants;
pub mod help_areas;
pub mod i18n;
pub mod ideas;
pub mod identity;
pub mod leisure;
pub mod mail;
pub mod maintenance;
pub mod media;
pub mod my_pages;
pub mod oidc;
pub mod plain_language;
pub mod plans;
pub mod policy;
pub mod rate_limit;
pub mod reporters;
pub mod secrets;
pub mod server;
pub mod sessions;
pub mod setup;
pub mod stockholm;
pub mod surveys;
pub mod telemetry;
pub mod web;
