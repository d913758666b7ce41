//! File formats we emit for people's own tools.

pub mod csv;
