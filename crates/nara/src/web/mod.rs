//! The HTTP edge. `state`, `form`, `errors`, `page` and `shell` are the toolkit features build on;
//! `routes` imports every feature and assembles the application at the top.

pub mod assets;
pub mod auth;
pub mod conditional;
pub mod errors;
pub mod form;
pub mod guard;
pub mod health;
pub mod metrics;
pub mod page;
pub mod pages;
pub mod routes;
pub mod security;
pub mod shell;
pub mod site_path;
pub mod state;
