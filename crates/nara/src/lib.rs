//! Nära: one accessible way in to a Swedish city's social services.
//!
//! The domain rules live in feature modules (`help_areas`, …) and are pure where they can be;
//! storage (`db`) and HTTP (`web`) sit at the edges.

pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod help_areas;
pub mod i18n;
pub mod secrets;
pub mod server;
pub mod telemetry;
pub mod web;
