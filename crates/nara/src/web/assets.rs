//! Static files, built into the binary so the server runs from any working directory.
//! Addresses carry a content hash, so browsers may cache them for a year.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::web::errors::AppError;

struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static str,
}

static ASSETS: &[Asset] = &[
    Asset {
        name: "nara.css",
        content_type: "text/css; charset=utf-8",
        body: include_str!("../../static/nara.css"),
    },
    Asset {
        name: "session.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../static/session.js"),
    },
    Asset {
        name: "klarsprak.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../static/klarsprak.js"),
    },
    Asset {
        name: "leisure-scan.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../static/leisure-scan.js"),
    },
];

/// A short hash of every asset's content, to bust caches when the files change.
static VERSION: LazyLock<String> = LazyLock::new(|| {
    // FNV-1a: tiny and stable across builds, which is all a cache key needs.
    let mut hash: u64 = 0xcbf29ce484222325;
    for byte in ASSETS.iter().flat_map(|a| a.body.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x100000001b3);
    }
    format!("{:012x}", hash & 0xffff_ffff_ffff)
});

static STYLESHEET_HREF: LazyLock<String> = LazyLock::new(|| format!("/static/{}/nara.css", *VERSION));
static SESSION_SCRIPT_HREF: LazyLock<String> = LazyLock::new(|| format!("/static/{}/session.js", *VERSION));

static LEISURE_SCAN_HREF: LazyLock<String> =
    LazyLock::new(|| format!("/static/{}/leisure-scan.js", *VERSION));

static KLARSPRAK_HREF: LazyLock<String> = LazyLock::new(|| format!("/static/{}/klarsprak.js", *VERSION));

/// The plain-language hints as staff type (an enhancement; the hints show on save without it).
pub fn klarsprak_href() -> &'static str {
    &KLARSPRAK_HREF
}

/// The leisure bank's scan page's camera reader (an enhancement; typing the code always works).
pub fn leisure_scan_href() -> &'static str {
    &LEISURE_SCAN_HREF
}

pub fn stylesheet_href() -> &'static str {
    &STYLESHEET_HREF
}

/// The script that warns before an idle session ends (an enhancement; pages work without it).
pub fn session_script_href() -> &'static str {
    &SESSION_SCRIPT_HREF
}

/// `GET /static/{version}/{name}`. An old version still gets the current file, uncached.
pub async fn serve(Path((version, name)): Path<(String, String)>) -> Result<Response, AppError> {
    let asset = ASSETS.iter().find(|a| a.name == name).ok_or(AppError::NotFound)?;
    let cache = if version == *VERSION { "public, max-age=31536000, immutable" } else { "no-cache" };
    Ok(([(header::CONTENT_TYPE, asset.content_type), (header::CACHE_CONTROL, cache)], asset.body)
        .into_response())
}
