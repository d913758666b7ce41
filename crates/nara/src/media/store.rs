//! Stored pictures. A picture is written in the transaction of the action that shows it (an
//! article saved, an item photographed) and removed in the one that stops showing it.

use uuid::Uuid;

use super::Processed;
use crate::db::{Db, Tx, UtcTime};

/// Stores a processed picture and returns its id, the only way to address it.
pub async fn insert(tx: &mut Tx, picture: &Processed, by: Uuid) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let (width, height) = (i32::try_from(picture.width)?, i32::try_from(picture.height)?);
    let size = i32::try_from(picture.bytes.len())?;
    tx.sql()
        .execute(
            "INSERT INTO images (id, content_type, width, height, size_bytes, content, uploaded_by, uploaded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[&id, &picture.content_type, &width, &height, &size, &picture.bytes, &by, &UtcTime::now()],
        )
        .await?;
    Ok(id)
}

/// A picture's content type and bytes.
pub async fn content(db: &Db, id: Uuid) -> anyhow::Result<Option<(String, Vec<u8>)>> {
    Ok(db.sql().optional("SELECT content_type, content FROM images WHERE id = $1", &[&id]).await?)
}

pub async fn delete(tx: &mut Tx, id: Uuid) -> anyhow::Result<()> {
    tx.sql().execute("DELETE FROM images WHERE id = $1", &[&id]).await?;
    Ok(())
}
