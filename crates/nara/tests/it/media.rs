//! Stored pictures on both databases: what is stored is the re-encoded picture (no EXIF), it is
//! served under its random id with a long cache, and a wrong or unknown id is not found.

use crate::common;

use axum::http::{StatusCode, header};
use common::app::{TestApp, person};
use image::RgbImage;
use image::codecs::jpeg::JpegEncoder;

fn photo_with_exif() -> Vec<u8> {
    photo_with_exif_sized(900, 300)
}

/// A JPEG of `width` × `height` with an EXIF segment that names a GPS position.
pub(crate) fn photo_with_exif_sized(width: u32, height: u32) -> Vec<u8> {
    let mut jpeg = Vec::new();
    RgbImage::from_pixel(width, height, image::Rgb([200, 120, 40]))
        .write_with_encoder(JpegEncoder::new_with_quality(&mut jpeg, 90))
        .unwrap();
    let payload = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\0GPS 59N 18E";
    let length = u16::try_from(payload.len() + 2).unwrap().to_be_bytes();
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1, length[0], length[1]]);
    out.extend_from_slice(payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

on_both_backends!(a_stored_picture_is_served_without_its_metadata, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let uploader = person(&db, "bild@example.se", "Bild Laddare", &[]).await;
    let processed = nara::media::process_off_thread(photo_with_exif(), 600).await.unwrap();
    let mut tx = db.begin_write().await.unwrap();
    let id = nara::media::store::insert(&mut tx, &processed, uploader).await.unwrap();
    tx.commit().await.unwrap();

    let (content_type, stored) = nara::media::store::content(&db, id).await.unwrap().unwrap();
    assert_eq!(content_type, "image/jpeg");
    assert_eq!(stored, processed.bytes);
    assert!(!stored.windows(4).any(|w| w == b"Exif"), "no EXIF is stored");
    assert_eq!(image::load_from_memory(&stored).unwrap().width(), 600);

    let answer = app.get(&format!("/bild/{id}"), None).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.headers[header::CONTENT_TYPE], "image/jpeg");
    assert!(answer.headers[header::CACHE_CONTROL].to_str().unwrap().contains("immutable"));

    for missing in [uuid::Uuid::new_v4().to_string(), "inte-en-bild".to_string()] {
        assert_eq!(app.get(&format!("/bild/{missing}"), None).await.status, StatusCode::NOT_FOUND);
    }
});
