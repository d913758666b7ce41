//! What each leisure page may load: an item by its label's code (a code that names no item is
//! "not found", whoever asks), and a resident's own loan (anyone else's is "not found", audited).

use uuid::Uuid;

use super::store::{self, ItemRow, LoanRow};
use crate::web::errors::AppError;
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::state::AppState;

/// The item a typed or scanned code names. A forged, guessed or mistyped code is a 404.
pub async fn item_by_code(state: &AppState, code: &str) -> Result<ItemRow, AppError> {
    let code = super::normalise_code(code).ok_or(AppError::NotFound)?;
    store::item_by_code(&state.db, &code).await?.ok_or(AppError::NotFound)
}

/// A loan of the signed-in resident.
pub async fn own_loan(state: &AppState, ctx: &PageContext, id: Uuid) -> Result<LoanRow, AppError> {
    let me = ctx.person()?.person.id;
    let loan = store::loan(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let allowed = loan.borrower_id == Some(me);
    guard::allow(state, ctx, allowed, Target::new("leisure_loan", id), Refusal::NotFound).await?;
    Ok(loan)
}

/// The log's entry for something the person on the page did (one shape for every feature).
pub use crate::web::guard::event;
