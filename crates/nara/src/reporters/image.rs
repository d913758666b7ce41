//! An article's picture (`POST /invanarreporter/artiklar/{article}/bild`): uploaded by its reporter
//! with the alt text, which is required, through `media` (checked by its content, shrunk and
//! re-encoded so no EXIF or position survives). A new picture replaces the old one.

use axum::extract::{Multipart, Path, State};
use axum::response::Response;
use uuid::Uuid;

use super::writing::{Existing, article_page, back_to, form_of};
use super::{MAX_ALT, access, store};
use crate::audit::Action;
use crate::web::errors::AppError;
use crate::web::form::{FormErrors, bounded_text};
use crate::web::page::PageContext;
use crate::web::state::AppState;

/// The longest side of an article's picture, in pixels.
const MAX_SIDE: u32 = 1600;

pub async fn upload(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let article = access::own_article(&state, &ctx, id).await?;
    if !article.status.writable() {
        return Err(AppError::NotFound);
    }
    let (mut alt, mut bytes) = (String::new(), Vec::new());
    while let Some(field) = multipart.next_field().await.map_err(|e| crate::web::form::multipart_error(&e))? {
        match field.name() {
            Some("alt") => {
                alt = crate::web::form::text_field(field).await.map_err(|_| AppError::BadRequest)?
            }
            Some("image") => {
                bytes = field.bytes().await.map_err(|e| crate::web::form::multipart_error(&e))?.to_vec()
            }
            _ => {}
        }
    }
    let mut errors = FormErrors::default();
    let alt_text = bounded_text(&alt, MAX_ALT)
        .map_err(|p| p.add_to(&mut errors, "alt", "article-error-alt", "article-error-alt-long"))
        .ok();
    let picture = match crate::media::process_off_thread(bytes, MAX_SIDE).await {
        Ok(picture) => Some(picture),
        Err(problem) => {
            errors.add("image", problem.message_key());
            None
        }
    };
    let (Some(alt_text), Some(picture)) = (alt_text, picture) else {
        let existing = Existing { image_alt: alt, image_errors: errors, ..Existing::of(&article) };
        let form = form_of(&state, &article).await?;
        return article_page(&state, &ctx, Some(existing), form, FormErrors::default()).await;
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    let image = crate::media::store::insert(&mut tx, &picture, me).await?;
    let Some(old) = store::set_image(&mut tx, id, image, &alt_text).await? else {
        return Err(AppError::NotFound);
    };
    if let Some(old) = old {
        crate::media::store::delete(&mut tx, old).await?;
    }
    crate::audit::store::append(&mut tx, &access::event(&ctx, Action::ArticleImageChosen, "article", id))
        .await?;
    tx.commit().await?;
    Ok(back_to(&ctx, id, "bild"))
}
