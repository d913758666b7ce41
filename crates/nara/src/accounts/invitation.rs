//! `/inbjudan/{token}`: staff invited by an administrator choose their password.

use crate::web::form::Form;
use axum::extract::{Path, State};
use axum::response::Response;

use super::TokenPurpose;
use super::reset::{ChooseForm, choose_password_form, choose_password_submit};
use crate::web::errors::AppError;
use crate::web::page::PageContext;
use crate::web::state::AppState;

pub async fn form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    choose_password_form(&state, &ctx, TokenPurpose::Invitation, &token).await
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
    Form(form): Form<ChooseForm>,
) -> Result<Response, AppError> {
    choose_password_submit(&state, &ctx, TokenPurpose::Invitation, &token, form).await
}
