//! `GET /bild/{image}`: a stored picture. Its id is random and a picture never changes (a new
//! upload is a new id), so it is cached for a year.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use uuid::Uuid;

use super::store;
use crate::web::errors::AppError;
use crate::web::state::AppState;

pub async fn serve(State(state): State<AppState>, Path(image): Path<String>) -> Result<Response, AppError> {
    let id = Uuid::try_parse(&image).map_err(|_| AppError::NotFound)?;
    let (content_type, bytes) = store::content(&state.db, id).await?.ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable".into()),
        ],
        bytes,
    )
        .into_response())
}
