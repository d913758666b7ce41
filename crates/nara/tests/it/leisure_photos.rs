//! A photo of a kind of item, added at the desk through an item, on both databases: a phone's
//! JPEG with a GPS position comes out resized and without EXIF, and the public page shows it with
//! its alt text and size; a file that is not a picture, or a photo without alt text, is refused
//! with a message and nothing stored; a new photo replaces the old one and removing it deletes
//! the image.

use crate::common;

use axum::http::StatusCode;
use common::app::TestApp;
use nara::db::Db;
use nara::leisure::store;

use crate::leisure::{bank, count, item_path};
use crate::media::photo_with_exif_sized;

async fn upload(
    app: &TestApp,
    code: &str,
    alt: &str,
    name: &str,
    bytes: &[u8],
    token: &str,
) -> common::app::Answer {
    let parts: [(&str, Option<&str>, &[u8]); 2] =
        [("alt", None, alt.as_bytes()), ("image", Some(name), bytes)];
    app.post_multipart(&format!("{}/foto", item_path(code)), &parts, Some(token)).await
}

async fn images(db: &Db) -> i64 {
    count(db, "SELECT COUNT(*) FROM images").await
}

on_both_backends!(a_photo_is_stripped_resized_and_shown_with_its_alt_text, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let bank = bank(&db, 1).await;
    let (_, code) = &bank.items[0];
    let alt = "Ett par vita skridskor med blå skydd på skenorna";
    let phone_photo = photo_with_exif_sized(2400, 800);
    assert!(phone_photo.windows(3).any(|w| w == b"GPS"), "the test photo carries a position");
    let saved = upload(&app, code, alt, "IMG_2041.jpg", &phone_photo, &bank.staff).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert!(saved.location().ends_with("klart=foto"));
    let photo = store::photo(&db, bank.kind).await.unwrap().expect("the kind has a photo");
    assert_eq!((photo.width, photo.height, photo.alt.as_str()), (1200, 400, alt));
    let (content_type, stored) = nara::media::store::content(&db, photo.image_id).await.unwrap().unwrap();
    assert_eq!(content_type, "image/jpeg");
    assert!(!stored.windows(4).any(|w| w == b"Exif") && !stored.windows(3).any(|w| w == b"GPS"));
    assert_eq!(image::load_from_memory(&stored).unwrap().width(), 1200);
    // The public page shows it, in both languages, with its alt text and size.
    let img = format!(r#"src="/bild/{}" alt="{alt}" width="1200" height="400""#, photo.image_id);
    for path in ["/fritidsbanken", "/en/fritidsbanken"] {
        let page = app.get(path, None).await;
        assert!(page.body.contains(&img), "{path}: {}", page.body);
    }
    assert_eq!(app.get(&format!("/bild/{}", photo.image_id), None).await.status, StatusCode::OK);
    // A new photo replaces the old one, whose image is deleted.
    let png = crate::reporters::png();
    let again = upload(&app, code, "Skridskor i en hylla", "hylla.png", &png, &bank.staff).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    let replaced = store::photo(&db, bank.kind).await.unwrap().unwrap();
    assert_ne!(replaced.image_id, photo.image_id);
    assert!(nara::media::store::content(&db, photo.image_id).await.unwrap().is_none());
    assert_eq!(images(&db).await, 1);
    // Removing it deletes the image; the public page shows none, and removing again is not found.
    let remove = format!("{}/foto/ta-bort", item_path(code));
    let removed = app.post(&remove, &[], Some(&bank.staff)).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert_eq!(images(&db).await, 0);
    assert!(store::photo(&db, bank.kind).await.unwrap().is_none());
    assert!(!app.get("/fritidsbanken", None).await.body.contains("/bild/"));
    assert_eq!(app.post(&remove, &[], Some(&bank.staff)).await.status, StatusCode::NOT_FOUND);
    let logged = count(
        &db,
        "SELECT COUNT(*) FROM audit_log WHERE action IN ('leisure_photo_added', 'leisure_photo_removed')",
    )
    .await;
    assert_eq!(logged, 3);
});

on_both_backends!(a_photo_that_is_no_picture_or_has_no_alt_text_is_refused, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let bank = bank(&db, 1).await;
    let (_, code) = &bank.items[0];
    let not_a_picture = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".to_vec();
    let renamed = upload(&app, code, "Skridskor", "skridskor.jpg", &not_a_picture, &bank.staff).await;
    assert_eq!(renamed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(renamed.body.contains("Filen är inte en bild"), "{}", renamed.body);
    assert!(renamed.body.contains(r##"href="#image""##), "the error summary leads to the field");
    assert!(renamed.body.contains(r#"value="Skridskor""#), "the alt text is kept");
    let no_alt =
        upload(&app, code, "   ", "skridskor.jpg", &photo_with_exif_sized(300, 200), &bank.staff).await;
    assert_eq!(no_alt.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_alt.body.contains("Beskriv vad fotot visar."), "{}", no_alt.body);
    let long = "x".repeat(301);
    let too_long = upload(&app, code, &long, "a.jpg", &photo_with_exif_sized(300, 200), &bank.staff).await;
    assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_long.body.contains("högst 300 tecken"));
    let english = app
        .post_multipart(
            &format!("/en{}/foto", item_path(code)),
            &[("alt", None, b""), ("image", Some("a.jpg"), &not_a_picture)],
            Some(&bank.staff),
        )
        .await;
    assert_eq!(english.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(english.body.contains("Describe what the photo shows."), "{}", english.body);
    assert_eq!(images(&db).await, 0, "nothing is stored");
    assert!(store::photo(&db, bank.kind).await.unwrap().is_none());
    // A participant may not add one.
    let participant = common::app::person(
        &db,
        "deltagare@example.se",
        "Pelle Deltagare",
        &[crate::leisure::grant(nara::identity::Role::LeisureParticipant)],
    )
    .await;
    let p = crate::leisure::session(&db, participant).await;
    let refused = upload(&app, code, "Skridskor", "a.jpg", &photo_with_exif_sized(300, 200), &p).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
});
