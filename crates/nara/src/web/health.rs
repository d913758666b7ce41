//! `/healthz`: the process answers. `/readyz`: the database answers and its schema is current.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::web::state::AppState;

pub async fn healthz() -> &'static str {
    "ok"
}

pub async fn readyz(State(state): State<AppState>) -> Response {
    let (status, body) = match state.db.migration_status().await {
        Ok(migrations) if migrations.is_current() => (StatusCode::OK, json!({ "status": "ready" })),
        Ok(migrations) => (
            StatusCode::SERVICE_UNAVAILABLE,
            json!({ "status": "not ready", "reason": "migrations pending", "pending": migrations.pending }),
        ),
        Err(error) => {
            tracing::warn!(error = format!("{error:#}"), "not ready");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                json!({ "status": "not ready", "reason": "database unreachable" }),
            )
        }
    };
    (status, Json(body)).into_response()
}
