//! A photo of a kind of item, added at the desk from any item of the kind
//! (`POST /personal/fritidsbanken/artikel/{code}/foto`) with its alt text, which is required, and
//! shown on the public page. It goes through `media`: checked by its content, shrunk and
//! re-encoded so no EXIF or position survives. A new photo replaces the old one; removing a
//! photo deletes its image.

use axum::extract::{Multipart, Path, State};
use axum::response::Response;

use super::staff::{Kept, done, item_page};
use super::{access, store};
use crate::audit::Action;
use crate::web::errors::AppError;
use crate::web::form::{FormErrors, bounded_text, multipart_error, text_field};
use crate::web::page::PageContext;
use crate::web::state::AppState;

/// The longest side of a photo, in pixels: sharp in the public list, small to send.
const MAX_SIDE: u32 = 1200;
/// The longest alt text.
pub const MAX_ALT: usize = 300;

/// A kind's photo as a page shows it.
pub struct PhotoView {
    pub src: String,
    pub alt: String,
    pub width: i32,
    pub height: i32,
}

impl From<store::PhotoRow> for PhotoView {
    fn from(row: store::PhotoRow) -> Self {
        Self { src: format!("/bild/{}", row.image_id), alt: row.alt, width: row.width, height: row.height }
    }
}

/// `POST /personal/fritidsbanken/artikel/{code}/foto`.
pub async fn upload(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(code): Path<String>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let item = access::item_by_code(&state, &code).await?;
    let (mut alt, mut bytes) = (String::new(), Vec::new());
    while let Some(field) = multipart.next_field().await.map_err(|e| multipart_error(&e))? {
        match field.name() {
            Some("alt") => alt = text_field(field).await.map_err(|_| AppError::BadRequest)?,
            Some("image") => bytes = field.bytes().await.map_err(|e| multipart_error(&e))?.to_vec(),
            _ => {}
        }
    }
    let mut errors = FormErrors::default();
    let alt_text = bounded_text(&alt, MAX_ALT)
        .map_err(|p| p.add_to(&mut errors, "alt", "leisure-error-alt", "leisure-error-alt-long"))
        .ok();
    let picture = match crate::media::process_off_thread(bytes, MAX_SIDE).await {
        Ok(picture) => Some(picture),
        Err(problem) => {
            errors.add("image", problem.message_key());
            None
        }
    };
    let (Some(alt_text), Some(picture)) = (alt_text, picture) else {
        let kept = Kept { alt, ..Kept::default() };
        return item_page(&state, &ctx, item, errors, kept, None).await;
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    let image = crate::media::store::insert(&mut tx, &picture, me).await?;
    if let Some(old) = store::set_photo(&mut tx, item.type_id, image, &alt_text, me).await? {
        crate::media::store::delete(&mut tx, old).await?;
    }
    let event = access::event(&ctx, Action::LeisurePhotoAdded, "leisure_item_type", item.type_id);
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(done(&ctx, &item, "foto"))
}

/// `POST /personal/fritidsbanken/artikel/{code}/foto/ta-bort`: the kind's photo is no longer
/// shown and its image is deleted.
pub async fn remove(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let item = access::item_by_code(&state, &code).await?;
    let mut tx = state.db.begin_write().await?;
    let Some(image) = store::remove_photo(&mut tx, item.type_id).await? else {
        return Err(AppError::NotFound);
    };
    crate::media::store::delete(&mut tx, image).await?;
    let event = access::event(&ctx, Action::LeisurePhotoRemoved, "leisure_item_type", item.type_id);
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(done(&ctx, &item, "foto-borttaget"))
}
